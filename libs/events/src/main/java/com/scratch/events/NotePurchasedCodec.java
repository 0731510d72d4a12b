package com.scratch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Writes {@link NotePurchased} events as JSON and reads what arrives on the purchase topic.
 *
 * <p>Reading is strict where a wrong value would mislead (an amount that is not a positive whole number, an
 * unknown schema version) and lenient where the schema allows growth (unknown fields are ignored). Every error
 * names the field at fault. Thread-safe.
 *
 * <pre>{@code
 * String json = NotePurchasedCodec.encode(event);
 * PurchaseMessage message = NotePurchasedCodec.decode(json); // a NotePurchased or the original message
 * }</pre>
 */
public final class NotePurchasedCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");

    private NotePurchasedCodec() {
    }

    public static String encode(NotePurchased event) {
        ObjectNode node = JSON.createObjectNode()
                .put("schemaVersion", NotePurchased.SCHEMA_VERSION)
                .put("eventId", event.eventId())
                .put("amount", event.amount())
                .put("currency", event.currency())
                .put("description", event.description())
                .put("storage", event.storage())
                .put("paymentId", event.paymentId());
        event.buyer().ifPresent(userId -> node.put("userId", userId));
        node.put("stage", event.stage()).put("purchasedAt", event.purchasedAt().toString());
        return node.toString();
    }

    /**
     * Reads a {@code NotePurchased} event (schema version 1) or the original {@code {"amount", "description"}}
     * message.
     *
     * @throws MalformedEventException naming what is wrong
     */
    public static PurchaseMessage decode(String json) {
        JsonNode node = parse(json);
        if (node.has("schemaVersion")) {
            return decodeVersioned(node);
        }
        if (node.has("amount") && node.has("description")) {
            return new LegacyPurchaseMessage(positiveLong(node, "amount"), text(node, "description"));
        }
        throw new MalformedEventException(
                "Message has no schemaVersion and is not the original {amount, description} message either");
    }

    private static NotePurchased decodeVersioned(JsonNode node) {
        JsonNode version = node.get("schemaVersion");
        if (!version.canConvertToExactIntegral() || version.asInt() != NotePurchased.SCHEMA_VERSION) {
            throw new MalformedEventException("Unsupported schemaVersion " + version
                    + ": this consumer reads version " + NotePurchased.SCHEMA_VERSION);
        }
        String currency = text(node, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new MalformedEventException("Field 'currency' must be a lower-case ISO 4217 code, was '" + currency + "'");
        }
        long storage = positiveLong(node, "storage");
        if (storage > Integer.MAX_VALUE) {
            throw new MalformedEventException("Field 'storage' is out of range: " + storage);
        }
        JsonNode userId = node.get("userId");
        if (userId != null && !userId.isNull() && !userId.isTextual()) {
            throw new MalformedEventException("Field 'userId' must be a string or absent");
        }
        return new NotePurchased(
                text(node, "eventId"),
                positiveLong(node, "amount"),
                currency,
                text(node, "description"),
                (int) storage,
                text(node, "paymentId"),
                userId == null || userId.isNull() ? null : userId.asText(),
                text(node, "stage"),
                instant(node, "purchasedAt"));
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Message is empty");
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject()) {
                throw new MalformedEventException("Message must be a JSON object, was " + node.getNodeType());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Message is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("Field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static long positiveLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0) {
            throw new MalformedEventException("Field '" + field + "' must be a positive whole number, was " + value);
        }
        return value.asLong();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Field '" + field + "' must be an ISO-8601 UTC time, was '" + value + "'", e);
        }
    }
}
