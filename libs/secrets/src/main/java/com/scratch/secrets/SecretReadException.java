package com.scratch.secrets;

/**
 * A secret could not be read. The message names the parameter and what went wrong, never a value. The
 * subclasses say why; a caller that only cares that there is no secret catches this one.
 */
public abstract class SecretReadException extends RuntimeException {

    private final String parameterName;

    SecretReadException(String parameterName, String message, Throwable cause) {
        super(message, cause);
        this.parameterName = parameterName;
    }

    public String parameterName() {
        return parameterName;
    }
}
