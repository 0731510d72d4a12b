package com.scratch.logging;

import ch.qos.logback.classic.Level;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a function's environment says about its logging.
 *
 * <ul>
 *   <li>{@value #FORMAT_VARIABLE}: {@code JSON} (the default, what runs in Lambda) or {@code TEXT};</li>
 *   <li>{@value #LEVEL_VARIABLE}: the lowest level written as it happens, {@code INFO} by default. Debug lines below
 *       it are not lost: they are kept per invocation and written if the invocation fails
 *       ({@link InvocationLog#failed()});</li>
 *   <li>{@value #PREFIX_VARIABLE}: in {@code TEXT}, what each line starts with (the local stack sets the function's
 *       name).</li>
 * </ul>
 *
 * <p>Not Lambda's own {@code AWS_LAMBDA_LOG_LEVEL}: that one is the level Lambda lets through to CloudWatch
 * ({@code applicationLogLevel}), which must stay at {@code DEBUG} for a failed invocation's debug lines to get there.
 */
record LogSettings(LogFormat format, Level level, String prefix) {

    static final String FORMAT_VARIABLE = "LOG_FORMAT";
    static final String LEVEL_VARIABLE = "LOG_LEVEL";
    static final String PREFIX_VARIABLE = "LOG_PREFIX";

    LogSettings {
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(level, "level == null");
        Objects.requireNonNull(prefix, "prefix == null");
    }

    static LogSettings fromEnvironment(Map<String, String> environment) {
        return new LogSettings(format(environment.get(FORMAT_VARIABLE)), level(environment.get(LEVEL_VARIABLE)),
                prefix(environment.getOrDefault(PREFIX_VARIABLE, "")));
    }

    private static LogFormat format(String value) {
        if (value == null || value.isBlank()) {
            return LogFormat.JSON;
        }
        try {
            return LogFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidLogSettingException(FORMAT_VARIABLE, value, "JSON or TEXT");
        }
    }

    private static Level level(String value) {
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "INFO" -> Level.INFO;
            case "WARN" -> Level.WARN;
            case "ERROR" -> Level.ERROR;
            default -> throw new InvalidLogSettingException(LEVEL_VARIABLE, value, "TRACE, DEBUG, INFO, WARN or ERROR");
        };
    }

    /** Only what cannot break the line's layout: letters, digits, '.', '_' and '-'. */
    private static String prefix(String value) {
        if (!value.matches("[A-Za-z0-9._-]{0,64}")) {
            throw new InvalidLogSettingException(PREFIX_VARIABLE, value,
                    "up to 64 letters, digits, '.', '_' or '-' (a function's name)");
        }
        return value;
    }
}
