package com.scratch.logging;

/** A logging environment variable holds a value this library does not know; the message names it and what it takes. */
public final class InvalidLogSettingException extends IllegalArgumentException {

    InvalidLogSettingException(String variable, String value, String accepted) {
        super("Environment variable " + variable + " is '" + value + "'; it takes " + accepted);
    }
}
