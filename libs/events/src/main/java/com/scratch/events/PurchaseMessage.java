package com.scratch.events;

/**
 * What a consumer of the purchase topic may receive: a {@link NotePurchased} event, or the message the original
 * Node service published ({@link LegacyPurchaseMessage}), which consumers keep accepting while old producers
 * may still be running.
 */
public sealed interface PurchaseMessage permits NotePurchased, LegacyPurchaseMessage {

    /** The amount charged, in the smallest unit of {@link #currency()} (cents for usd). */
    long amount();

    /** ISO 4217 code in lower case, as Stripe writes it ({@code usd}). */
    String currency();

    String description();
}
