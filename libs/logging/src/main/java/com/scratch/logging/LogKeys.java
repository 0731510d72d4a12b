package com.scratch.logging;

import org.slf4j.MDC;

/**
 * The keys of a log line. The function's keys are the ones Powertools for AWS Lambda writes, so that Logs Insights
 * queries and dashboards written for Powertools work on these logs too; the purchase's keys are the same in billing
 * and notify, so that one query follows a purchase from the request to the text.
 */
public final class LogKeys {

    public static final String TIMESTAMP = "timestamp";
    public static final String LEVEL = "level";
    public static final String MESSAGE = "message";
    public static final String LOGGER = "logger";
    /** An exception: {@code {"name", "message", "stack"}}, the stack one string with its causes. */
    public static final String ERROR = "error";

    public static final String SERVICE = "service";
    public static final String STAGE = "stage";
    public static final String FUNCTION_NAME = "function_name";
    public static final String FUNCTION_ARN = "function_arn";
    public static final String FUNCTION_MEMORY_SIZE = "function_memory_size";
    public static final String FUNCTION_REQUEST_ID = "function_request_id";
    public static final String COLD_START = "cold_start";
    public static final String XRAY_TRACE_ID = "xray_trace_id";

    public static final String PAYMENT_ID = "paymentId";
    public static final String EVENT_ID = "eventId";
    public static final String AMOUNT = "amount";
    public static final String STORAGE = "storage";
    /** A hash of the Idempotency-Key, never the key itself: it ties a client's retries together. */
    public static final String IDEMPOTENCY_KEY_HASH = "idempotencyKeyHash";
    /** What a failed request was answered with: its error code, so failures can be counted by kind. */
    public static final String FAILURE = "failure";

    private LogKeys() {
    }

    /**
     * Puts a purchase's keys on every later line of this invocation: what billing knows once it has charged, and
     * what notify reads from the event, so that one query on {@code paymentId} or {@code eventId} finds both.
     */
    public static void putPurchase(String eventId, String paymentId, long amount, int storage) {
        MDC.put(EVENT_ID, eventId);
        MDC.put(PAYMENT_ID, paymentId);
        MDC.put(AMOUNT, Long.toString(amount));
        MDC.put(STORAGE, Integer.toString(storage));
    }
}
