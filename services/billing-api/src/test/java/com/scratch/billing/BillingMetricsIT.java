package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.billing.metrics.BillingMetrics;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.testing.LambdaEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Billing's metrics as CloudWatch reads them: one Embedded Metric Format line per invocation, namespace Scratch,
 * dimensions service and stage, a count per outcome (the names the alarms in serverless.yml watch).
 */
class BillingMetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");

    @RegisterExtension
    static final LocalBillingServers servers = new LocalBillingServers();
    private BillingHandler handler;

    @BeforeEach
    void coldStart() {
        servers.reset("/stripeSecretKey/test", STRIPE_KEY);
        handler = servers.coldStart("dev");
    }

    @Test
    void aPurchaseCountsItselfItsAmountAndTheKeyReadOfTheColdStart() throws Exception {
        handle("{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
        handle("{\"storage\":1,\"paymentMethod\":\"pm_card_visa\"}");

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        JsonNode directive = first.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Scratch");
        assertThat(directive.path("Dimensions").get(0)).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("service", "stage");
        assertThat(first.path("service").asText()).isEqualTo("billing-api");
        assertThat(first.path("stage").asText()).isEqualTo("dev");
        assertThat(first.path(BillingMetrics.PURCHASES).asLong()).isEqualTo(1);
        assertThat(first.path(BillingMetrics.CHARGED_AMOUNT).asLong()).isEqualTo(4200);
        assertThat(first.path(BillingMetrics.SECRET_READS).asLong()).isEqualTo(1);
        assertThat(lines.get(1).path(BillingMetrics.CHARGED_AMOUNT).asLong()).isEqualTo(400);
        assertThat(lines.get(1).path(BillingMetrics.SECRET_CACHE_HITS).asLong()).as("the key from the cache").isPositive();
        assertThat(lines.get(1).has(BillingMetrics.SECRET_READS)).as("read once per container").isFalse();
    }

    @Test
    void eachKindOfFailureIsCountedUnderItsName() throws Exception {
        handle("{\"storage\":21,\"paymentMethod\":\"pm_card_chargeDeclined\"}");
        handle("{\"storage\":\"lots\",\"paymentMethod\":\"pm_card_visa\"}");
        servers.stripe.failNext(2, StripeFault.API_ERROR);
        handle("{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
        servers.sns.failNext(3, SnsFault.INTERNAL_ERROR);
        handle("{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");

        assertThat(lines()).extracting(line -> outcome(line)).containsExactly(BillingMetrics.DECLINES,
                BillingMetrics.INVALID_REQUESTS, BillingMetrics.STRIPE_UNAVAILABLE, BillingMetrics.ANNOUNCE_FAILED);
    }

    @Test
    void aKeyThatCannotBeReadIsCountedAsKeyUnavailableAndAsAFailedRead() throws Exception {
        servers.reset("/stripeSecretKey/other", STRIPE_KEY);
        handler = servers.coldStart("dev");

        handle("{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");

        JsonNode line = lines().get(0);
        assertThat(line.path(BillingMetrics.KEY_UNAVAILABLE).asLong()).isEqualTo(1);
        assertThat(line.path(BillingMetrics.SECRET_READ_FAILURES).asLong()).isPositive();
        assertThat(line.has(BillingMetrics.PURCHASES)).isFalse();
    }

    private void handle(String body) {
        APIGatewayProxyRequestEvent request = LocalBillingServers.purchase(body);
        LambdaEvents.callProxy(handler, request, null);
    }

    /** The one outcome metric of a line: everything but the key's and the cache's counts. */
    private static String outcome(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").forEach(metric -> {
            String name = metric.path("Name").asText();
            if (!name.startsWith("Secret")) {
                names.add(name);
            }
        });
        assertThat(names).hasSize(1);
        return names.get(0);
    }

    private static List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : servers.metricLines.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
