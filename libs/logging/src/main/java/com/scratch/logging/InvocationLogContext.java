package com.scratch.logging;

import com.amazonaws.services.lambda.runtime.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;

/**
 * What every log line of an invocation carries, in the slf4j MDC: {@code function_request_id},
 * {@code function_arn}, {@code function_memory_size} and (outside Lambda) {@code function_name} from the Lambda
 * {@code Context}; {@code cold_start}, true on the container's first invocation only; {@code xray_trace_id}. One per
 * container, from {@link FunctionLogging#configure}; thread-safe.
 */
public final class InvocationLogContext {

    /** What Powertools keeps: enough debug lines to explain a failure, not enough to fill a log stream. */
    static final int DEBUG_BUFFER_CHARS = 20 * 1024;

    /**
     * Where the Lambda Java runtime also puts the invocation's trace header, for a context that does not carry it;
     * the variable is only the first invocation's.
     */
    private static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    private static final String TRACE_HEADER_VARIABLE = "_X_AMZN_TRACE_ID";

    private final boolean functionNameFromContext;
    /** The trace header Lambda put in the environment at start, read when the runtime has not set the property. */
    private final String environmentTraceHeader;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    InvocationLogContext(boolean functionNameFromContext, Map<String, String> environment) {
        this.functionNameFromContext = functionNameFromContext;
        this.environmentTraceHeader = environment.get(TRACE_HEADER_VARIABLE);
    }

    /**
     * Starts an invocation: its keys, and a buffer for its debug lines. Close what it returns when the invocation
     * ends, on the same thread, so that nothing of it reaches the next one.
     *
     * @param context Lambda's; null when a test calls the handler directly
     */
    public InvocationLog begin(Context context) {
        MDC.clear();
        MDC.put(LogKeys.COLD_START, Boolean.toString(coldStart.getAndSet(false)));
        if (context != null) {
            if (functionNameFromContext) {
                putIfPresent(LogKeys.FUNCTION_NAME, context.getFunctionName());
            }
            putIfPresent(LogKeys.FUNCTION_ARN, context.getInvokedFunctionArn());
            putIfPresent(LogKeys.FUNCTION_REQUEST_ID, context.getAwsRequestId());
            MDC.put(LogKeys.FUNCTION_MEMORY_SIZE, Integer.toString(context.getMemoryLimitInMB()));
        }
        traceId(traceHeader(context)).ifPresent(id -> MDC.put(LogKeys.XRAY_TRACE_ID, id));
        DebugBuffer.open(DEBUG_BUFFER_CHARS);
        return new InvocationLog();
    }

    /**
     * The invocation's trace header from where the tracing reads it too, the context ({@code Lambda-Runtime-Trace-Id},
     * as the runtime, the sandbox and the tests hand it over), so that a line and the trace name the same trace.
     */
    private String traceHeader(Context context) {
        String header = context == null ? null : context.getXrayTraceId();
        return header != null ? header : System.getProperty(TRACE_HEADER_PROPERTY, environmentTraceHeader);
    }

    /** The {@code Root=} part of an X-Ray trace header. */
    static Optional<String> traceId(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return Optional.of(part.substring("Root=".length()));
            }
        }
        return Optional.empty();
    }

    /**
     * What an Idempotency-Key is logged as: the first 16 hex characters of its SHA-256, enough to find a client's
     * retries in the logs, nothing a reader could send again as the key.
     */
    public static String hashOf(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void putIfPresent(String key, String value) {
        if (value != null && !value.isEmpty()) {
            MDC.put(key, value);
        }
    }
}
