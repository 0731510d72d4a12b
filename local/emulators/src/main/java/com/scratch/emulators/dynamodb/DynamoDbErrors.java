package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.iam.AccessRefusal;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RejectedRequest;

/**
 * DynamoDB's awsJson1_0 error answers, with the {@code __type} and message texts the real service sends (the same
 * ones dynalite copies): {@code {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
 * "message":"The conditional request failed"}}. The SDK picks its exception from the part after {@code #}.
 */
final class DynamoDbErrors {

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
    private static final String CORAL = "com.amazon.coral.service#";
    private static final String VALIDATE = "com.amazon.coral.validate#";

    private DynamoDbErrors() {
    }

    static RejectedRequest error(int status, String type, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", type);
        if (message != null) {
            body.put("message", message);
        }
        return reject(status, body);
    }

    /** How DynamoDB refuses a caller: every refusal is a 400 whose {@code __type} says which. */
    static RejectedRequest refused(AccessRefusal refusal) {
        return switch (refusal.kind()) {
            // DynamoDB words this one differently from SSM's "Missing Authentication Token".
            case UNSIGNED -> error(400, CORAL + "MissingAuthenticationTokenException",
                    "Request is missing Authentication Token");
            case UNKNOWN_ACCESS_KEY -> error(400, CORAL + "UnrecognizedClientException", refusal.message());
            case BAD_SIGNATURE -> error(400, CORAL + "InvalidSignatureException", refusal.message());
            case NOT_AUTHORIZED -> accessDenied(refusal.message());
        };
    }

    /** DynamoDB's refusal by IAM policy; unlike its other errors this one names its text {@code Message}. */
    static RejectedRequest accessDenied(String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", CORAL + "AccessDeniedException");
        body.put("Message", message);
        return reject(400, body);
    }

    static RejectedRequest validation(String message) {
        return error(400, VALIDATE + "ValidationException", message);
    }

    /** The phrasing DynamoDB uses when a required member is missing, for example {@code tableName}. */
    static RejectedRequest missingMember(String member) {
        return validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    /** A body that is no JSON object, or a member of the wrong JSON type; DynamoDB sends its text as {@code Message}. */
    static RejectedRequest serialization(String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", CORAL + "SerializationException");
        if (message != null) {
            body.put("Message", message);
        }
        return reject(400, body);
    }

    static RejectedRequest unknownOperation() {
        return error(400, CORAL + "UnknownOperationException", null);
    }

    /** Item operations say only this; DescribeTable and DescribeTimeToLive also name the table. */
    static RejectedRequest resourceNotFound() {
        return error(400, DYNAMODB + "ResourceNotFoundException", "Requested resource not found");
    }

    static RejectedRequest tableNotFound(String table) {
        return error(400, DYNAMODB + "ResourceNotFoundException", "Requested resource not found: Table: " + table + " not found");
    }

    /** Real DynamoDB's wording; DynamoDB Local says "Cannot create preexisting table" instead, dynalite nothing. */
    static RejectedRequest tableExists(String table) {
        return error(400, DYNAMODB + "ResourceInUseException", "Table already exists: " + table);
    }

    /** With {@code ReturnValuesOnConditionCheckFailure: ALL_OLD} the exception carries the item as it was, if any. */
    static RejectedRequest conditionalCheckFailed(JsonNode oldItem) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", DYNAMODB + "ConditionalCheckFailedException");
        body.put("message", "The conditional request failed");
        if (oldItem != null) {
            body.set("Item", oldItem.deepCopy());
        }
        return reject(400, body);
    }

    private static RejectedRequest reject(int status, ObjectNode body) {
        return new RejectedRequest(HttpReply.of(status, CONTENT_TYPE, body.toString()));
    }
}
