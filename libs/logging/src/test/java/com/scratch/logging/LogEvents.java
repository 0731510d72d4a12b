package com.scratch.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Log events built by hand, with a fixed time and fixed stack traces, so that their lines can be written out. */
final class LogEvents {

    /** 2026-12-04T15:20:15.145Z. */
    static final long TIME = 1_796_397_615_145L;
    static final String LOGGER = "com.scratch.billing.purchase.PurchaseService";

    /** An event's case: what a test calls it, and the event. */
    record Case(String name, LoggingEvent event) {
    }

    private LogEvents() {
    }

    static Map<String, String> fixedFields() {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put(LogKeys.SERVICE, "billing-api");
        fixed.put(LogKeys.STAGE, "dev");
        fixed.put(LogKeys.FUNCTION_NAME, "billing-api-dev-billing");
        return fixed;
    }

    static List<Case> cases() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put(LogKeys.COLD_START, "true");
        typed.put(LogKeys.AMOUNT, "2100");
        typed.put(LogKeys.STORAGE, "-21");
        typed.put(LogKeys.FUNCTION_MEMORY_SIZE, "1024");
        typed.put(LogKeys.PAYMENT_ID, "pi_123");
        typed.put(LogKeys.FUNCTION_REQUEST_ID, "req-1");

        Map<String, String> untyped = new LinkedHashMap<>();
        untyped.put(LogKeys.COLD_START, "yes");
        untyped.put(LogKeys.AMOUNT, "21.5");
        untyped.put(LogKeys.STORAGE, "1234567890123456789");
        untyped.put(LogKeys.FUNCTION_MEMORY_SIZE, "");
        untyped.put(LogKeys.EVENT_ID, "");

        Map<String, String> nulls = new LinkedHashMap<>();
        nulls.put(LogKeys.PAYMENT_ID, null);
        nulls.put(LogKeys.AMOUNT, null);
        nulls.put(LogKeys.COLD_START, null);
        nulls.put(LogKeys.EVENT_ID, "ev-1");

        IllegalStateException outer = new IllegalStateException("Stripe answered \"500\"",
                new IllegalArgumentException("the cause", new java.io.IOException(null, null)));
        outer.addSuppressed(new UnsupportedOperationException("closing"));
        stack(outer, "PurchaseService", "charge", 42);
        stack(outer.getCause(), "StripeClient", "post", 7);
        stack(outer.getCause().getCause(), "HttpClient", "send", 3);
        stack(outer.getSuppressed()[0], "Connection", "close", 9);
        RuntimeException bare = new RuntimeException();
        stack(bare, "PurchaseService", "record", 1);

        return List.of(
                new Case("info with typed MDC", event(Level.INFO, "Purchase of {} notes", new Object[] {21}, typed,
                        null)),
                new Case("MDC values that are not what their key takes", event(Level.WARN, "odd values", null,
                        untyped, null)),
                new Case("null MDC values", event(Level.INFO, "nulls", null, nulls, null)),
                new Case("characters to escape", event(Level.INFO,
                        "quote \" backslash \\ slash / newline \n return \r tab \t bell \u0007 nul \u0000 unit \u001f"
                                + " del \u007f line \u2028 é ü 日本 😀 {}", new Object[] {"\"arg\"\n"}, Map.of(),
                        null)),
                new Case("null message", event(Level.DEBUG, null, null, Map.of(), null)),
                new Case("error with causes and suppressed", event(Level.ERROR, "Purchase failed unexpectedly", null,
                        Map.of(LogKeys.PAYMENT_ID, "pi_9"), outer)),
                new Case("error without a message", event(Level.ERROR, "failed", null, Map.of(), bare)));
    }

    private static LoggingEvent event(Level level, String message, Object[] arguments, Map<String, String> mdc,
            Throwable thrown) {
        LoggingEvent event = new LoggingEvent();
        event.setTimeStamp(TIME);
        event.setLevel(level);
        event.setLoggerName(LOGGER);
        event.setThreadName("main");
        event.setMessage(message);
        event.setArgumentArray(arguments);
        event.setMDCPropertyMap(mdc);
        if (thrown != null) {
            event.setThrowableProxy(new ThrowableProxy(thrown));
        }
        return event;
    }

    private static void stack(Throwable thrown, String className, String method, int line) {
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.scratch.billing." + className, method, className + ".java", line),
            new StackTraceElement("com.scratch.billing.Handler", "handleRequest", "Handler.java", 30),
        });
    }
}
