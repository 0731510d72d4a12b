package com.scratch.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A purchase of notes was charged: the event billing-api publishes on the {@code <stage>-note-purchased} topic,
 * schema {@code schemas/note-purchased-v1.json}.
 *
 * <p>The constructor refuses what the schema refuses, so every event encodes to a valid message. The limits below
 * are the schema's, in code; {@code NotePurchasedSchemaTest} fails when the two differ.
 *
 * <pre>{@code
 * NotePurchased event = new NotePurchased(UUID.randomUUID().toString(), 4200, "usd", "Scratch charge", 21,
 *         "pi_123", "us-east-1:abcd", "dev", Instant.now());
 * String json = NotePurchasedCodec.encode(event);
 * }</pre>
 *
 * @param eventId unique per purchase; a retried publish of the same purchase keeps it, so consumers can drop repeats
 * @param amount amount charged in the smallest currency unit (cents), at least {@value #MIN_AMOUNT}
 * @param currency ISO 4217 code in lower case
 * @param description what the customer sees on the statement
 * @param storage the number of notes bought, {@value #MIN_STORAGE} to {@value #MAX_STORAGE}
 * @param paymentId the Stripe PaymentIntent id
 * @param userId the buyer's Cognito identity id, or null when the request had none (never empty)
 * @param stage the stage the purchase was made in
 * @param purchasedAt when the charge succeeded, in the years 0000 to 9999
 */
public record NotePurchased(String eventId, long amount, String currency, String description, int storage,
        String paymentId, String userId, String stage, Instant purchasedAt) implements PurchaseMessage {

    /** The version of the schema this record follows; written into every event. */
    public static final int SCHEMA_VERSION = 1;

    /** The SNS message attribute {@code eventType} carries this, so subscribers can filter on it. */
    public static final String EVENT_TYPE = "NotePurchased";

    public static final long MIN_AMOUNT = 1;
    /** The schema states it too, so that it never accepts an amount this record cannot hold. */
    public static final long MAX_AMOUNT = Long.MAX_VALUE;
    public static final int MIN_STORAGE = 1;
    public static final int MAX_STORAGE = 100_000;

    // The schema's patterns, verbatim. Use matches(), not find(): with find() Java's '$' also matches before a
    // final line break, so "usd\n" would pass, which the schema's own (ECMA-262) '$' refuses.
    public static final Pattern CURRENCY = Pattern.compile("^[a-z]{3}$");
    public static final Pattern STAGE = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,39}$");
    /** What {@link Instant#toString()} writes for the years 0000 to 9999; format date-time checks the calendar. */
    public static final Pattern PURCHASED_AT =
            Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]{1,9})?Z$");

    private static final Instant FIRST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public NotePurchased {
        requireNotEmpty(eventId, "eventId");
        if (amount < MIN_AMOUNT) {
            throw new IllegalArgumentException("amount must be at least " + MIN_AMOUNT + ", was " + amount);
        }
        requireMatch(currency, CURRENCY, "currency");
        requireNotEmpty(description, "description");
        if (storage < MIN_STORAGE || storage > MAX_STORAGE) {
            throw new IllegalArgumentException(
                    "storage must be from " + MIN_STORAGE + " to " + MAX_STORAGE + ", was " + storage);
        }
        requireNotEmpty(paymentId, "paymentId");
        if (userId != null && userId.isEmpty()) {
            throw new IllegalArgumentException("userId must be null when unknown, never empty");
        }
        requireMatch(stage, STAGE, "stage");
        Objects.requireNonNull(purchasedAt, "purchasedAt == null");
        // Instant.toString() writes other years as "+10000-..." or "-0001-...", which are not RFC 3339
        if (purchasedAt.isBefore(FIRST_INSTANT) || purchasedAt.isAfter(LAST_INSTANT)) {
            throw new IllegalArgumentException("purchasedAt must be in the years 0000 to 9999, was " + purchasedAt);
        }
    }

    public Optional<String> buyer() {
        return Optional.ofNullable(userId);
    }

    private static void requireNotEmpty(String value, String field) {
        Objects.requireNonNull(value, field + " == null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }

    private static void requireMatch(String value, Pattern pattern, String field) {
        Objects.requireNonNull(value, field + " == null");
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    field + " must match " + pattern.pattern() + ", was \"" + Excerpt.of(value) + "\"");
        }
    }
}
