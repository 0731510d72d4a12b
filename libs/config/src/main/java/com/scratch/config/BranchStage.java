package com.scratch.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The stage a Git branch deploys to: {@code main} is {@code dev}; any other branch gets a feature stage of its own,
 * its name made into what {@link Stage} accepts:
 *
 * <ul>
 *   <li>accents dropped, lower case, every run of other characters one hyphen, none at either end
 *       ({@code Feature_Login-2} → {@code feature-login-2});</li>
 *   <li>a letter first: {@code b-} before a name that starts otherwise ({@code 123-fix} → {@code b-123-fix});</li>
 *   <li>never {@code prod} or {@code dev}, which only a tag and {@code main} deploy: a branch named so gets
 *       {@code b-} too;</li>
 *   <li>at most {@link Stage#MAX_LENGTH} characters: a longer name keeps its beginning and ends with 8 hex
 *       characters of the SHA-256 of the whole branch name, so two long branches that start alike get two stages.
 *       So does a name with no letter or digit left ({@code 功能} → {@code b-} and the hash).</li>
 * </ul>
 *
 * <p>Two branches that differ only in what the first rule drops ({@code feature/login}, {@code Feature_Login}) share
 * a stage; Git hosts rarely hold both.
 *
 * <p>The command the workflows run, and anyone by hand: {@code deploy/stage-of-branch <branch>} (this class's
 * {@link #main}).
 */
public final class BranchStage {

    static final String MAIN_BRANCH = "main";
    private static final String PREFIX = "b-";
    private static final int HASH_LENGTH = 8;

    private BranchStage() {
    }

    /**
     * @throws IllegalArgumentException when the branch name is blank
     */
    public static Stage of(String branch) {
        Objects.requireNonNull(branch, "branch == null");
        String trimmed = branch.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A branch name is needed; got '" + branch + "'");
        }
        if (trimmed.startsWith("refs/heads/")) {
            trimmed = trimmed.substring("refs/heads/".length());
        }
        if (trimmed.equals(MAIN_BRANCH)) {
            return Stage.DEV;
        }
        String name = slug(trimmed);
        if (name.isEmpty()) {
            return Stage.of(PREFIX + hash(trimmed));
        }
        if (!Character.isLetter(name.charAt(0)) || name.equals(Stage.PROD.name()) || name.equals(Stage.DEV.name())) {
            name = PREFIX + name;
        }
        if (name.length() > Stage.MAX_LENGTH) {
            String start = name.substring(0, Stage.MAX_LENGTH - HASH_LENGTH - 1).replaceAll("-+$", "");
            name = start + "-" + hash(trimmed);
        }
        return Stage.of(name);
    }

    /** Accents dropped, lower case, every run of anything but a-z and 0-9 one hyphen, none at either end. */
    private static String slug(String branch) {
        String unaccented = Normalizer.normalize(branch, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return unaccented.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String hash(String branch) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(branch.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Prints the stage of the branch given as the only argument; exit code 2 and a line on stderr otherwise. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: stage-of-branch <branch name>   (prints the stage it deploys to)");
            System.exit(2);
        }
        try {
            System.out.println(of(args[0]).name());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
