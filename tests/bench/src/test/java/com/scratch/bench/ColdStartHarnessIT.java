package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.bench.runtime.ColdStart;
import com.scratch.bench.runtime.WarmContainer;
import com.scratch.emulators.serverless.RepositoryRoot;
import java.nio.file.Files;
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
    private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";
    private static final String XRAY_SDK = "com.amazonaws.xray.";
    private static final String STRIPE_MODEL = "com.stripe.model.PaymentIntent";
    private static final String STRIPE_PARAMETERS = "com.stripe.param.";
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
        ColdStart run = assertPurchases(contenders.billing());

        // Nothing went wrong, so nothing says it did: an error line on every cold start would page someone for nothing
        assertThat(Files.readString(run.output())).as(run.output().toString()).doesNotContain("\"level\":\"ERROR\"")
                .contains("\"level\":\"INFO\"");
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

    /**
     * What billing's cold start must not load, each a share of the baseline's that billing cut (BENCHMARKS.md, figure
     * 1): an {@code ObjectMapper} (the first of a JVM is ~150 ms of jackson-databind), the X-Ray SDK, the encoder
     * that built one for the logs, and stripe-java's typed parameters and models (Gson's reflection over ~600
     * classes). The baseline, run the same way, loads every one of them: the check sees them where they are.
     */
    @Test
    void billingsColdStartLoadsNoneOfWhatItCut() throws Exception {
        assertThat(loadedInAColdStart(contenders.billing()).stream().filter(ColdStartHarnessIT::cut)).isEmpty();

        assertThat(loadedInAColdStart(contenders.baseline()))
                .contains(OBJECT_MAPPER, STRIPE_MODEL)
                .anyMatch(name -> name.startsWith(XRAY_SDK))
                .anyMatch(name -> name.startsWith(STRIPE_PARAMETERS));
    }

    private static boolean cut(String className) {
        return className.equals(OBJECT_MAPPER) || className.equals(STRIPE_MODEL)
                || className.startsWith(XRAY_SDK) || className.startsWith(STRIPE_PARAMETERS)
                || className.startsWith("net.logstash.");
    }

    private static List<String> loadedInAColdStart(Contenders.Contender contender) throws Exception {
        Path log = Path.of("target", "bench-it", contender.name() + "-class-load.log").toAbsolutePath();
        ColdStart run = contender.coldStart(stack,
                List.of("-Xlog:class+load=info:file=" + log + ":uptimenanos"), "it-class-load");
        assertThat(run.answered()).as("answered (output in %s): %s", run.output(), run.response()).isTrue();
        List<String> loaded = ClassLoadLog.read(log).classes().stream().map(ClassLoadLog.LoadedClass::name).toList();
        assertThat(loaded).as("the class-load log of %s", contender.name()).contains(contender.handler().substring(0, contender.handler().indexOf("::")));
        return loaded;
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

    private static ColdStart assertPurchases(Contenders.Contender contender) throws Exception {
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
        return run;
    }
}
