package com.scratch.billing.purchase;

import com.scratch.events.NotePurchased;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A completed payment and what it bought: everything {@code NotePurchased} says. Made by a purchase request, or
 * from Stripe's webhook for a purchase whose client gave up before it was announced.
 */
public record PaidPurchase(Payment payment, PurchaseDetails details) {

    public PaidPurchase {
        Objects.requireNonNull(payment, "payment == null");
        Objects.requireNonNull(details, "details == null");
    }

    /** The event announcing it. Whoever builds it, the same payment gets the same event id. */
    public NotePurchased event(Instant purchasedAt) {
        return new NotePurchased(eventId(), payment.amount(), payment.currency(), PurchaseService.DESCRIPTION,
                details.storage(), payment.id(), details.buyerId(), details.stage(), purchasedAt);
    }

    /** Derived from the payment, so that a repeated announcement is recognisably a repeat downstream. */
    public String eventId() {
        return UUID.nameUUIDFromBytes(("NotePurchased:" + payment.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
