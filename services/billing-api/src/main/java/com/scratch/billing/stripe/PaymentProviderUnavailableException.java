package com.scratch.billing.stripe;

/**
 * Stripe could not be reached, timed out, failed or rate-limited us. Nothing is known to be charged twice:
 * retrying with the same idempotency key is safe.
 */
public final class PaymentProviderUnavailableException extends RuntimeException {

    public PaymentProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
