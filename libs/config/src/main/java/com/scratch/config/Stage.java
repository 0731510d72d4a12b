package com.scratch.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A deployment stage: {@code prod}, {@code dev} or a feature stage such as {@code feature-login} or
 * {@code pr-42}.
 *
 * <p>The name must be usable in the resource names a stage creates ({@code <stage>-note-purchased},
 * {@code <stage>-ExtNotePurchasedTopicArn}): a letter, then letters, digits or hyphens, at most 40 in all.
 *
 * <pre>{@code
 * Stage stage = Stage.of("feature-login");
 * stage.isProduction(); // false
 * }</pre>
 */
public record Stage(String name) {

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");

    public static final Stage PROD = new Stage("prod");
    public static final Stage DEV = new Stage("dev");

    public Stage {
        Objects.requireNonNull(name, "name == null");
        if (!VALID_NAME.matcher(name).matches()) {
            throw new InvalidStageException("Stage name '" + name + "' is not valid: it must start with a letter"
                    + " and contain only letters, digits and hyphens (at most 40 characters)");
        }
    }

    public static Stage of(String name) {
        return new Stage(name);
    }

    public boolean isProduction() {
        return this.equals(PROD);
    }

    @Override
    public String toString() {
        return name;
    }
}
