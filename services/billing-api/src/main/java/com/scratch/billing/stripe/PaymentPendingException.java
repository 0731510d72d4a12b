package com.scratch.billing.stripe;

/**
 * Stripe accepted the payment but has not finished it ({@code processing}): it may still succeed, so it is not a
 * decline, and it is not announced yet. A retry with the same idempotency key gets Stripe's first answer
 * replayed; billing then retrieves the payment to see where it stands, and announces it once it succeeded.
 */
public final class PaymentPendingException extends RuntimeException {

    private final String paymentId;

    public PaymentPendingException(String paymentId) {
        super("Payment " + paymentId + " is still processing");
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }
}
