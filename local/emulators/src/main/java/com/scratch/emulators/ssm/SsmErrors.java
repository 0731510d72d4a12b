package com.scratch.emulators.ssm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.iam.AccessRefusal;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RejectedRequest;

/** SSM's awsJson1_1 error answers: {@code {"__type":"ParameterNotFound","message":"..."}}. */
final class SsmErrors {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private SsmErrors() {
    }

    static RejectedRequest error(int status, String type, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", type);
        body.put("message", message);
        return new RejectedRequest(HttpReply.of(status, CONTENT_TYPE, body.toString()));
    }

    /** How SSM refuses a caller: every refusal is a 400 whose {@code __type} says which. */
    static RejectedRequest refused(AccessRefusal refusal) {
        String type = switch (refusal.kind()) {
            case UNSIGNED -> "MissingAuthenticationTokenException";
            case UNKNOWN_ACCESS_KEY -> "UnrecognizedClientException";
            case BAD_SIGNATURE -> "InvalidSignatureException";
            case NOT_AUTHORIZED -> "AccessDeniedException";
        };
        return error(400, type, refusal.message());
    }

    static RejectedRequest parameterNotFound(String name) {
        return error(400, "ParameterNotFound", "Parameter " + name + " not found.");
    }

    static RejectedRequest validation(String message) {
        return error(400, "ValidationException", message);
    }

    /** The phrasing real SSM uses when a required member is missing. */
    static RejectedRequest missingMember(String member) {
        return validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }
}
