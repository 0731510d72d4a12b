package com.scratch.billing.purchase;

/**
 * The card needs its holder to authenticate the payment (3-D Secure) before it can go through, and a charge
 * confirmed on the server cannot ask them: the payment is left unfinished, nothing was charged. The buyer has to
 * use a card that does not ask for it; retrying the same request gets the same answer.
 */
public final class AuthenticationRequiredException extends PurchaseFailedException {

    private final transient String paymentId;

    public AuthenticationRequiredException(String paymentId, String status) {
        super("Payment " + paymentId + " needs the cardholder to authenticate it (status " + status + ")", null);
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(402, "authentication_required", "This card asks its holder to authenticate the"
                + " payment, which this purchase cannot do. Nothing was charged; use another card.");
    }
}
