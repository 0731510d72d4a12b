package com.scratch.emulators.iam;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (also none, also across {@code :} and
 * {@code /}), {@code ?} exactly one, every other character itself. Actions compare without regard to case,
 * resources with it.
 */
final class IamPattern {

    private IamPattern() {
    }

    static boolean matchesAction(String pattern, String action) {
        return matches(pattern, action, true);
    }

    static boolean matchesResource(String pattern, String resource) {
        return matches(pattern, resource, false);
    }

    /** Classic two-pointer glob match with backtracking to the last {@code *}: linear for IAM-sized patterns. */
    static boolean matches(String pattern, String value, boolean ignoreCase) {
        int p = 0;
        int v = 0;
        int star = -1;
        int starMatch = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), value.charAt(v), ignoreCase))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starMatch = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++starMatch;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
