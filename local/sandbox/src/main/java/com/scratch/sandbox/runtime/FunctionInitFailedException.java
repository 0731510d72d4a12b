package com.scratch.sandbox.runtime;

/**
 * The function could not be started: its jar is missing, its handler class cannot be loaded or its
 * constructor threw. As in Lambda, the next invocation tries the cold start again.
 */
public final class FunctionInitFailedException extends RuntimeException {

    FunctionInitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
