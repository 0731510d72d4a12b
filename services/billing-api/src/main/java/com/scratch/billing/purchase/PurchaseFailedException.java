package com.scratch.billing.purchase;

/**
 * Every way a purchase can fail that this service knows of, each kind with the answer its caller gets. The family
 * is sealed and every kind must implement {@link #answer()}, so a new kind does not compile until it says what the
 * caller is told. Adapters translate what their libraries throw (stripe-java, the AWS SDK, the secrets cache) into
 * one of these at their boundary; anything else that escapes a purchase is a fault, answered with
 * {@link FailureAnswer#internalError()}.
 *
 * <p>The exception's message is for the log: it may name a parameter or a Stripe request, never a secret. What the
 * caller sees is only {@link #answer()}.
 */
public abstract sealed class PurchaseFailedException extends RuntimeException
        permits InvalidPurchaseRequestException, PaymentMethodRejectedException, CardDeclinedException,
        AuthenticationRequiredException, PaymentCanceledException, IdempotencyKeyReusedException,
        PaymentRequestRejectedException, PaymentProviderUnavailableException, PaymentsUnavailableException,
        PaymentPendingException, AnnouncementFailedException, PurchaseInProgressException, RequestTooLargeException {

    PurchaseFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What the caller is told. */
    public abstract FailureAnswer answer();
}
