package com.scratch.billing.stripe;

/** Stripe refused a request this service built: a bug here, not a problem a retry would solve. */
public final class PaymentRequestRejectedException extends RuntimeException {

    public PaymentRequestRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
