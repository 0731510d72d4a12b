package com.scratch.billing.purchase;

/**
 * The payment provider does not know the card token or payment method the buyer sent: a client error, answered as
 * an invalid request naming the field that held it, not a decline. The message is the provider's, about the
 * buyer's own input, with the id shown only as {@link PaymentSource#masked()}: the message is logged, and a whole
 * payment source is never recorded.
 */
public final class PaymentMethodRejectedException extends PurchaseFailedException {

    private final transient PaymentSource source;

    public PaymentMethodRejectedException(PaymentSource source, String message, Throwable cause) {
        super(message == null ? null : message.replace(source.id(), source.masked()), cause);
        this.source = source;
    }

    @Override
    public FailureAnswer answer() {
        String field = source instanceof PaymentSource.CardToken ? "source" : "paymentMethod";
        return FailureAnswer.of(400, "invalid_request", getMessage()).with("field", field);
    }
}
