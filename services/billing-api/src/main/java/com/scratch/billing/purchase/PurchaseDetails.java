package com.scratch.billing.purchase;

import com.scratch.events.NotePurchased;
import java.util.Objects;
import java.util.Optional;

/**
 * What a payment bought, kept with the payment at Stripe (as metadata) so that the payment alone, as Stripe's
 * {@code payment_intent.succeeded} webhook reports it, is enough to announce the purchase.
 *
 * @param storage the number of notes bought
 * @param buyerId the buyer's Cognito identity id, or null when the request carried none
 * @param stage the stage that charged it: dev and every feature stage share one Stripe test account, so each
 *     stage's webhook hears of the others' payments and must announce only its own
 */
public record PurchaseDetails(int storage, String buyerId, String stage) {

    public PurchaseDetails {
        if (storage < NotePurchased.MIN_STORAGE || storage > NotePurchased.MAX_STORAGE) {
            throw new IllegalArgumentException("storage must be " + NotePurchased.MIN_STORAGE + ".."
                    + NotePurchased.MAX_STORAGE + ", was " + storage);
        }
        if (buyerId != null && buyerId.isEmpty()) {
            throw new IllegalArgumentException("buyerId must be null when unknown, never empty");
        }
        Objects.requireNonNull(stage, "stage == null");
    }

    public Optional<String> buyer() {
        return Optional.ofNullable(buyerId);
    }
}
