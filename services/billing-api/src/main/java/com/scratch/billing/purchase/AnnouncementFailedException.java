package com.scratch.billing.purchase;

/**
 * The card was charged but {@code NotePurchased} could not be published. The payment id travels with the
 * exception so the caller can be told what to retry and an operator can find the purchase; retrying the same
 * request announces it without charging again.
 */
public final class AnnouncementFailedException extends PurchaseFailedException {

    private final transient String paymentId;

    public AnnouncementFailedException(String paymentId, String message, Throwable cause) {
        super(message, cause);
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(503, "purchase_not_recorded", "The card was charged but the purchase could not be"
                + " recorded yet. " + FailureAnswer.RETRY_IS_SAFE).with("paymentId", paymentId);
    }
}
