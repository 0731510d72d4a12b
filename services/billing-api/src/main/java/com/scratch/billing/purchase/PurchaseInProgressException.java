package com.scratch.billing.purchase;

/**
 * The payment was made, and another request with the same Idempotency-Key is announcing it right now (a client
 * that retried before its first try had finished, or sent the same request twice at once). Only one of them may
 * announce the purchase; this one steps back and the client retries in a moment to get the purchase's answer.
 */
public final class PurchaseInProgressException extends PurchaseFailedException {

    private final transient String paymentId;

    public PurchaseInProgressException(String paymentId, Throwable cause) {
        super("Payment " + paymentId + " is being announced by another request with the same Idempotency-Key", cause);
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(409, "purchase_in_progress", "Another request with the same Idempotency-Key is"
                + " completing this purchase. Retry in a moment to get its answer. " + FailureAnswer.RETRY_IS_SAFE)
                .with("paymentId", paymentId);
    }
}
