package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.internal.RejectedRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's typed values as they travel, {@code {"S":"a"}}, {@code {"N":"1.5"}}, ...: their validation (with
 * DynamoDB's messages), the normal form numbers are stored in, comparison and item size.
 */
final class AttributeValues {

    /** DynamoDB's item size limit: 400 KB, attribute names included. */
    static final int MAX_ITEM_BYTES = 400 * 1024;

    private static final List<String> TYPES = List.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");

    private AttributeValues() {
    }

    /** The type of a valid value, {@code "S"} for {@code {"S":"a"}}. */
    static String type(JsonNode value) {
        return value.fieldNames().next();
    }

    /**
     * Checks one value as DynamoDB does and returns it with its numbers in normal form ({@code "01.50"} is stored
     * as {@code "1.5"}, as DynamoDB stores it), or throws a ValidationException with DynamoDB's message.
     */
    static JsonNode validated(JsonNode value) {
        if (!value.isObject()) {
            throw DynamoDbErrors.serialization("Unexpected value type in payload");
        }
        // DynamoDB drops members it does not know before it looks, so {"X": "1"} is an empty value.
        List<String> types = new ArrayList<>();
        value.fieldNames().forEachRemaining(name -> {
            if (TYPES.contains(name) && !value.get(name).isNull()) {
                types.add(name);
            }
        });
        if (types.isEmpty()) {
            throw invalid("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (types.size() > 1) {
            throw invalid("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the"
                    + " supported datatypes");
        }
        String type = types.get(0);
        JsonNode content = value.get(type);
        ObjectNode normal = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case "S", "B" -> normal.put(type, text(content, type));
            case "N" -> normal.put(type, number(text(content, type)));
            case "BOOL" -> normal.put(type, bool(content, type));
            case "NULL" -> {
                if (!bool(content, type)) {
                    throw invalid("One or more parameter values were invalid: Null attribute value types must have"
                            + " the value of true");
                }
                normal.put(type, true);
            }
            case "SS", "NS", "BS" -> normal.set(type, set(type, content));
            case "L" -> {
                ArrayNode list = normal.putArray(type);
                for (JsonNode element : array(content, type)) {
                    list.add(validated(element));
                }
            }
            case "M" -> {
                if (!content.isObject()) {
                    throw DynamoDbErrors.serialization("Unexpected value type in payload");
                }
                ObjectNode map = normal.putObject(type);
                content.fields().forEachRemaining(field -> map.set(field.getKey(), validated(field.getValue())));
            }
            default -> throw new IllegalStateException("Not a type: " + type);
        }
        return normal;
    }

    /** Every attribute of an item or key map, validated and normalized. */
    static ObjectNode validatedMap(JsonNode map, String member) {
        if (!map.isObject()) {
            throw DynamoDbErrors.serialization("Unexpected value type in payload for " + member);
        }
        ObjectNode normal = JsonNodeFactory.instance.objectNode();
        map.fields().forEachRemaining(field -> normal.set(field.getKey(), validated(field.getValue())));
        return normal;
    }

    /** DynamoDB's normal form of a number, or its message for one it cannot store. */
    static String number(String text) {
        if (text.isEmpty()) {
            throw invalid("The parameter cannot be converted to a numeric value");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid("The parameter cannot be converted to a numeric value: " + text);
        }
        if (number.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        // The power of ten of the leading digit: DynamoDB stores from 1E-130 to 9.99...E+125.
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent > 125) {
            throw invalid("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < -130) {
            throw invalid("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (stripped.precision() > 38) {
            throw invalid("Attempting to store more than 38 significant digits in a Number");
        }
        return stripped.toPlainString();
    }

    /**
     * DynamoDB's comparison of two values, either of which may be missing (null): {@code =} needs both present,
     * of one type and equal; {@code <>} is its negation; the orderings need both present and of one scalar type,
     * numbers compared by value, strings and binaries by their unsigned bytes (UTF-8 for strings), as DynamoDB
     * does (so {@code "Z" < "a"}, and {@code "é"} sorts after every ASCII letter).
     */
    static boolean compare(String operator, JsonNode left, JsonNode right) {
        if ("=".equals(operator)) {
            return equal(left, right);
        }
        if ("<>".equals(operator)) {
            return !equal(left, right);
        }
        if (left == null || right == null || !type(left).equals(type(right))) {
            return false;
        }
        String type = type(left);
        int order;
        switch (type) {
            case "N" -> order = new BigDecimal(left.get("N").asText()).compareTo(new BigDecimal(right.get("N").asText()));
            case "S" -> order = compareBytes(left.get("S").asText().getBytes(StandardCharsets.UTF_8),
                    right.get("S").asText().getBytes(StandardCharsets.UTF_8));
            case "B" -> order = compareBytes(decode(left.get("B").asText()), decode(right.get("B").asText()));
            default -> {
                return false;
            }
        }
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> throw new IllegalArgumentException("Not a comparison: " + operator);
        };
    }

    static boolean equal(JsonNode left, JsonNode right) {
        if (left == null || right == null || !type(left).equals(type(right))) {
            return false;
        }
        String type = type(left);
        JsonNode a = left.get(type);
        JsonNode b = right.get(type);
        return switch (type) {
            case "N" -> new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
            case "SS", "BS" -> members(a).equals(members(b));
            case "NS" -> numbers(a).equals(numbers(b));
            case "L" -> {
                if (a.size() != b.size()) {
                    yield false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!equal(a.get(i), b.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case "M" -> {
                if (a.size() != b.size()) {
                    yield false;
                }
                Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!equal(field.getValue(), b.get(field.getKey()))) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> a.equals(b);
        };
    }

    /** The size DynamoDB counts against the 400 KB limit: each attribute's UTF-8 name plus its value. */
    static long itemSize(JsonNode item) {
        long size = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            size += field.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(field.getValue());
        }
        return size;
    }

    private static long valueSize(JsonNode value) {
        String type = type(value);
        JsonNode content = value.get(type);
        long size = 0;
        switch (type) {
            case "S" -> size = content.asText().getBytes(StandardCharsets.UTF_8).length;
            case "B" -> size = decode(content.asText()).length;
            case "N" -> size = numberSize(content.asText());
            case "BOOL", "NULL" -> size = 1;
            case "SS" -> {
                for (JsonNode member : content) {
                    size += member.asText().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            case "BS" -> {
                for (JsonNode member : content) {
                    size += decode(member.asText()).length;
                }
            }
            case "NS" -> {
                for (JsonNode member : content) {
                    size += numberSize(member.asText());
                }
            }
            // DynamoDB: 3 bytes for a list or map, plus 1 byte per element.
            case "L" -> {
                size = 3;
                for (JsonNode element : content) {
                    size += 1 + valueSize(element);
                }
            }
            case "M" -> size = 3 + content.size() + itemSize(content);
            default -> throw new IllegalStateException("Unvalidated value " + value);
        }
        return size;
    }

    /** About one byte per two significant digits, plus one, as DynamoDB documents (and dynalite computes). */
    private static long numberSize(String text) {
        BigDecimal number = new BigDecimal(text);
        if (number.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        int digits = stripped.precision();
        int exponent = stripped.precision() - stripped.scale() - 1;
        return 1 + (digits + 1) / 2 + (digits % 2 != 0 || exponent % 2 != 0 ? 0 : 1) + (number.signum() < 0 ? 1 : 0);
    }

    private static ArrayNode set(String type, JsonNode content) {
        ArrayNode members = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new HashSet<>();
        for (JsonNode member : array(content, type)) {
            String text = text(member, type);
            String normal = "NS".equals(type) ? number(text) : text;
            String identity = "NS".equals(type) ? new BigDecimal(normal).stripTrailingZeros().toPlainString() : normal;
            if (!seen.add(identity)) {
                throw invalid("NS".equals(type) ? "Input collection contains duplicates"
                        : "One or more parameter values were invalid: Input collection " + content + " contains duplicates.");
            }
            members.add(normal);
        }
        if (members.isEmpty()) {
            throw invalid(switch (type) {
                case "SS" -> "One or more parameter values were invalid: An string set  may not be empty";
                case "NS" -> "One or more parameter values were invalid: An number set  may not be empty";
                default -> "One or more parameter values were invalid: Binary sets should not be empty";
            });
        }
        return members;
    }

    private static Set<String> members(JsonNode set) {
        Set<String> members = new HashSet<>();
        set.forEach(member -> members.add(member.asText()));
        return members;
    }

    private static Set<BigDecimal> numbers(JsonNode set) {
        Set<BigDecimal> numbers = new HashSet<>();
        set.forEach(member -> numbers.add(new BigDecimal(member.asText()).stripTrailingZeros()));
        return numbers;
    }

    private static String text(JsonNode content, String type) {
        if (!content.isTextual()) {
            throw DynamoDbErrors.serialization("Unexpected value type in payload for an AttributeValue of type " + type);
        }
        if ("B".equals(type) || "BS".equals(type)) {
            try {
                Base64.getDecoder().decode(content.asText());
            } catch (IllegalArgumentException e) {
                throw DynamoDbErrors.serialization("Base64 encoded value is not valid: " + e.getMessage());
            }
        }
        return content.asText();
    }

    private static boolean bool(JsonNode content, String type) {
        if (!content.isBoolean()) {
            throw DynamoDbErrors.serialization("Unexpected value type in payload for an AttributeValue of type " + type);
        }
        return content.asBoolean();
    }

    private static JsonNode array(JsonNode content, String type) {
        if (!content.isArray()) {
            throw DynamoDbErrors.serialization("Unexpected value type in payload for an AttributeValue of type " + type);
        }
        return content;
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static int compareBytes(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int difference = Byte.toUnsignedInt(a[i]) - Byte.toUnsignedInt(b[i]);
            if (difference != 0) {
                return difference;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static RejectedRequest invalid(String message) {
        return DynamoDbErrors.validation(message);
    }
}
