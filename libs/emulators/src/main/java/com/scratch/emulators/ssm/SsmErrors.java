package com.scratch.emulators.ssm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    static RejectedRequest fault(SsmFault fault) {
        return error(fault.status(), fault.errorType(), fault.message());
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
