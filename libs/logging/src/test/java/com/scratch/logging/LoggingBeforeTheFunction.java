package com.scratch.logging;

import org.slf4j.LoggerFactory;

/**
 * A line logged before the function has set up its logging, alone in a fresh JVM for
 * {@link FunctionLogbackConfiguratorTest}: what a library writes while the function's init is still under way.
 */
final class LoggingBeforeTheFunction {

    private LoggingBeforeTheFunction() {
    }

    public static void main(String[] args) {
        LoggerFactory.getLogger("com.example.SomeLibrary").info("Started before the function's logging");
    }
}
