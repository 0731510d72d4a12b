package com.scratch.lambda;

/**
 * The invocation's payload is not an API Gateway proxy event: not JSON, not an object, or a field of the wrong type.
 * API Gateway never sends one; a direct invocation (the console, {@code aws lambda invoke}) can.
 */
public final class MalformedProxyEventException extends RuntimeException {

    MalformedProxyEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
