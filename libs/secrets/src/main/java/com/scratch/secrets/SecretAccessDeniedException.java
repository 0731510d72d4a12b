package com.scratch.secrets;

/** The function's role may not read (or decrypt) the parameter: the IAM policy and the stage disagree. */
public final class SecretAccessDeniedException extends SecretReadException {

    SecretAccessDeniedException(String parameterName, Throwable cause) {
        super(parameterName, "Not allowed to read SSM parameter " + parameterName, cause);
    }
}
