package com.scratch.logbench;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The same cold start as {@link ColdStartMain}, with Powertools for AWS Lambda (Java) logging: its functional API
 * ({@code PowertoolsLogging.withLogging}, no AspectJ weaving) fills function_name, function_request_id, cold_start,
 * xray_trace_id (from _X_AMZN_TRACE_ID) and service (from POWERTOOLS_SERVICE_NAME) from a Lambda Context, here a
 * fake one; stage and the key-values go in the MDC as in the other mains.
 */
public final class PowertoolsMain {

    private PowertoolsMain() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Context context = new FakeContext();
        long[] lines = new long[2];
        PowertoolsLogging.withLogging(context, () -> {
            MDC.put("stage", System.getenv("STAGE"));
            Logger log = LoggerFactory.getLogger(PowertoolsMain.class);
            MDC.put("paymentId", "pi_3QbenchAbCdEf");
            MDC.put("amount", "2100");
            log.info("Purchase charged for {} GB", 21);
            lines[0] = System.nanoTime();
            log.error("Announcing the purchase failed", Failures.publishFailed());
            lines[1] = System.nanoTime();
            return null;
        });
        Timing.write(lines[0] - start, lines[1] - lines[0]);
    }
}
