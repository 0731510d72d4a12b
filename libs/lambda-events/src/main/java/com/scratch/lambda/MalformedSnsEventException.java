package com.scratch.lambda;

/**
 * The invocation's payload is not an SNS event: not JSON, no {@code Records}, or a record without its message id or
 * message. SNS never sends one; a direct invocation can.
 */
public final class MalformedSnsEventException extends RuntimeException {

    MalformedSnsEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
