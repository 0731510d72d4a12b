package com.scratch.billing.purchase;

/**
 * The provider accepted the payment but has not finished it ({@code processing}): it may still succeed, so it is
 * not a decline, and it is not announced yet. A retry with the same idempotency key gets the provider's first
 * answer replayed; billing then looks the payment up to see where it stands, and announces it once it succeeded.
 */
public final class PaymentPendingException extends PurchaseFailedException {

    private final transient String paymentId;

    public PaymentPendingException(String paymentId) {
        super("Payment " + paymentId + " is still processing", null);
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(503, "payment_pending", "The payment is still being processed and is not recorded"
                + " yet. " + FailureAnswer.RETRY_IS_SAFE).with("paymentId", paymentId);
    }
}
