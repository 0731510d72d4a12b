package com.scratch.config;

/** A setting the function cannot start without is not in its environment. */
public final class MissingSettingException extends IllegalStateException {

    MissingSettingException(String variable) {
        super("Environment variable " + variable + " is missing or empty");
    }
}
