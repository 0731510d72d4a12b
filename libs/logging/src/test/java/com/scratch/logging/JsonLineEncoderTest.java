package com.scratch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lines {@link JsonLineEncoder} writes, written out: each is the line logstash-logback-encoder wrote for the same
 * event with the providers the functions used before (captured from it, and compared byte for byte while both were
 * on the class path), so that the Logs Insights queries and dashboards read the same lines.
 */
class JsonLineEncoderTest {

    /** What each of {@link LogEvents#cases()} is written as, a line feed included. */
    private static final Map<String, String> EXPECTED = Map.of(
            "info with typed MDC", """
                {"timestamp":"2026-12-04T15:20:15.145Z","level":"INFO","message":"Purchase of 21 notes",\
                "logger":"com.scratch.billing.purchase.PurchaseService",\
                "service":"billing-api","stage":"dev","function_name":"billing-api-dev-billing",\
                "cold_start":true,"amount":2100,"storage":-21,"function_memory_size":1024,"paymentId":"pi_123","function_request_id":"req-1"}
                """,
            "MDC values that are not what their key takes", """
                {"timestamp":"2026-12-04T15:20:15.145Z","level":"WARN","message":"odd values",\
                "logger":"com.scratch.billing.purchase.PurchaseService",\
                "service":"billing-api","stage":"dev","function_name":"billing-api-dev-billing",\
                "cold_start":false,"amount":"21.5","storage":"1234567890123456789","function_memory_size":"","eventId":""}
                """,
            "null MDC values", """
                {"timestamp":"2026-12-04T15:20:15.145Z","level":"INFO","message":"nulls",\
                "logger":"com.scratch.billing.purchase.PurchaseService",\
                "service":"billing-api","stage":"dev","function_name":"billing-api-dev-billing","eventId":"ev-1"}
                """,
            "characters to escape", """
                {"timestamp":"2026-12-04T15:20:15.145Z","level":"INFO","message":"quote \\" backslash \\\\ slash / newline \\n return \\r tab \\t bell \\u0007 nul \\u0000 unit \\u001F del \u007f line \u2028 é ü 日本 \\uD83D\\uDE00 \\"arg\\"\\n",\
                "logger":"com.scratch.billing.purchase.PurchaseService",\
                "service":"billing-api","stage":"dev","function_name":"billing-api-dev-billing"}
                """,
            "null message", """
                {"timestamp":"2026-12-04T15:20:15.145Z","level":"DEBUG",\
                "logger":"com.scratch.billing.purchase.PurchaseService",\
                "service":"billing-api","stage":"dev","function_name":"billing-api-dev-billing"}
                """,
            "error with causes and suppressed", """
                {"timestamp":"2026-12-04T15:20:15.145Z","level":"ERROR","message":"Purchase failed unexpectedly",\
                "logger":"com.scratch.billing.purchase.PurchaseService",\
                "service":"billing-api","stage":"dev","function_name":"billing-api-dev-billing","paymentId":"pi_9",\
                "error":{"name":"java.lang.IllegalStateException","message":"Stripe answered \\"500\\"",\
                "stack":"java.lang.IllegalStateException: Stripe answered \\"500\\"\\n\
                \\tat com.scratch.billing.PurchaseService.charge(PurchaseService.java:42)\\n\
                \\tat com.scratch.billing.Handler.handleRequest(Handler.java:30)\\n\
                \\tSuppressed: java.lang.UnsupportedOperationException: closing\\n\
                \\t\\tat com.scratch.billing.Connection.close(Connection.java:9)\\n\
                \\t\\t... 1 common frames omitted\\n\
                Caused by: java.lang.IllegalArgumentException: the cause\\n\
                \\tat com.scratch.billing.StripeClient.post(StripeClient.java:7)\\n\
                \\t... 1 common frames omitted\\n\
                Caused by: java.io.IOException\\n\
                \\tat com.scratch.billing.HttpClient.send(HttpClient.java:3)\\n\
                \\t... 1 common frames omitted\\n"}}
                """,
            "error without a message", """
                {"timestamp":"2026-12-04T15:20:15.145Z","level":"ERROR","message":"failed",\
                "logger":"com.scratch.billing.purchase.PurchaseService",\
                "service":"billing-api","stage":"dev","function_name":"billing-api-dev-billing",\
                "error":{"name":"java.lang.RuntimeException","message":null,\
                "stack":"java.lang.RuntimeException\\n\
                \\tat com.scratch.billing.PurchaseService.record(PurchaseService.java:1)\\n\
                \\tat com.scratch.billing.Handler.handleRequest(Handler.java:30)\\n"}}
                """);

    private final JsonLineEncoder encoder = started(new JsonLineEncoder(LogEvents.fixedFields()));

    static Stream<Arguments> cases() {
        return LogEvents.cases().stream().map(c -> Arguments.of(c.name(), c.event()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anEventIsTheLineTheOldEncoderWrote(String name, LoggingEvent event) {
        assertThat(EXPECTED).containsKey(name);
        assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8)).isEqualTo(EXPECTED.get(name));
    }

    @Test
    void theFixedKeysComeInTheOrderTheyWereGiven() {
        Map<String, String> local = new java.util.LinkedHashMap<>();
        local.put(LogKeys.SERVICE, "notify-job");
        local.put(LogKeys.STAGE, "");
        JsonLineEncoder withoutFunctionName = started(new JsonLineEncoder(local));
        LoggingEvent event = new LoggingEvent();
        event.setTimeStamp(0);
        event.setLevel(Level.INFO);
        event.setLoggerName("n");
        event.setMessage("m");
        event.setMDCPropertyMap(Map.of());

        assertThat(new String(withoutFunctionName.encode(event), StandardCharsets.UTF_8)).isEqualTo("""
                {"timestamp":"1970-01-01T00:00:00.000Z","level":"INFO","message":"m",\
                "logger":"n",\
                "service":"notify-job","stage":""}
                """);
    }

    @Test
    void theTimestampIsWhatTheOldPatternWroteInUtc() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        List<Long> times = new ArrayList<>(List.of(0L, -1L, 999L, 1000L, LogEvents.TIME, 951_782_400_000L,
                253_402_300_799_999L, -62_135_596_800_000L));
        for (int i = 0; i < 1000; i++) {
            times.add(random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L));
        }
        for (long time : times) {
            assertThat(JsonLineEncoder.timestamp(time)).as("%d", time)
                    .isEqualTo(pattern.format(Instant.ofEpochMilli(time)));
        }
    }

    @Test
    void oneEncoderWritesLinesFromManyThreadsAtOnce() throws Exception {
        List<LogEvents.Case> cases = LogEvents.cases();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        LogEvents.Case c = cases.get(i % cases.size());
                        assertThat(new String(encoder.encode(c.event()), StandardCharsets.UTF_8))
                                .isEqualTo(EXPECTED.get(c.name()));
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static JsonLineEncoder started(JsonLineEncoder encoder) {
        encoder.setContext(new LoggerContext());
        encoder.start();
        return encoder;
    }
}
