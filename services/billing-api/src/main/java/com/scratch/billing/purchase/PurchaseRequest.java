package com.scratch.billing.purchase;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated request to buy notes.
 *
 * @param storage the number of notes, 1 to 100,000
 * @param source how to pay
 * @param idempotencyKey sent to Stripe, so that a retried request never charges twice
 * @param buyerId the caller's Cognito identity id, or null when the request carries none
 */
public record PurchaseRequest(int storage, PaymentSource source, String idempotencyKey, String buyerId) {

    public static final int MAX_STORAGE = 100_000;

    public PurchaseRequest {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
        if (storage < 1 || storage > MAX_STORAGE) {
            throw new IllegalArgumentException("storage must be 1.." + MAX_STORAGE + ", was " + storage);
        }
    }

    public Optional<String> buyer() {
        return Optional.ofNullable(buyerId);
    }
}
