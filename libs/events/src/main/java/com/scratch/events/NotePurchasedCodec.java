package com.scratch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.json.JsonTrees;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Writes {@link NotePurchased} events as JSON and reads what arrives on the purchase topic.
 *
 * <p>A versioned message is accepted exactly when it is valid against {@code schemas/note-purchased-v1.json}
 * ({@code NotePurchasedContractTest} checks this on cases generated from the schema): every field present with
 * the schema's type and within its limits, unknown fields ignored. A whole number may be written {@code 5.0},
 * as JSON Schema counts it as an integer. {@code "userId": null} is refused, as the schema says: the encoder
 * leaves the field out when the buyer is unknown and never writes null. Every error names the field at fault
 * and shows at most {@value Excerpt#MAX_CHARS} characters of the value. Thread-safe.
 *
 * <pre>{@code
 * String json = NotePurchasedCodec.encode(event);
 * PurchaseMessage message = NotePurchasedCodec.decode(json); // a NotePurchased or the original message
 * }</pre>
 */
public final class NotePurchasedCodec {

    private static final BigDecimal SCHEMA_VERSION = BigDecimal.valueOf(NotePurchased.SCHEMA_VERSION);

    private NotePurchasedCodec() {
    }

    public static String encode(NotePurchased event) {
        ObjectNode node = JsonTrees.object()
                .put("schemaVersion", NotePurchased.SCHEMA_VERSION)
                .put("eventId", event.eventId())
                .put("amount", event.amount())
                .put("currency", event.currency())
                .put("description", event.description())
                .put("storage", event.storage())
                .put("paymentId", event.paymentId());
        event.buyer().ifPresent(userId -> node.put("userId", userId));
        node.put("stage", event.stage()).put("purchasedAt", event.purchasedAt().toString());
        return JsonTrees.write(node);
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

    private static NotePurchased decodeVersioned(JsonNode event) {
        JsonNode version = event.get("schemaVersion");
        // numerically equal, as JSON Schema's const compares numbers: 1.0 is version 1
        if (!version.isNumber() || version.decimalValue().compareTo(SCHEMA_VERSION) != 0) {
            throw invalid("schemaVersion", "must be " + NotePurchased.SCHEMA_VERSION
                    + " (this consumer reads no other version)", version);
        }
        return new NotePurchased(
                string(event, "eventId"),
                wholeNumber(event, "amount", NotePurchased.MIN_AMOUNT, NotePurchased.MAX_AMOUNT),
                matching(event, "currency", NotePurchased.CURRENCY, "a lower-case ISO 4217 code"),
                string(event, "description"),
                (int) wholeNumber(event, "storage", NotePurchased.MIN_STORAGE, NotePurchased.MAX_STORAGE),
                string(event, "paymentId"),
                buyer(event),
                matching(event, "stage", NotePurchased.STAGE, "a stage name"),
                purchasedAt(event));
    }

    private static JsonNode required(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null) {
            throw new MalformedEventException("Field '" + field + "' is missing");
        }
        return value;
    }

    private static String string(JsonNode event, String field) {
        JsonNode value = required(event, field);
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw invalid(field, "must be a non-empty string", value);
        }
        return value.textValue();
    }

    private static String matching(JsonNode event, String field, Pattern pattern, String what) {
        String value = string(event, field);
        if (!pattern.matcher(value).matches()) {
            throw invalid(field, "must be " + what + " matching " + pattern.pattern(), event.get(field));
        }
        return value;
    }

    private static long wholeNumber(JsonNode event, String field, long min, long max) {
        JsonNode value = required(event, field);
        BigDecimal number = value.isNumber() ? value.decimalValue() : null;
        if (number == null || !isWhole(number)
                || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            String range = max == Long.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
            throw invalid(field, "must be a whole number " + range, value);
        }
        return number.longValueExact();
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static String buyer(JsonNode event) {
        JsonNode value = event.get("userId");
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw invalid("userId", "must be a non-empty string, or absent when the buyer is unknown", value);
        }
        return value.textValue();
    }

    private static Instant purchasedAt(JsonNode event) {
        String value = matching(event, "purchasedAt", NotePurchased.PURCHASED_AT,
                "an RFC 3339 UTC time like 2026-11-26T15:06:28.123Z");
        try {
            // LocalDateTime, not Instant.parse, which reads 24:00:00 as the next midnight where RFC 3339 refuses it
            return LocalDateTime.parse(value.substring(0, value.length() - 1)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid("purchasedAt", "must be a date and time that exist", event.get("purchasedAt"));
        }
    }

    private static MalformedEventException invalid(String field, String rule, JsonNode value) {
        return new MalformedEventException("Field '" + field + "' " + rule + ", was " + Excerpt.of(value));
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Message is empty");
        }
        try {
            // Exact decimals (JsonTrees reads them as BigDecimal): as doubles, 9223372036854775808.0 would round
            // down to the largest amount and pass
            JsonNode node = JsonTrees.read(json);
            if (!node.isObject()) {
                throw new MalformedEventException("Message must be a JSON object, was " + node.getNodeType());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Message is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    // text and positiveLong read the original message, which no schema describes: its rules are unchanged

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
            throw new MalformedEventException(
                    "Field '" + field + "' must be a positive whole number, was " + Excerpt.of(value));
        }
        return value.asLong();
    }
}
