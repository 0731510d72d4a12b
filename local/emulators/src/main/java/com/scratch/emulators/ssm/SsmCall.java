package com.scratch.emulators.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One request an {@link SsmEmulator} received, failed ones included.
 *
 * <pre>{@code
 * SsmCall call = ssm.calls().get(0);
 * call.operation();                                  // "GetParameter"
 * call.body().path("WithDecryption").asBoolean();    // true
 * }</pre>
 *
 * @param operation the part of {@code X-Amz-Target} after {@code AmazonSSM.}
 * @param body the JSON request body; a copy, so changing it changes nothing recorded
 */
public record SsmCall(String operation, JsonNode body) {

    public SsmCall {
        Objects.requireNonNull(operation, "operation == null");
        body = Objects.requireNonNull(body, "body == null").deepCopy();
    }

    @Override
    public JsonNode body() {
        return body.deepCopy();
    }

    /** Masks {@code Value}, so a PutParameter of a secret never reaches a log through this record. */
    @Override
    public String toString() {
        JsonNode shown = body.deepCopy();
        if (shown instanceof ObjectNode object && object.has("Value")) {
            object.put("Value", "****");
        }
        return "SsmCall[operation=" + operation + ", body=" + shown + "]";
    }
}
