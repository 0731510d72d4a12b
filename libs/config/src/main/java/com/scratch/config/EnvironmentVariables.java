package com.scratch.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a function's environment variables, so a missing one fails the cold start with its name rather than as
 * a null deep inside a call.
 *
 * <pre>{@code
 * String topicArn = EnvironmentVariables.required(environment, "NOTE_PURCHASED_TOPIC_ARN");
 * }</pre>
 */
public final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    /** The variable's value, stripped; blank counts as missing. */
    public static String required(Map<String, String> environment, String variable) {
        return optional(environment, variable).orElseThrow(() -> new MissingEnvironmentVariableException(variable));
    }

    /** The variable's value, stripped; empty when it is missing or blank. */
    public static Optional<String> optional(Map<String, String> environment, String variable) {
        Objects.requireNonNull(environment, "environment == null");
        String value = environment.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
