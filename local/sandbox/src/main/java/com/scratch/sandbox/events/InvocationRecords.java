package com.scratch.sandbox.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.sandbox.runtime.FunctionFailedException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The invocation record Lambda sends to an on-failure destination of an asynchronous invocation, as the body
 * of an SQS message:
 *
 * <pre>{@code
 * {"version": "1.0", "timestamp": "2026-11-14T18:16:05.568Z",
 *  "requestContext": {"requestId": "...", "functionArn": "arn:aws:lambda:us-east-1:000000000000:function:notify-job-local-notify:$LATEST",
 *                     "condition": "RetriesExhausted", "approximateInvokeCount": 3},
 *  "requestPayload": {"Records": [{"EventSource": "aws:sns", ...}]},
 *  "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
 *  "responsePayload": {"errorMessage": "...", "errorType": "com.scratch...Exception", "stackTrace": ["..."]}}
 * }</pre>
 *
 * The request payload is the event itself, so a record holds everything needed to invoke the function again.
 */
final class InvocationRecords {

    /** Every attempt the function's maximumRetryAttempts allows was made and failed. */
    static final String RETRIES_EXHAUSTED = "RetriesExhausted";
    /**
     * Lambda's condition for an event dropped before its attempts were used up; locally, when the stack stops
     * before the remaining attempts.
     */
    static final String EVENT_AGE_EXCEEDED = "EventAgeExceeded";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LAMBDA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private InvocationRecords() {
    }

    /**
     * @param event the event every attempt was invoked with
     * @param error what the last attempt threw: the handler's exception, wrapped in a {@link FunctionFailedException}
     */
    static String failed(String functionArn, String event, String condition, int invokeCount, Throwable error,
            Instant failedAt) {
        ObjectNode record = JSON.createObjectNode()
                .put("version", "1.0")
                .put("timestamp", LAMBDA_TIME.format(failedAt));
        record.putObject("requestContext")
                .put("requestId", UUID.randomUUID().toString())
                .put("functionArn", functionArn)
                .put("condition", condition)
                .put("approximateInvokeCount", invokeCount);
        try {
            record.set("requestPayload", JSON.readTree(event));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The SNS event built for " + functionArn + " is not JSON", e);
        }
        record.putObject("responseContext")
                .put("statusCode", 200)
                .put("executedVersion", "$LATEST")
                .put("functionError", "Unhandled");
        record.set("responsePayload", errorPayload(error));
        return record.toString();
    }

    /** As the Java runtime reports an exception the handler threw: its message, class and stack frames. */
    private static ObjectNode errorPayload(Throwable error) {
        Throwable thrown = error instanceof FunctionFailedException && error.getCause() != null ? error.getCause() : error;
        ObjectNode payload = JSON.createObjectNode()
                .put("errorMessage", thrown.getMessage())
                .put("errorType", thrown.getClass().getName());
        ArrayNode stackTrace = payload.putArray("stackTrace");
        for (StackTraceElement frame : thrown.getStackTrace()) {
            stackTrace.add(frame.getClassName() + "." + frame.getMethodName() + "(" + location(frame) + ")");
        }
        return payload;
    }

    /** Without the module prefix of {@link StackTraceElement#toString()}: {@code Handler.java:42}. */
    private static String location(StackTraceElement frame) {
        if (frame.isNativeMethod()) {
            return "Native Method";
        }
        if (frame.getFileName() == null) {
            return "Unknown Source";
        }
        return frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
    }
}
