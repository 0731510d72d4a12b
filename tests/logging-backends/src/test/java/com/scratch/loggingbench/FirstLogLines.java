package com.scratch.loggingbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What a function's cold start does with logging, alone in a fresh JVM: the logger, the invocation's keys, one info
 * line and one error with a stack trace. Writes how long the logging took to the file named by its argument.
 */
public final class FirstLogLines {

    private FirstLogLines() {
    }

    /**
     * @param args the file to write the times to; then {@code jackson-first} to load and use Jackson before the
     *     logging is timed, as a function has by the time it logs (its JSON codecs), so that a backend built on
     *     Jackson is charged only for what it adds
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 1 && args[1].equals("jackson-first")) {
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("amount", 4200));
        }
        long started = System.nanoTime();
        Logger log = LoggerFactory.getLogger("com.scratch.billing.purchase.PurchaseService");
        MDC.put("service", "billing-api");
        MDC.put("stage", "dev");
        MDC.put("function_name", "billing-api-dev-billing");
        MDC.put("function_request_id", "c6af9ac6-7b61-11e6-9a41-93e812345678");
        MDC.put("cold_start", "true");
        MDC.put("xray_trace_id", "1-5759e988-bd862e3fe1be46a994272793");
        MDC.put("paymentId", "pi_3QzExample");
        MDC.put("amount", "4200");
        log.info("Purchase of 21 notes charged 4200 usd");
        long firstLine = System.nanoTime();
        log.error("Purchase failed unexpectedly", new IllegalStateException("a fault with a stack trace"));
        long secondLine = System.nanoTime();
        Files.writeString(Path.of(args[0]), (firstLine - started) + " " + (secondLine - started));
    }
}
