package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One request a {@link DynamoDbEmulator} received, failed ones included.
 *
 * <pre>{@code
 * DynamoDbCall call = dynamo.calls().get(0);
 * call.operation();                                   // "PutItem"
 * call.body().path("ConditionExpression").asText();   // "attribute_not_exists(id)"
 * }</pre>
 *
 * @param operation the part of {@code X-Amz-Target} after {@code DynamoDB_20120810.}
 * @param body the JSON request body (a JSON null when it did not parse); a copy, so changing it changes nothing
 *     recorded
 */
public record DynamoDbCall(String operation, JsonNode body) {

    public DynamoDbCall {
        Objects.requireNonNull(operation, "operation == null");
        body = Objects.requireNonNull(body, "body == null").deepCopy();
    }

    @Override
    public JsonNode body() {
        return body.deepCopy();
    }
}
