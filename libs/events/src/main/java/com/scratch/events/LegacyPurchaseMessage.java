package com.scratch.events;

import java.util.Objects;

/**
 * The message the original Node billing service published: {@code {"amount": 4200, "description": "Scratch
 * charge"}}. It was always charged in usd.
 */
public record LegacyPurchaseMessage(long amount, String description) implements PurchaseMessage {

    public LegacyPurchaseMessage {
        Objects.requireNonNull(description, "description == null");
    }

    @Override
    public String currency() {
        return "usd";
    }
}
