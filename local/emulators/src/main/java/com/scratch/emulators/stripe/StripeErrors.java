package com.scratch.emulators.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RejectedRequest;

/**
 * Stripe's {@code {"error":{...}}} answers. stripe-java picks its exception class from the HTTP status, so
 * the statuses here matter more than the {@code type} values.
 */
final class StripeErrors {

    static final String CONTENT_TYPE = "application/json";

    private StripeErrors() {
    }

    /** 400 {@code invalid_request_error}, for example code {@code parameter_missing} with param {@code currency}. */
    static RejectedRequest invalidRequest(String code, String param, String message) {
        ObjectNode error = error("invalid_request_error", message);
        putIfPresent(error, "code", code);
        putIfPresent(error, "param", param);
        return reject(400, error);
    }

    static RejectedRequest missingParam(String param) {
        return invalidRequest("parameter_missing", param, "Missing required param: " + param + ".");
    }

    static RejectedRequest notFound(String code, String param, String message) {
        ObjectNode error = error("invalid_request_error", message);
        putIfPresent(error, "code", code);
        putIfPresent(error, "param", param);
        return reject(404, error);
    }

    static RejectedRequest invalidApiKey(String maskedKey) {
        String message = maskedKey == null
                ? "You did not provide an API key. You need to provide your API key in the Authorization header, "
                        + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
                : "Invalid API Key provided: " + maskedKey;
        return reject(401, error("invalid_request_error", message));
    }

    static RejectedRequest idempotencyMismatch() {
        return reject(400, error("idempotency_error",
                "Keys for idempotent requests can only be used with the same parameters they were first used with."));
    }

    /** Wraps an {@code error} object in {@code {"error": ...}} and answers with it. */
    static RejectedRequest reject(int status, ObjectNode error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return new RejectedRequest(HttpReply.of(status, CONTENT_TYPE, body.toString()));
    }

    static ObjectNode error(String type, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("type", type);
        error.put("message", message);
        return error;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
