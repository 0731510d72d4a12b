package com.scratch.emulators.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like the real services' ones: random, so tests cannot come to depend on them. */
public final class RandomIds {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private RandomIds() {
    }

    /** For example {@code alphanumeric("pi_", 24)} gives {@code pi_3MtwBwLkdIwHu7ix28a3tqPa}. */
    public static String alphanumeric(String prefix, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }
}
