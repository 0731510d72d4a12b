package com.scratch.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads plain settings from a function's environment, so a missing one fails the cold start with its name
 * rather than as a null deep inside a call.
 *
 * <pre>{@code
 * String topicArn = Settings.required(System.getenv(), "NOTE_PURCHASED_TOPIC_ARN");
 * }</pre>
 */
public final class Settings {

    private Settings() {
    }

    /** The variable's value; blank counts as missing. */
    public static String required(Map<String, String> environment, String variable) {
        return optional(environment, variable).orElseThrow(() -> new MissingSettingException(variable));
    }

    public static Optional<String> optional(Map<String, String> environment, String variable) {
        Objects.requireNonNull(environment, "environment == null");
        String value = environment.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
