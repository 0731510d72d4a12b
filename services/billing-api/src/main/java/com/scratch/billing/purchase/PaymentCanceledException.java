package com.scratch.billing.purchase;

/**
 * The payment was canceled before it completed (by the provider or from its dashboard): nothing was charged, and
 * the same request will only be answered with the same canceled payment. A new purchase needs a new request.
 */
public final class PaymentCanceledException extends PurchaseFailedException {

    private final transient String paymentId;

    public PaymentCanceledException(String paymentId) {
        super("Payment " + paymentId + " was canceled", null);
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(402, "payment_canceled", "The payment was canceled and nothing was charged.");
    }
}
