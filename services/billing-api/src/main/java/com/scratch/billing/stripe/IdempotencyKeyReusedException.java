package com.scratch.billing.stripe;

/** The idempotency key was already used for a different purchase; the caller must use a fresh key. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
