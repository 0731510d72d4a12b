package com.scratch.bench.warm;

import com.scratch.billing.purchase.Payment;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.Payments;
import com.scratch.billing.purchase.PurchaseDetails;

/**
 * Payments that always succeed, in memory: the payment's id is derived from the idempotency key (the same key, the
 * same payment, as at Stripe), so nothing is kept per charge and a long benchmark does not grow the heap. Counts the
 * charges. For one thread.
 */
final class InMemoryPayments implements Payments {

    private long charges;

    @Override
    public Payment charge(long amount, PaymentSource source, String idempotencyKey, PurchaseDetails details) {
        charges++;
        // "client-<64 hex>" or "purchase-<64 hex>": 24 of the hex digits, the length of a PaymentIntent's id
        String hex = idempotencyKey.substring(idempotencyKey.indexOf('-') + 1);
        return new Payment("pi_" + hex.substring(0, Math.min(24, hex.length())), amount, "usd");
    }

    long charges() {
        return charges;
    }
}
