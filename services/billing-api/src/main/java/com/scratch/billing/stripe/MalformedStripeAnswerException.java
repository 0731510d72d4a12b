package com.scratch.billing.stripe;

/**
 * Stripe answered a PaymentIntent call with a success status but not with a PaymentIntent: a fault between here and
 * Stripe (a proxy, a wrong base URL), never the buyer's. The answer's text is not in the message.
 */
public final class MalformedStripeAnswerException extends RuntimeException {

    MalformedStripeAnswerException(String what) {
        super("Stripe's answer to a PaymentIntent call " + what);
    }
}
