package com.scratch.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A deployment stage: {@code prod}, {@code dev} or a feature stage such as {@code feature-login} or
 * {@code pr-42}.
 *
 * <p>The name goes into every resource name a stage creates, and AWS limits each of them. The tightest is the IAM
 * role the framework names {@code billing-api-<stage>-<region>-lambdaRole}: role names stop at
 * {@value #ROLE_NAME_LIMIT} characters, and with the longest service name ({@code billing-api}) and the longest
 * commercial region name ({@code ap-southeast-1}, 14 characters) that leaves {@value #MAX_LENGTH} for the stage.
 * {@code tests/deploy} derives the same figure from every name in the packaged templates of a stage that long, in
 * that region, and the services' {@code serverless.yml} refuse at packaging what this class refuses at cold start
 * ({@code deploy/serverless-stage-name.js}). Branch names become stages through {@link BranchStage}.
 *
 * <pre>{@code
 * Stage stage = Stage.of("feature-login");
 * stage.isProduction(); // false
 * }</pre>
 */
public record Stage(String name) {

    /** IAM's limit on a role name, the tightest name a stage is part of. */
    public static final int ROLE_NAME_LIMIT = 64;
    /** {@value #ROLE_NAME_LIMIT} minus {@code billing-api-}, {@code -ap-southeast-1} and {@code -lambdaRole}. */
    public static final int MAX_LENGTH = ROLE_NAME_LIMIT - "billing-api-".length() - "-ap-southeast-1".length()
            - "-lambdaRole".length();

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    public static final Stage PROD = new Stage("prod");
    public static final Stage DEV = new Stage("dev");

    public Stage {
        Objects.requireNonNull(name, "name == null");
        if (!VALID_NAME.matcher(name).matches()) {
            throw new InvalidStageException("Stage name '" + name + "' is not valid: it must start with a letter"
                    + " and contain only letters, digits and hyphens");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidStageException("Stage name '" + name + "' is " + name.length() + " characters; at most "
                    + MAX_LENGTH + " fit AWS's limits: IAM role names stop at " + ROLE_NAME_LIMIT
                    + " characters, and billing's role is billing-api-<stage>-<region>-lambdaRole, which in"
                    + " ap-southeast-1 (the longest region name) leaves " + MAX_LENGTH + " for the stage");
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
