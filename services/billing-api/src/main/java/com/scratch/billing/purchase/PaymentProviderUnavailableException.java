package com.scratch.billing.purchase;

/**
 * The payment provider could not be reached, timed out, failed or rate-limited us. Nothing is known to be charged
 * twice: retrying with the same idempotency key is safe.
 */
public final class PaymentProviderUnavailableException extends PurchaseFailedException {

    public PaymentProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(502, "payment_provider_unavailable",
                "The payment provider did not answer. " + FailureAnswer.RETRY_IS_SAFE);
    }
}
