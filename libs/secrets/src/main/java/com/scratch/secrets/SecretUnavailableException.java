package com.scratch.secrets;

/** Parameter Store did not answer in time, throttled us or failed: worth another try later. */
public final class SecretUnavailableException extends SecretReadException {

    SecretUnavailableException(String parameterName, String reason, Throwable cause) {
        super(parameterName, "SSM parameter " + parameterName + " could not be read: " + reason, cause);
    }
}
