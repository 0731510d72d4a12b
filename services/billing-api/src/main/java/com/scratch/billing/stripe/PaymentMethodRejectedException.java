package com.scratch.billing.stripe;

/** Stripe does not know the token or payment method the buyer sent (a client error, not a decline). */
public final class PaymentMethodRejectedException extends RuntimeException {

    public PaymentMethodRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
