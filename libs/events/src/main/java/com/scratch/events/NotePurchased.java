package com.scratch.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A purchase of notes was charged: the event billing-api publishes on the {@code <stage>-note-purchased} topic,
 * schema {@code schemas/note-purchased-v1.json}.
 *
 * <pre>{@code
 * NotePurchased event = new NotePurchased(UUID.randomUUID().toString(), 4200, "usd", "Scratch charge", 21,
 *         "pi_123", "us-east-1:abcd", "dev", Instant.now());
 * String json = NotePurchasedCodec.encode(event);
 * }</pre>
 *
 * @param eventId unique per purchase; a retried publish of the same purchase keeps it, so consumers can drop repeats
 * @param amount amount charged in the smallest currency unit (cents)
 * @param currency ISO 4217 code in lower case
 * @param description what the customer sees on the statement
 * @param storage the number of notes bought
 * @param paymentId the Stripe PaymentIntent id
 * @param userId the buyer's Cognito identity id, or null when the request had none
 * @param stage the stage the purchase was made in
 * @param purchasedAt when the charge succeeded
 */
public record NotePurchased(String eventId, long amount, String currency, String description, int storage,
        String paymentId, String userId, String stage, Instant purchasedAt) implements PurchaseMessage {

    /** The version of the schema this record follows; written into every event. */
    public static final int SCHEMA_VERSION = 1;

    /** The SNS message attribute {@code eventType} carries this, so subscribers can filter on it. */
    public static final String EVENT_TYPE = "NotePurchased";

    public NotePurchased {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(currency, "currency == null");
        Objects.requireNonNull(description, "description == null");
        Objects.requireNonNull(paymentId, "paymentId == null");
        Objects.requireNonNull(stage, "stage == null");
        Objects.requireNonNull(purchasedAt, "purchasedAt == null");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        if (storage <= 0) {
            throw new IllegalArgumentException("storage must be positive, was " + storage);
        }
    }

    public Optional<String> buyer() {
        return Optional.ofNullable(userId);
    }
}
