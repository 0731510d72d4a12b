package com.scratch.billing.purchase;

/**
 * Payments cannot be made at all right now because of the payment provider's API key: this stage's configuration,
 * not the purchase. The subclasses say why; every one is a 503, nothing is charged, and the log line names the
 * parameter the key comes from.
 */
public abstract sealed class PaymentsUnavailableException extends PurchaseFailedException
        permits PaymentKeyUnreadableException, PaymentKeyRejectedException, PaymentKeyForWrongStageException {

    PaymentsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final FailureAnswer answer() {
        return FailureAnswer.of(503, "service_unavailable", "Payments are unavailable, try again shortly.");
    }
}
