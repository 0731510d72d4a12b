package com.scratch.billing.announce;

/**
 * The card was charged but {@code NotePurchased} could not be published. The payment id travels with the
 * exception so the caller can be told what to retry and an operator can find the purchase.
 */
public final class AnnouncementFailedException extends RuntimeException {

    private final String paymentId;

    public AnnouncementFailedException(String paymentId, String message, Throwable cause) {
        super(message, cause);
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }
}
