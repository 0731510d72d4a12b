package com.scratch.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages made from the schema's own keywords: a valid base event with one property changed to a value at or
 * just past one of that property's limits (its minimum and maximum, its length, its pattern, its format, its
 * type), or left out. Changing a limit in the schema changes the cases; a keyword this class does not know fails
 * the generation, so that a new rule cannot go untested.
 */
final class ContractCases {

    /** One message to try; {@code field} is the property changed, or null when the whole message is the point. */
    record Case(String field, String change, String json) {
        @Override
        public String toString() {
            return (field == null ? "" : field + ": ") + change;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> KNOWN_KEYWORDS =
            Set.of("type", "const", "minimum", "maximum", "minLength", "pattern", "format", "description");

    // A format has no limits to derive from: these are the edges of RFC 3339 date-times, as JSON Schema uses them
    private static final Map<String, List<String>> FORMAT_SAMPLES = Map.of("date-time", List.of(
            "2024-02-29T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T12:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-26T23:59:59Z", "2026-11-26T24:00:00Z",
            "2026-11-26T23:60:00Z", "2016-12-31T23:59:60Z", "2026-11-26T23:59:60Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z",
            "2026-11-26T15:06:28.1Z", "2026-11-26T15:06:28.123456789Z", "2026-11-26T15:06:28.1234567891Z",
            "2026-11-26T15:06:28.Z", "2026-11-26T15:06:28,5Z", "2026-11-26t15:06:28z", "2026-11-26 15:06:28Z",
            "2026-11-26T15:06:28+00:00", "2026-11-26T15:06:28-00:00", "2026-11-26T15:06Z", "2026-11-26",
            "15:06:28Z", "2026-11-26T15:06:28Zjunk", "2026-11-26T15:06:28ZjunkZ", "20261126T150628Z",
            "2026-11-2\u0664T15:06:28Z"));

    private ContractCases() {
    }

    static List<Case> from(JsonNode schema, ObjectNode base) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(null, "the base message", base.toString()));
        cases.add(new Case(null, "an unknown field added", base.deepCopy().put("addedLater", "in 1.1").toString()));
        cases.add(new Case(null, "an array", "[" + base + "]"));
        cases.add(new Case(null, "a string", NODES.textNode(base.toString()).toString()));
        schema.get("properties").fields().forEachRemaining(property -> {
            String field = property.getKey();
            cases.add(new Case(field, "left out", base.deepCopy().without(field).toString()));
            valuesFor(field, property.getValue(), base.get(field)).forEach((change, value) ->
                    cases.add(new Case(field, change, base.deepCopy().set(field, value).toString())));
        });
        return cases;
    }

    private static Map<String, JsonNode> valuesFor(String field, JsonNode rules, JsonNode baseValue) {
        rules.fieldNames().forEachRemaining(keyword -> {
            if (!KNOWN_KEYWORDS.contains(keyword)) {
                throw new IllegalStateException("No cases for keyword '" + keyword + "' of " + field + ": add some");
            }
        });
        Map<String, JsonNode> values = new LinkedHashMap<>(valuesOfEveryType(baseValue));
        if (rules.has("const")) {
            values.putAll(around("const", rules.get("const")));
        }
        if (rules.has("minimum")) {
            values.putAll(around("minimum", rules.get("minimum")));
        }
        if (rules.has("maximum")) {
            values.putAll(around("maximum", rules.get("maximum")));
        }
        if (rules.has("minLength")) {
            int minLength = rules.get("minLength").intValue();
            values.put("minLength - 1 characters", NODES.textNode("x".repeat(Math.max(0, minLength - 1))));
            values.put("minLength characters", NODES.textNode("x".repeat(minLength)));
            values.put("minLength blanks", NODES.textNode(" ".repeat(minLength)));
        }
        if (rules.has("pattern")) {
            PatternSamples.of(rules.get("pattern").textValue()).around(baseValue.textValue())
                    .forEach((change, text) -> values.put(change + ": " + NODES.textNode(text), NODES.textNode(text)));
        }
        if (rules.has("format")) {
            String format = rules.get("format").textValue();
            if (!FORMAT_SAMPLES.containsKey(format)) {
                throw new IllegalStateException("No samples for format '" + format + "' of " + field + ": add some");
            }
            FORMAT_SAMPLES.get(format)
                    .forEach(text -> values.put(format + " " + NODES.textNode(text), NODES.textNode(text)));
        }
        return values;
    }

    /** A value of each JSON type, the base value written as another type, and a value too long to echo whole. */
    private static Map<String, JsonNode> valuesOfEveryType(JsonNode baseValue) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("null", NODES.nullNode());
        values.put("true", NODES.booleanNode(true));
        values.put("42", NODES.numberNode(42));
        values.put("0.5", NODES.numberNode(new BigDecimal("0.5")));
        values.put("\"text\"", NODES.textNode("text"));
        values.put("[]", NODES.arrayNode());
        values.put("{}", NODES.objectNode());
        if (!baseValue.isTextual()) {
            values.put("the base value as a string", NODES.textNode(baseValue.asText()));
        }
        values.put("the base value in an array", NODES.arrayNode().add(baseValue));
        values.put("100000 characters", NODES.textNode("x".repeat(100_000)));
        return values;
    }

    /** A number limit itself, also written with a fraction or an exponent, and its neighbours on both sides. */
    private static Map<String, JsonNode> around(String keyword, JsonNode limitNode) {
        BigDecimal limit = limitNode.decimalValue();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put(keyword + " - 1 = " + limit.subtract(BigDecimal.ONE), number(limit.subtract(BigDecimal.ONE)));
        values.put(keyword + " - 0.5", number(limit.subtract(new BigDecimal("0.5"))));
        values.put(keyword + " = " + limit, number(limit));
        values.put(keyword + " written " + limit.setScale(1), number(limit.setScale(1)));
        if (limit.stripTrailingZeros().scale() < 0) {
            values.put(keyword + " written " + limit.stripTrailingZeros(), number(limit.stripTrailingZeros()));
        }
        values.put(keyword + " + 0.5", number(limit.add(new BigDecimal("0.5"))));
        values.put(keyword + " + 1 = " + limit.add(BigDecimal.ONE), number(limit.add(BigDecimal.ONE)));
        return values;
    }

    private static JsonNode number(BigDecimal value) {
        // DecimalNode keeps the notation (1.0, 1E+5), which JsonNodeFactory would normalise away
        return value.scale() == 0 ? NODES.numberNode(value.toBigIntegerExact()) : DecimalNode.valueOf(value);
    }
}
