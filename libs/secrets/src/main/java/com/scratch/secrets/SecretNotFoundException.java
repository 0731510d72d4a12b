package com.scratch.secrets;

/** The parameter does not exist in this account and region: create it (see the README) before deploying. */
public final class SecretNotFoundException extends SecretReadException {

    SecretNotFoundException(String parameterName, Throwable cause) {
        super(parameterName, "SSM parameter " + parameterName + " does not exist", cause);
    }
}
