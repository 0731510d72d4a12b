package com.scratch.billing.purchase;

/** Charges a card. Implemented with Stripe; a call with the same idempotency key never charges twice. */
public interface Payments {

    /**
     * Charges {@code amount} cents in usd and returns the completed payment, which keeps {@code details} with it.
     *
     * @throws PurchaseFailedException when the charge did not complete: declined, in need of authentication,
     *     canceled, still pending, refused as a request, or the provider or its key unavailable
     */
    Payment charge(long amount, PaymentSource source, String idempotencyKey, PurchaseDetails details);
}
