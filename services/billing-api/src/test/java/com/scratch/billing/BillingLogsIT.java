package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.logging.LogKeys;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.LogCapture;
import com.scratch.testing.TestLambdaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Billing's log lines as CloudWatch receives them from Lambda: one JSON object per line with Powertools' keys and
 * the purchase's, one info line per purchase, and the debug lines of an invocation only when it ends in a 5xx.
 */
class BillingLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String FUNCTION = "billing-api-dev-billing";

    @RegisterExtension
    static final LocalBillingServers servers = new LocalBillingServers();
    private BillingHandler handler;

    @BeforeEach
    void coldStart() {
        servers.reset("/stripeSecretKey/test", STRIPE_KEY);
        // Without AWS_LAMBDA_FUNCTION_NAME (which would make X-Ray look for Lambda's segment), function_name comes
        // from the Context.
        handler = servers.coldStart("dev");
    }

    @Test
    void aPurchaseIsOneInfoLineCarryingEveryKeyAQueryFollowsItBy() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        List<JsonNode> lines;
        APIGatewayProxyResponseEvent response;
        try (LogCapture out = new LogCapture()) {
            response = handle("{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}", idempotencyKey, "req-1");
            lines = jsonLines(out.text(), "req-1");
        }

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(lines).as("one line per purchase, no debug").hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path(LogKeys.LEVEL).asText()).isEqualTo("INFO");
        assertThat(line.path(LogKeys.MESSAGE).asText()).startsWith("Purchase of 21 notes charged 4200 usd");
        assertThat(line.path(LogKeys.SERVICE).asText()).isEqualTo("billing-api");
        assertThat(line.path(LogKeys.STAGE).asText()).isEqualTo("dev");
        assertThat(line.path(LogKeys.FUNCTION_NAME).asText()).isEqualTo(FUNCTION);
        assertThat(line.path(LogKeys.FUNCTION_REQUEST_ID).asText()).isEqualTo("req-1");
        assertThat(line.path(LogKeys.COLD_START).asBoolean()).isTrue();
        assertThat(line.path(LogKeys.PAYMENT_ID).asText())
                .isEqualTo(JSON.readTree(response.getBody()).path("paymentId").asText()).startsWith("pi_");
        assertThat(line.path(LogKeys.EVENT_ID).asText()).isNotBlank();
        assertThat(line.path(LogKeys.AMOUNT).asLong()).isEqualTo(4200);
        assertThat(line.path(LogKeys.STORAGE).asInt()).isEqualTo(21);
        assertThat(line.path(LogKeys.IDEMPOTENCY_KEY_HASH).asText()).matches("[0-9a-f]{16}");
        assertThat(line.toString()).as("the key itself, which would let a reader replay the purchase")
                .doesNotContain(idempotencyKey);
    }

    @Test
    void aDeclinedCardIsNotTheServicesFailureAndWritesNoDebugLines() throws Exception {
        handle("{\"storage\":1,\"paymentMethod\":\"pm_card_visa\"}", UUID.randomUUID().toString(), "req-0");
        List<JsonNode> lines;
        try (LogCapture out = new LogCapture()) {
            APIGatewayProxyResponseEvent response = handle("{\"storage\":21,\"paymentMethod\":\"pm_card_chargeDeclined\"}",
                    UUID.randomUUID().toString(), "req-2");
            assertThat(response.getStatusCode()).isEqualTo(402);
            lines = jsonLines(out.text(), "req-2");
        }

        assertThat(lines).as("the answer, with the failure's kind to count by")
                .anySatisfy(line -> assertThat(line.path(LogKeys.FAILURE).asText()).isEqualTo("card_declined"));
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path(LogKeys.LEVEL).asText()).isNotEqualTo("DEBUG");
            assertThat(line.path(LogKeys.COLD_START).asBoolean()).isFalse();
        });
    }

    @Test
    void aFiveHundredWritesTheInvocationsDebugLinesWithItsKeys() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        String body = "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}";
        List<JsonNode> lines;
        List<JsonNode> retried;
        try (LogCapture out = new LogCapture()) {
            servers.stripe.failNext(2, StripeFault.API_ERROR);
            APIGatewayProxyResponseEvent response = handle(body, idempotencyKey, "req-3");
            assertThat(response.getStatusCode()).isGreaterThanOrEqualTo(500);
            assertThat(handle(body, idempotencyKey, "req-3-retry").getStatusCode()).isEqualTo(200);
            lines = jsonLines(out.text(), "req-3");
            retried = jsonLines(out.text(), "req-3-retry");
        }
        String keyHash = retried.get(0).path(LogKeys.IDEMPOTENCY_KEY_HASH).asText();
        assertThat(retried).as("the retry, a success: no debug").hasSize(1);

        List<JsonNode> debug = lines.stream().filter(line -> line.path(LogKeys.LEVEL).asText().equals("DEBUG")).toList();
        assertThat(debug).extracting(line -> line.path(LogKeys.MESSAGE).asText())
                .anySatisfy(message -> assertThat(message).startsWith("Charging 4200 cents for 21 notes from pm_...visa"));
        assertThat(debug).allSatisfy(line -> {
            assertThat(line.path(LogKeys.IDEMPOTENCY_KEY_HASH).asText())
                    .as("the same hash as the client's retry, which ties them together").isEqualTo(keyHash);
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.path(LogKeys.LEVEL).asText()).isEqualTo("ERROR"));
    }

    @Test
    void anUnexpectedFaultIsOneEventWithItsStackInside() throws Exception {
        List<JsonNode> lines;
        try (LogCapture out = new LogCapture()) {
            // a direct invocation with the payload null: no proxy event to answer
            APIGatewayProxyResponseEvent response = LambdaEvents.callProxy(handler, null,
                    new TestLambdaContext(FUNCTION, "req-4"));
            assertThat(response.getStatusCode()).isEqualTo(500);
            lines = jsonLines(out.text(), "req-4");
        }

        JsonNode error = lines.stream().filter(line -> line.path(LogKeys.LEVEL).asText().equals("ERROR"))
                .findFirst().orElseThrow().path(LogKeys.ERROR);
        assertThat(error.path("name").asText()).isEqualTo("com.scratch.lambda.MalformedProxyEventException");
        assertThat(error.path("stack").asText()).as("the whole stack in the one event")
                .contains("\n\tat com.scratch.billing.BillingHandler.handleRequest");
    }

    private APIGatewayProxyResponseEvent handle(String body, String idempotencyKey, String requestId) {
        APIGatewayProxyRequestEvent request = LocalBillingServers.purchase(body)
                .withHeaders(Map.of("Idempotency-Key", idempotencyKey));
        return LambdaEvents.callProxy(handler, request, new TestLambdaContext(FUNCTION, requestId));
    }

    /**
     * The lines of one invocation; every line written meanwhile must be one JSON object (what CloudWatch and
     * Lambda's level filter read), the cold start's background key read included.
     */
    private static List<JsonNode> jsonLines(String text, String requestId) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
                if (node.path(LogKeys.FUNCTION_REQUEST_ID).asText().equals(requestId)) {
                    lines.add(node);
                }
            }
        }
        return lines;
    }
}
