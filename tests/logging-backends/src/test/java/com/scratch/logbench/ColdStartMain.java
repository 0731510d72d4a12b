package com.scratch.logbench;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A Lambda cold start's logging, through slf4j alone: whichever backend is on the class path (slf4j-simple, Log4j2
 * with JsonTemplateLayout, Logback with logstash-logback-encoder) with its configuration from src/backends/NAME/.
 * Puts the invocation's fields in the MDC (what a handler's first lines would do; Powertools does it itself, see
 * {@link PowertoolsMain}), logs one line with two key-values, then one error with a cause, and exits. The time from
 * the first slf4j call to the first line's return, and the error line's, go to -Dlogbench.timing.
 */
public final class ColdStartMain {

    private ColdStartMain() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Context context = new FakeContext();
        MDC.put("service", System.getenv("SERVICE_NAME"));
        MDC.put("stage", System.getenv("STAGE"));
        MDC.put("function_name", context.getFunctionName());
        MDC.put("function_request_id", context.getAwsRequestId());
        MDC.put("cold_start", "true");
        MDC.put("xray_trace_id", traceRoot(System.getenv("_X_AMZN_TRACE_ID")));
        Logger log = LoggerFactory.getLogger(ColdStartMain.class);
        MDC.put("paymentId", "pi_3QbenchAbCdEf");
        MDC.put("amount", "2100");
        log.info("Purchase charged for {} GB", 21);
        long firstLine = System.nanoTime();
        log.error("Announcing the purchase failed", Failures.publishFailed());
        long errorLine = System.nanoTime();
        MDC.clear();
        Timing.write(firstLine - start, errorLine - firstLine);
    }

    /** "Root=1-...;Parent=...;Sampled=1" gives "1-...", as Powertools logs it. */
    static String traceRoot(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return part.substring("Root=".length());
            }
        }
        return null;
    }
}
