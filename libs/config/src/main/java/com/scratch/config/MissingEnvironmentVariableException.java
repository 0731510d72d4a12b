package com.scratch.config;

/** An environment variable the function cannot start without is missing or empty. */
public final class MissingEnvironmentVariableException extends IllegalStateException {

    MissingEnvironmentVariableException(String variable) {
        super("Environment variable " + variable + " is missing or empty");
    }
}
