package com.scratch.billing.purchase;

/** The idempotency key was already used for a different purchase; the caller must use a fresh key. */
public final class IdempotencyKeyReusedException extends PurchaseFailedException {

    public IdempotencyKeyReusedException(Throwable cause) {
        super("This Idempotency-Key was already used for a different purchase", cause);
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(409, "idempotency_key_reused", getMessage());
    }
}
