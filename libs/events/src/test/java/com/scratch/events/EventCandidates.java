package com.scratch.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Values for the nine components of a {@link NotePurchased}, drawn at random around the schema's limits: each is
 * within its limits most of the time (often right at one) and past one now and then, so the record's constructor
 * is tried on both sides of every limit. Seeded, so a failure repeats.
 */
final class EventCandidates {

    /** Component values not yet checked: the constructor may refuse them. */
    record Candidate(String eventId, long amount, String currency, String description, int storage,
            String paymentId, String userId, String stage, Instant purchasedAt) {

        Optional<NotePurchased> construct() {
            try {
                return Optional.of(new NotePurchased(eventId, amount, currency, description, storage, paymentId,
                        userId, stage, purchasedAt));
            } catch (IllegalArgumentException refused) {
                return Optional.empty();
            }
        }

        /** The message these values make, written here, not by the encoder under test; no userId when null. */
        String json() {
            ObjectNode json = V1Schema.JSON.createObjectNode()
                    .put("schemaVersion", NotePurchased.SCHEMA_VERSION)
                    .put("eventId", eventId).put("amount", amount).put("currency", currency)
                    .put("description", description).put("storage", storage).put("paymentId", paymentId)
                    .put("stage", stage).put("purchasedAt", purchasedAt.toString());
            return userId == null ? json.toString() : json.put("userId", userId).toString();
        }
    }

    // RFC 3339 years have four digits: the first and last instants that Instant.toString() writes that way
    private static final Instant FIRST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
    // letters, digits, blanks, punctuation, beyond ASCII, beyond 16 bits: what a string field may hold
    private static final int[] CODE_POINTS = "aZ09 \t-_.é€😀".codePoints().toArray();

    private final JsonNode properties;
    private final JsonNode base;
    private final Random random;

    EventCandidates(JsonNode schema, JsonNode base, long seed) {
        this.properties = schema.get("properties");
        this.base = base;
        this.random = new Random(seed);
    }

    Candidate next() {
        return new Candidate(text("eventId"), wholeNumber("amount"), matching("currency"), text("description"),
                (int) wholeNumber("storage"), text("paymentId"), random.nextInt(3) == 0 ? null : text("userId"),
                matching("stage"), instant());
    }

    /** One draw in eight goes past a limit: with nine components, about a third of the candidates are valid. */
    private boolean past() {
        return random.nextInt(8) == 0;
    }

    private long wholeNumber(String field) {
        long min = properties.get(field).get("minimum").longValue();
        long max = properties.get(field).path("maximum").asLong(Long.MAX_VALUE);
        if (past()) {
            // just past the maximum where a long can get there, otherwise just under the minimum
            return max < Long.MAX_VALUE && random.nextBoolean() ? max + 1 : min - 1;
        }
        return switch (random.nextInt(4)) {
            case 0 -> min;
            case 1 -> max;
            default -> random.nextLong(min, max);
        };
    }

    private String text(String field) {
        int minLength = properties.get(field).path("minLength").asInt(0);
        int length = past() ? minLength - 1 : minLength + (random.nextBoolean() ? 0 : random.nextInt(20));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return text.toString();
    }

    private String matching(String field) {
        PatternSamples samples = PatternSamples.of(properties.get(field).get("pattern").textValue());
        if (past()) {
            List<String> nearMisses = new ArrayList<>(samples.around(base.get(field).textValue()).values());
            return nearMisses.get(random.nextInt(nearMisses.size()));
        }
        return samples.random(random);
    }

    private Instant instant() {
        if (past()) {
            return random.nextBoolean() ? FIRST_INSTANT.minusNanos(1) : LAST_INSTANT.plusNanos(1);
        }
        return switch (random.nextInt(4)) {
            case 0 -> FIRST_INSTANT;
            case 1 -> LAST_INSTANT;
            default -> Instant.ofEpochSecond(
                    random.nextLong(FIRST_INSTANT.getEpochSecond(), LAST_INSTANT.getEpochSecond()),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        };
    }
}
