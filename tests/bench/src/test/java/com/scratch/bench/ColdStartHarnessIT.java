package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.bench.runtime.ColdStart;
import com.scratch.emulators.serverless.RepositoryRoot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness runs both contenders' deployed jars under the real runtime interface client, and each does a whole
 * purchase through it: a 200 naming a PaymentIntent, one charge at Stripe, one NotePurchased on the topic, one
 * record in the announcements table, the SDK calls traced by X-Ray (the baseline through the instrumentor alone). No
 * time is asserted.
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
