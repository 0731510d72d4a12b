package com.scratch.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Jackson's JSON trees ({@link JsonNode}) read and written with jackson-core's streaming parser and generator, never
 * with an {@code ObjectMapper}. The first {@code ObjectMapper} a JVM builds loads some 480 classes of
 * jackson-databind and costs a cold start ~150 ms (BENCHMARKS.md, figure 1), while the tree classes are a handful.
 * So the functions read events and write answers through this class, and must not call {@code JsonNode.toString()},
 * which builds a hidden {@code ObjectMapper}: {@link #write(JsonNode)} is the same text.
 *
 * <p>A tree is read as {@code ObjectMapper.readTree} with {@code USE_BIG_DECIMAL_FOR_FLOATS} reads it (a number with
 * a fraction or an exponent is kept exact, as a {@code BigDecimal} without trailing zeros; a field given twice keeps its last value unless
 * the parser's factory refuses duplicates), but strictly: whatever follows the one value is an error, where
 * {@code readTree} ignores it. No input at all reads as {@link MissingNode}, as with {@code readTree}. Thread-safe.
 *
 * <pre>{@code
 * JsonNode event = JsonTrees.read(bytes);
 * String body = JsonTrees.write(JsonTrees.object().put("status", true));
 * }</pre>
 */
public final class JsonTrees {

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** @throws JsonProcessingException when the bytes are not one JSON value, with jackson-core's reason */
    public static JsonNode read(byte[] json) throws JsonProcessingException {
        try (JsonParser parser = JSON.createParser(json)) {
            return readWhole(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading bytes in memory cannot fail", e);
        }
    }

    /** @throws JsonProcessingException when the text is not one JSON value, with jackson-core's reason */
    public static JsonNode read(String json) throws JsonProcessingException {
        try (JsonParser parser = JSON.createParser(json)) {
            return readWhole(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail", e);
        }
    }

    /**
     * Reads the stream to its end, without closing it.
     *
     * @throws JsonProcessingException when it is not one JSON value
     * @throws IOException when the stream fails
     */
    public static JsonNode read(InputStream json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return readWhole(parser);
        }
    }

    /**
     * Reads the next value from a parser the caller made (with a factory of its own: stricter limits, duplicate
     * detection) and leaves the parser on the value's last token; what follows is the caller's. {@link MissingNode}
     * when the input has no more tokens.
     */
    public static JsonNode read(JsonParser parser) throws IOException {
        return parser.nextToken() == null ? MissingNode.getInstance() : value(parser);
    }

    /** An empty object to fill with {@code put} and hand to {@link #write(JsonNode)}. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The tree as compact JSON text, the same as {@code JsonNode.toString()} gives. */
    public static String write(JsonNode tree) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            write(tree, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to a string cannot fail", e);
        }
        return text.toString();
    }

    /** A generator writing UTF-8 to {@code out}; closing it flushes but does not close {@code out}. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private static JsonNode readWhole(JsonParser parser) throws IOException {
        JsonNode tree = read(parser);
        if (!tree.isMissingNode() && parser.nextToken() != null) {
            throw new JsonParseException(parser, "Unexpected content after the JSON value");
        }
        return tree;
    }

    /** The value whose first token the parser is on; the parser's own limits (nesting depth) bound the recursion. */
    private static JsonNode value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    object.set(field, value(parser));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return integer(parser);
            case VALUE_NUMBER_FLOAT:
                return decimal(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }

    /** As readTree: trailing zeros dropped, so that {@code 21.50} reads and writes as {@code 21.5}. */
    private static JsonNode decimal(BigDecimal value) {
        return NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
    }

    /** As readTree: the smallest of int, long and BigInteger that holds it. */
    private static JsonNode integer(JsonParser parser) throws IOException {
        switch (parser.getNumberType()) {
            case INT:
                return NODES.numberNode(parser.getIntValue());
            case LONG:
                return NODES.numberNode(parser.getLongValue());
            default:
                return NODES.numberNode(parser.getBigIntegerValue());
        }
    }

    private static void write(JsonNode tree, JsonGenerator json) throws IOException {
        switch (tree.getNodeType()) {
            case OBJECT:
                json.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    json.writeFieldName(field.getKey());
                    write(field.getValue(), json);
                }
                json.writeEndObject();
                break;
            case ARRAY:
                json.writeStartArray();
                for (JsonNode element : tree) {
                    write(element, json);
                }
                json.writeEndArray();
                break;
            case STRING:
                json.writeString(tree.textValue());
                break;
            case NUMBER:
                number(tree, json);
                break;
            case BOOLEAN:
                json.writeBoolean(tree.booleanValue());
                break;
            case NULL:
                json.writeNull();
                break;
            default: // MISSING, BINARY, POJO: nothing this class reads or the functions build
                throw new IllegalArgumentException("A " + tree.getNodeType() + " node has no JSON text");
        }
    }

    private static void number(JsonNode number, JsonGenerator json) throws IOException {
        if (number.isInt()) {
            json.writeNumber(number.intValue());
        } else if (number.isLong()) {
            json.writeNumber(number.longValue());
        } else if (number.isBigInteger()) {
            json.writeNumber(number.bigIntegerValue());
        } else if (number.isBigDecimal()) {
            json.writeNumber(number.decimalValue());
        } else if (number.isFloat()) {
            json.writeNumber(number.floatValue());
        } else if (number.isDouble()) {
            json.writeNumber(number.doubleValue());
        } else { // short
            json.writeNumber(number.shortValue());
        }
    }
}
