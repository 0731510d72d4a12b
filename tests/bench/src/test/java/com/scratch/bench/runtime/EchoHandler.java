package com.scratch.bench.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * A handler for the runtime interface client's own test: answers with the event's {@code message}, the request id
 * and the function name the runtime's {@link Context} gave it, and the trace header it set: in the system property the
 * X-Ray SDK read, and in {@link Context#getXrayTraceId()}, where libs/aws's tracing reads it.
 */
public final class EchoHandler implements RequestHandler<Map<String, String>, Map<String, String>> {

    @Override
    public Map<String, String> handleRequest(Map<String, String> event, Context context) {
        return Map.of("echo", event.get("message"), "requestId", context.getAwsRequestId(),
                "functionName", context.getFunctionName(),
                "traceHeader", String.valueOf(System.getProperty("com.amazonaws.xray.traceHeader")),
                "xrayTraceId", String.valueOf(context.getXrayTraceId()));
    }
}
