package com.scratch.emulators.stripe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which bearer keys the emulator accepts, and how keys are shown in messages: never in full. */
final class ApiKeys {

    private static final Pattern PREFIX = Pattern.compile("^([a-z]{2,4}_(?:test|live)_)");

    private ApiKeys() {
    }

    /** Test-mode secret or restricted keys; only {@code requiredKey} when one is set. */
    static boolean accepts(String key, String requiredKey) {
        if (key == null || !(key.startsWith("sk_test_") || key.startsWith("rk_test_"))) {
            return false;
        }
        return requiredKey == null || requiredKey.equals(key);
    }

    /** {@code sk_test_51Habcd...wxyz} becomes {@code sk_test_****wxyz}, as in Stripe's own error messages. */
    static String mask(String key) {
        if (key == null) {
            return null;
        }
        Matcher prefix = PREFIX.matcher(key);
        String shownPrefix = prefix.find() ? prefix.group(1) : "";
        String rest = key.substring(shownPrefix.length());
        // Short keys show nothing of their end: four characters of a six-character key is most of it.
        String lastFour = rest.length() >= 8 ? rest.substring(rest.length() - 4) : "";
        return shownPrefix + "****" + lastFour;
    }
}
