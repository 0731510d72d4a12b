package com.scratch.logging;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What a function does with logging on its cold path, alone in a fresh JVM for {@link LoggingLoadsNoDatabindTest}:
 * configures JSON logging as in Lambda, logs an info line with the invocation's keys and one of each typed MDC value,
 * then an error with a cause.
 */
final class LoggingColdPath {

    private LoggingColdPath() {
    }

    public static void main(String[] args) {
        InvocationLogContext logging = FunctionLogging.configure("billing-api", Map.of("STAGE", "dev",
                "AWS_LAMBDA_FUNCTION_NAME", "billing-api-dev-billing",
                "_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        Logger log = LoggerFactory.getLogger("com.scratch.billing.purchase.PurchaseService");
        try (InvocationLog invocation = logging.begin(null)) {
            LogKeys.putPurchase("ev-1", "pi_123", 4200, 21);
            MDC.put(LogKeys.IDEMPOTENCY_KEY_HASH, InvocationLogContext.hashOf("client-order-42"));
            log.info("Purchase of {} notes charged", 21);
            log.error("Purchase failed unexpectedly",
                    new IllegalStateException("outer", new IllegalArgumentException("the cause")));
        }
    }
}
