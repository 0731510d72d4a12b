package com.scratch.billing.purchase;

/**
 * The payment provider refused a request this service built: a bug here, not a problem a retry would solve, and
 * nothing the caller can fix. Logged with the provider's code and request id where it is translated.
 */
public final class PaymentRequestRejectedException extends PurchaseFailedException {

    public PaymentRequestRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.internalError();
    }
}
