package com.scratch.billing.purchase;

import com.scratch.events.NotePurchased;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated request to buy notes.
 *
 * @param storage the number of notes, as many as a {@link NotePurchased} can announce (1 to 100,000)
 * @param source how to pay
 * @param idempotencyKey sent to Stripe, so that a retried request never charges twice
 * @param buyerId the caller's Cognito identity id, or null when the request carries none
 */
public record PurchaseRequest(int storage, PaymentSource source, String idempotencyKey, String buyerId) {

    public PurchaseRequest {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey == null");
        if (storage < NotePurchased.MIN_STORAGE || storage > NotePurchased.MAX_STORAGE) {
            throw new IllegalArgumentException("storage must be " + NotePurchased.MIN_STORAGE + ".."
                    + NotePurchased.MAX_STORAGE + ", was " + storage);
        }
    }

    public Optional<String> buyer() {
        return Optional.ofNullable(buyerId);
    }
}
