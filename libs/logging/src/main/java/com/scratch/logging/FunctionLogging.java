package com.scratch.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sets up a function's logging, once per container, from its environment (see {@link LogSettings} for the
 * variables): Logback writing to stdout, one JSON object per line with Powertools' keys in Lambda, or one readable
 * line per event prefixed with the function's name locally; the function's own debug lines kept per invocation
 * for a failure ({@link InvocationLog#failed()}). Configured in code, not from a {@code logback.xml}, so the
 * settings can come from the environment map the function is built from (the local stack runs several functions in
 * one JVM, each with its own class loader, Logback and variables).
 *
 * <pre>{@code
 * InvocationLogContext logging = FunctionLogging.configure("billing-api", environment);
 * ...
 * try (InvocationLog invocation = logging.begin(context)) { ... }
 * }</pre>
 */
public final class FunctionLogging {

    /** The code whose debug lines are kept for a failure; everyone else's stay below the function's level. */
    static final String OWN_CODE = "com.scratch";

    private FunctionLogging() {
    }

    /**
     * Configures this class loader's Logback from {@code environment}. Every line carries {@code service} and the
     * variable {@code STAGE} as {@code stage}; in Lambda, {@code AWS_LAMBDA_FUNCTION_NAME} as {@code function_name}.
     *
     * @throws InvalidLogSettingException when a logging variable holds a value it does not take
     */
    public static InvocationLogContext configure(String service, Map<String, String> environment) {
        Objects.requireNonNull(service, "service == null");
        LogSettings settings = LogSettings.fromEnvironment(environment);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback) {
            configure(logback, settings, fixedFields(service, environment));
        }
        // Another slf4j backend (a test's, a tool's) keeps its own configuration; the MDC keys still reach it.
        return new InvocationLogContext(!environment.containsKey("AWS_LAMBDA_FUNCTION_NAME"), environment);
    }

    /**
     * What {@link FunctionLogbackConfigurator} sets up when Logback starts, before the function calls
     * {@link #configure}: the same from {@code environment}, without the service's name; a logging variable with a
     * value it does not take counts as unset here (the function's own {@link #configure} refuses it, naming it).
     */
    static void configureUntilTheFunctionDoes(LoggerContext context, Map<String, String> environment) {
        LogSettings settings;
        try {
            settings = LogSettings.fromEnvironment(environment);
        } catch (InvalidLogSettingException e) {
            settings = LogSettings.fromEnvironment(Map.of());
        }
        configure(context, settings, fixedFields(null, environment));
    }

    /** {@code service} (when known), {@code stage} and, in Lambda, {@code function_name}, on every line. */
    private static Map<String, String> fixedFields(String service, Map<String, String> environment) {
        Map<String, String> fixed = new LinkedHashMap<>();
        if (service != null) {
            fixed.put(LogKeys.SERVICE, service);
        }
        fixed.put(LogKeys.STAGE, environment.getOrDefault("STAGE", ""));
        String functionName = environment.get("AWS_LAMBDA_FUNCTION_NAME");
        if (functionName != null) {
            fixed.put(LogKeys.FUNCTION_NAME, functionName);
        }
        return fixed;
    }

    private static synchronized void configure(LoggerContext context, LogSettings settings,
            Map<String, String> fixed) {
        context.reset();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("stdout");
        stdout.setEncoder(settings.format() == LogFormat.JSON ? json(context, fixed) : text(context, settings.prefix()));
        DebugBufferingAppender buffering = new DebugBufferingAppender(stdout, settings.level());
        buffering.setContext(context);
        buffering.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(settings.level());
        root.addAppender(buffering);
        // Debug lines of our own code reach the appender, which keeps them for a failure; a library's debug lines
        // (the SDK's are many) are not even built unless the function's level asks for them.
        Level own = settings.level().isGreaterOrEqual(Level.DEBUG) ? Level.DEBUG : settings.level();
        context.getLogger(OWN_CODE).setLevel(own);
    }

    /**
     * One JSON object per line, written with jackson-core's generator only: an ObjectMapper (as logstash-logback-encoder
     * built one) would load jackson-databind, ~150 ms of every cold start (BENCHMARKS.md, "Logging backends").
     */
    private static Encoder<ILoggingEvent> json(LoggerContext context, Map<String, String> fixed) {
        JsonLineEncoder encoder = new JsonLineEncoder(fixed);
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context, String prefix) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        String lead = prefix.isEmpty() ? "" : String.format("%-8s ", prefix);
        encoder.setPattern(lead + "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        return encoder;
    }
}
