package com.scratch.billing.purchase;

/** Charges a card. Implemented with Stripe; a call with the same idempotency key never charges twice. */
public interface Payments {

    /**
     * Charges {@code amount} cents in usd and returns the completed payment.
     *
     * @throws com.scratch.billing.stripe.CardDeclinedException when the card was refused
     * @throws com.scratch.billing.stripe.PaymentProviderUnavailableException when Stripe could not be asked
     */
    Payment charge(long amount, PaymentSource source, String idempotencyKey);
}
