package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored item, as {@link DynamoDbEmulator#item(String, String)} shows it to a test: the attributes in DynamoDB's
 * own JSON form (what GetItem answers with), with readers for the common types.
 *
 * <pre>{@code
 * DynamoDbItem item = dynamo.item("idempotency", "order-1001").orElseThrow();
 * item.string("status");                  // Optional[COMPLETED]
 * item.number("expiresAt");               // Optional[1767225600]
 * item.attributes().path("data").path("S").asText();
 * }</pre>
 *
 * @param attributes the item, for example {@code {"id":{"S":"order-1001"},"expiresAt":{"N":"1767225600"}}}; a copy
 */
public record DynamoDbItem(JsonNode attributes) {

    public DynamoDbItem {
        attributes = Objects.requireNonNull(attributes, "attributes == null").deepCopy();
    }

    @Override
    public JsonNode attributes() {
        return attributes.deepCopy();
    }

    public boolean has(String attribute) {
        return attributes.has(attribute);
    }

    /** The value of an {@code S} attribute; empty when the item has no such attribute or it is of another type. */
    public Optional<String> string(String attribute) {
        JsonNode value = attributes.path(attribute).path("S");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The value of an {@code N} attribute; empty when the item has no such attribute or it is of another type. */
    public Optional<BigDecimal> number(String attribute) {
        JsonNode value = attributes.path(attribute).path("N");
        return value.isTextual() ? Optional.of(new BigDecimal(value.asText())) : Optional.empty();
    }
}
