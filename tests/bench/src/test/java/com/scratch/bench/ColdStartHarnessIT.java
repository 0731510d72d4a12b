package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.bench.runtime.ColdStart;
import com.scratch.bench.runtime.WarmContainer;
import com.scratch.emulators.serverless.RepositoryRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness runs both contenders' deployed jars under the real runtime interface client, and each does a whole
 * purchase through it: a 200 naming a PaymentIntent, one charge at Stripe, one NotePurchased on the topic, one
 * record in the announcements table, the SDK calls traced by X-Ray (the baseline through the instrumentor alone); and
 * again and again in one warm container. No time is asserted.
 */
class ColdStartHarnessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Contenders contenders;
    private static PurchaseStack stack;

    @BeforeAll
    static void start() {
        Path root = RepositoryRoot.find();
        stack = new PurchaseStack(root);
        contenders = Contenders.prepare(root, Path.of("target", "bench-it"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void billingPurchasesColdUnderTheRuntimeInterfaceClient() throws Exception {
        assertPurchases(contenders.billing());
    }

    @Test
    void theBaselinePurchasesColdUnderTheRuntimeInterfaceClient() throws Exception {
        assertPurchases(contenders.baseline());
    }

    /**
     * A warm container: Lambda runs every invocation of a container on the same thread, so whatever one invocation
     * leaves on it (an X-Ray segment, the MDC) is there for the next one. Three purchases, each a 200 with its own
     * charge, publish and record.
     */
    @Test
    void billingPurchasesAgainAndAgainInAWarmContainer() throws Exception {
        assertPurchasesWarm(contenders.billing());
    }

    @Test
    void theBaselinePurchasesAgainAndAgainInAWarmContainer() throws Exception {
        assertPurchasesWarm(contenders.baseline());
    }

    private static void assertPurchasesWarm(Contenders.Contender contender) throws Exception {
        PurchaseStack.Effects before = stack.effects();
        try (WarmContainer container = contender.container(stack, List.of(), "it-warm")) {
            container.awaitInit(Duration.ofSeconds(60));
            for (int i = 1; i <= 3; i++) {
                WarmContainer.Invoked invoked = container.invoke(stack.purchaseEvent(), Duration.ofSeconds(30));
                PurchaseStack.requirePurchased(contender.name() + "'s purchase " + i, invoked, container.output());
            }
        }
        PurchaseStack.Effects after = stack.effects();
        assertThat(after.charges()).isEqualTo(before.charges() + 3);
        assertThat(after.published()).isEqualTo(before.published() + 3);
        assertThat(after.recorded()).isEqualTo(before.recorded() + 3);
    }

    private static void assertPurchases(Contenders.Contender contender) throws Exception {
        // given
        PurchaseStack.Effects before = stack.effects();
        stack.xray.drain();

        // when
        ColdStart run = contender.coldStart(stack, List.of(), "it");

        // then
        assertThat(run.answered()).as("answered (output in %s): %s", run.output(), run.response()).isTrue();
        JsonNode response = JSON.readTree(run.response());
        assertThat(response.get("statusCode").asInt()).as(run.response()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.get("body").asText());
        assertThat(body.get("paymentId").asText()).startsWith("pi_");
        assertThat(body.get("amount").asLong()).isEqualTo(4200);
        PurchaseStack.Effects after = stack.effects();
        assertThat(after.charges()).isEqualTo(before.charges() + 1);
        assertThat(after.published()).isEqualTo(before.published() + 1);
        assertThat(after.recorded()).isEqualTo(before.recorded() + 1);
        assertThat(run.initMillis()).isPositive().isLessThan(run.totalMillis());
        assertThat(run.cpuMillis()).isPositive();
        assertThat(stack.xray.drain()).as("X-Ray traced the publish and the ledger's calls")
                .extracting(entity -> entity.path("name").asText()).contains("Sns", "DynamoDb");
    }
}
