package com.scratch.emulators.internal;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like the real services' ones: random, so tests cannot come to depend on them. */
public final class RandomIds {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom SECURE = new SecureRandom();

    private RandomIds() {
    }

    /** For example {@code alphanumeric("pi_", 24)} gives {@code pi_3MtwBwLkdIwHu7ix28a3tqPa}. */
    public static String alphanumeric(String prefix, int length) {
        return alphanumeric(prefix, length, ThreadLocalRandom.current());
    }

    /** The same from a {@link SecureRandom}, for a value that guards something, such as an API key. */
    public static String secret(String prefix, int length) {
        return alphanumeric(prefix, length, SECURE);
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static String alphanumeric(String prefix, int length, Random random) {
        StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
