package com.scratch.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.testing.LogCapture;
import com.scratch.testing.TestLambdaContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class FunctionLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LAMBDA = Map.of("STAGE", "dev",
            "AWS_LAMBDA_FUNCTION_NAME", "billing-api-dev-billing",
            "_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

    /** A logger of the functions' own code, whose debug lines are kept for a failure. */
    private final Logger log = LoggerFactory.getLogger("com.scratch.billing.PurchaseService");

    @AfterEach
    void backToDefaults() {
        MDC.clear();
        FunctionLogging.configure("test", Map.of());
    }

    @Test
    void theTraceIdIsTheOneTheInvocationsContextCarries() throws Exception {
        InvocationLogContext logging = FunctionLogging.configure("billing-api", LAMBDA);
        List<JsonNode> lines;
        try (LogCapture out = new LogCapture()) {
            try (InvocationLog invocation = logging.begin(new TestLambdaContext("billing-api-dev-billing", "req-1",
                    "Root=1-67891233-abcdef012345678912345678;Parent=463ac35c9f6413ad;Sampled=1"))) {
                log.info("traced");
            }
            lines = jsonLines(out.text());
        }

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path(LogKeys.XRAY_TRACE_ID).asText())
                .as("the context's, not the one the environment had at start")
                .isEqualTo("1-67891233-abcdef012345678912345678");
    }

    @Test
    void aLineInLambdaIsOneJsonObjectWithPowertoolsKeysAndTheInvocationsKeys() throws Exception {
        InvocationLogContext logging = FunctionLogging.configure("billing-api", LAMBDA);
        List<JsonNode> lines;
        try (LogCapture out = new LogCapture()) {
            try (InvocationLog invocation = logging.begin(new TestLambdaContext("billing-api-dev-billing", "req-1"))) {
                MDC.put(LogKeys.PAYMENT_ID, "pi_123");
                MDC.put(LogKeys.AMOUNT, "2100");
                log.info("Purchase of {} notes", 21);
            }
            try (InvocationLog invocation = logging.begin(new TestLambdaContext("billing-api-dev-billing", "req-2"))) {
                log.info("second");
            }
            log.info("between invocations");
            lines = jsonLines(out.text());
        }

        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(OffsetDateTime.parse(first.path(LogKeys.TIMESTAMP).asText()).getOffset().getTotalSeconds())
                .as("an RFC 3339 time in UTC, which Lambda's level filter reads").isZero();
        assertThat(first.path(LogKeys.LEVEL).asText()).isEqualTo("INFO");
        assertThat(first.path(LogKeys.MESSAGE).asText()).isEqualTo("Purchase of 21 notes");
        assertThat(first.path(LogKeys.LOGGER).asText()).isEqualTo("com.scratch.billing.PurchaseService");
        assertThat(first.path(LogKeys.SERVICE).asText()).isEqualTo("billing-api");
        assertThat(first.path(LogKeys.STAGE).asText()).isEqualTo("dev");
        assertThat(first.path(LogKeys.FUNCTION_NAME).asText()).isEqualTo("billing-api-dev-billing");
        assertThat(first.path(LogKeys.FUNCTION_REQUEST_ID).asText()).isEqualTo("req-1");
        assertThat(first.path(LogKeys.FUNCTION_ARN).asText()).endsWith(":function:billing-api-dev-billing");
        assertThat(first.path(LogKeys.FUNCTION_MEMORY_SIZE).isNumber()).isTrue();
        assertThat(first.path(LogKeys.XRAY_TRACE_ID).asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(first.path(LogKeys.COLD_START).isBoolean()).isTrue();
        assertThat(first.path(LogKeys.COLD_START).asBoolean()).isTrue();
        assertThat(first.path(LogKeys.PAYMENT_ID).asText()).isEqualTo("pi_123");
        assertThat(first.path(LogKeys.AMOUNT).asLong()).isEqualTo(2100);
        assertThat(first.has(LogKeys.ERROR)).isFalse();

        JsonNode second = lines.get(1);
        assertThat(second.path(LogKeys.COLD_START).asBoolean()).as("only the container's first invocation").isFalse();
        assertThat(second.path(LogKeys.FUNCTION_REQUEST_ID).asText()).isEqualTo("req-2");
        assertThat(second.has(LogKeys.PAYMENT_ID)).as("nothing of one invocation reaches the next").isFalse();

        JsonNode outside = lines.get(2);
        assertThat(outside.path(LogKeys.SERVICE).asText()).isEqualTo("billing-api");
        assertThat(outside.has(LogKeys.FUNCTION_REQUEST_ID)).isFalse();
        assertThat(outside.fieldNames()).toIterable().doesNotHaveDuplicates();
    }

    @Test
    void anExceptionIsOneEventWithItsNameMessageAndWholeStack() throws Exception {
        InvocationLogContext logging = FunctionLogging.configure("billing-api", LAMBDA);
        List<JsonNode> lines;
        try (LogCapture out = new LogCapture()) {
            try (InvocationLog invocation = logging.begin(null)) {
                log.error("Purchase failed unexpectedly",
                        new IllegalStateException("outer", new IllegalArgumentException("the cause")));
            }
            lines = jsonLines(out.text());
        }

        assertThat(lines).hasSize(1);
        JsonNode error = lines.get(0).path(LogKeys.ERROR);
        assertThat(error.path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("message").asText()).isEqualTo("outer");
        assertThat(error.path("stack").asText()).contains("at com.scratch.logging.FunctionLoggingTest")
                .contains("Caused by: java.lang.IllegalArgumentException: the cause");
    }

    @Test
    void debugLinesAreWrittenOnlyWhenTheInvocationFailsInTheOrderTheyWereLogged() throws Exception {
        InvocationLogContext logging = FunctionLogging.configure("billing-api", LAMBDA);
        List<JsonNode> lines;
        try (LogCapture out = new LogCapture()) {
            try (InvocationLog invocation = logging.begin(null)) {
                log.debug("charging");
                log.info("Purchase of 21 notes");
            }
            try (InvocationLog invocation = logging.begin(null)) {
                MDC.put(LogKeys.PAYMENT_ID, "pi_9");
                log.debug("charging {}", "pi_9");
                MDC.remove(LogKeys.PAYMENT_ID);
                log.debug("publishing");
                log.error("Answered 502");
                invocation.failed();
            }
            log.debug("outside any invocation");
            lines = jsonLines(out.text());
        }

        assertThat(lines).extracting(line -> line.path(LogKeys.MESSAGE).asText())
                .containsExactly("Purchase of 21 notes", "Answered 502", "charging pi_9", "publishing");
        assertThat(lines.get(2).path(LogKeys.LEVEL).asText()).isEqualTo("DEBUG");
        assertThat(lines.get(2).path(LogKeys.PAYMENT_ID).asText())
                .as("a kept line carries the keys it was logged with").isEqualTo("pi_9");
        assertThat(lines.get(3).has(LogKeys.PAYMENT_ID)).isFalse();
    }

    @Test
    void theDebugBufferIsBoundedAndKeepsTheLinesNearestTheFailure() throws Exception {
        InvocationLogContext logging = FunctionLogging.configure("billing-api", LAMBDA);
        String kilobyte = "x".repeat(1024);
        List<JsonNode> lines;
        try (LogCapture out = new LogCapture()) {
            try (InvocationLog invocation = logging.begin(null)) {
                for (int i = 0; i < 50; i++) {
                    log.debug("{} {}", i, kilobyte);
                }
                invocation.failed();
            }
            lines = jsonLines(out.text());
        }

        List<String> messages = lines.stream().map(line -> line.path(LogKeys.MESSAGE).asText()).toList();
        assertThat(messages).hasSizeLessThan(25);
        assertThat(messages.get(messages.size() - 2)).startsWith("49 ");
        assertThat(messages.get(messages.size() - 1)).matches("\\d+ earlier debug lines of this invocation were dropped.*");
        int dropped = Integer.parseInt(messages.get(messages.size() - 1).split(" ")[0]);
        assertThat(dropped + messages.size() - 1).isEqualTo(50);
    }

    @Test
    void aLibrarysDebugLinesAreNotEvenBuiltButOursAreAtTheFunctionsLevel() {
        FunctionLogging.configure("billing-api", LAMBDA);
        assertThat(LoggerFactory.getLogger("software.amazon.awssdk.request").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("com.scratch.billing.X").isDebugEnabled()).isTrue();

        FunctionLogging.configure("billing-api", Map.of("LOG_LEVEL", "debug"));
        assertThat(LoggerFactory.getLogger("software.amazon.awssdk.request").isDebugEnabled()).isTrue();
    }

    @Test
    void withLogLevelDebugEveryDebugLineIsWrittenAsItHappens() throws Exception {
        InvocationLogContext logging = FunctionLogging.configure("billing-api", Map.of("LOG_LEVEL", "DEBUG"));
        try (LogCapture out = new LogCapture()) {
            try (InvocationLog invocation = logging.begin(null)) {
                log.debug("charging");
            }
            assertThat(jsonLines(out.text())).extracting(line -> line.path(LogKeys.MESSAGE).asText())
                    .containsExactly("charging");
        }
    }

    @Test
    void locallyALineIsReadableAndStartsWithTheFunctionsName() {
        InvocationLogContext logging = FunctionLogging.configure("billing-api",
                Map.of("LOG_FORMAT", "text", "LOG_PREFIX", "billing"));
        String written;
        try (LogCapture out = new LogCapture()) {
            try (InvocationLog invocation = logging.begin(null)) {
                log.info("Purchase of 21 notes");
                log.warn("Stripe refused", new IllegalStateException("boom"));
            }
            written = out.text();
        }

        List<String> lines = written.lines().toList();
        assertThat(lines.get(0)).matches("billing  \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  PurchaseService - Purchase of 21 notes");
        assertThat(lines.get(1)).matches("billing  .* WARN  PurchaseService - Stripe refused");
        assertThat(lines.get(2)).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void aSettingItDoesNotKnowIsRefusedNamingTheVariableAndWhatItTakes() {
        assertThatThrownBy(() -> FunctionLogging.configure("billing-api", Map.of("LOG_FORMAT", "yaml")))
                .isInstanceOf(InvalidLogSettingException.class)
                .hasMessage("Environment variable LOG_FORMAT is 'yaml'; it takes JSON or TEXT");
        assertThatThrownBy(() -> FunctionLogging.configure("billing-api", Map.of("LOG_LEVEL", "verbose")))
                .isInstanceOf(InvalidLogSettingException.class)
                .hasMessageContaining("LOG_LEVEL is 'verbose'");
        assertThatThrownBy(() -> FunctionLogging.configure("billing-api", Map.of("LOG_PREFIX", "%d{")))
                .isInstanceOf(InvalidLogSettingException.class)
                .hasMessageContaining("LOG_PREFIX");
    }

    @Test
    void anIdempotencyKeyIsLoggedAsAShortStableHash() {
        String hash = InvocationLogContext.hashOf("client-order-42");

        assertThat(hash).matches("[0-9a-f]{16}").isEqualTo(InvocationLogContext.hashOf("client-order-42"))
                .isNotEqualTo(InvocationLogContext.hashOf("client-order-43"));
    }

    private static List<JsonNode> jsonLines(String text) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
