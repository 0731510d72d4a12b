package com.scratch.sandbox.runtime;

/**
 * The handler threw, as Lambda reports it: the error type is the exception's class name, the message its
 * message. For asynchronous invocations this is what makes the platform retry.
 */
public final class FunctionFailedException extends RuntimeException {

    private final String errorType;

    FunctionFailedException(String functionName, Throwable error) {
        super(functionName + " failed: " + error.getClass().getName() + ": " + error.getMessage(), error);
        this.errorType = error.getClass().getName();
    }

    public String errorType() {
        return errorType;
    }
}
