package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.scratch.emulators.dynamodb.DynamoDbEmulator;
import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.iam.AccessRefusal;
import com.scratch.emulators.iam.LocalPrincipal;
import com.scratch.emulators.iam.PackagedPolicies;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.serverless.ServerlessPackager;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.stripe.StripeEmulator;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.TestClock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local SSM, SNS, DynamoDB and Stripe servers a billing test talks to, and billing's two functions (the purchase
 * and Stripe's webhook) built by their real cold starts against them. The SDK reaches them through the endpoint
 * variables in the function's environment, as {@code AWS_ENDPOINT_URL_SSM} / {@code _SNS} / {@code _DYNAMODB} would
 * point a deployed function elsewhere.
 */
final class LocalBillingServers implements AutoCloseable, AfterAllCallback {

    final SsmEmulator ssm = SsmEmulator.start();
    final SnsEmulator sns = SnsEmulator.start();
    final StripeEmulator stripe = StripeEmulator.start();
    final DynamoDbEmulator dynamoDb = DynamoDbEmulator.start();
    /** The signing secret of the stage's webhook endpoint, in SSM as {@code /stripeWebhookSecret/test}. */
    final String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
    /** Where billing's metric lines go (stdout in Lambda): every line since the last {@link #reset}. */
    final java.io.ByteArrayOutputStream metricLines = new java.io.ByteArrayOutputStream();
    private final java.io.PrintStream metricsOut = new java.io.PrintStream(metricLines, true,
            java.nio.charset.StandardCharsets.UTF_8);
    final TestClock clock = TestClock.running();
    /** Every call to SSM, SNS and DynamoDB is signed as billing and held to billing's packaged role policy, as on AWS. */
    final AccessControl access = new AccessControl();
    final List<AccessRefusal> refusals = new CopyOnWriteArrayList<>();
    private final ServerlessPackager packager = ServerlessPackager.cachedByDefinitions(RepositoryRoot.find(),
            Path.of("target", "packaged"));
    private final Map<String, LocalPrincipal> principals = new ConcurrentHashMap<>();
    /** The tables created since the last reset, as CloudFormation would have created them with the stack. */
    private final java.util.Set<String> createdTables = ConcurrentHashMap.newKeySet();
    String topicArn;

    LocalBillingServers() {
        ssm.enforce(access);
        sns.enforce(access);
        dynamoDb.enforce(access);
        access.onRefusal(refusals::add);
        warmUp();
    }

    /**
     * Packages billing for every stage the tests use and makes one signed call, before any test: osls (node) and the
     * first SigV4 signing and checking in a fresh JVM are slow enough to push a cold start's first read past the
     * SDK's 2 s attempt timeout, whose retry would then count as a second read.
     */
    private void warmUp() {
        List.of("dev", "feature-login", "prod").forEach(stage -> {
            billing(stage);
            webhook(stage);
        });
        LocalPrincipal dev = billing("dev");
        try (var client = com.scratch.aws.AwsClients.ssm(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", dev.accessKeyId(), "AWS_SECRET_ACCESS_KEY", dev.secretAccessKey()))) {
            ssm.putSecureString("/stripeSecretKey/test", "sk_test_warm_up");
            client.getParameter(r -> r.name("/stripeSecretKey/test").withDecryption(true));
        }
        ssm.reset();
        refusals.clear();
    }

    /** Billing as deployed for {@code stage}: its role's policy from {@code osls package}, its own keys. */
    LocalPrincipal billing(String stage) {
        return principals.computeIfAbsent(stage, s -> {
            LocalPrincipal principal = PackagedPolicies.forStage(packager,
                    List.of(packager.repositoryRoot().resolve("services/billing-api")), s)
                    .principal("billing-api-" + s + "-billing", "billing");
            access.register(principal);
            return principal;
        });
    }

    /** The webhook function of {@code stage}: the same role as billing (the framework makes one per service). */
    LocalPrincipal webhook(String stage) {
        return principals.computeIfAbsent(stage + "/webhook", s -> {
            LocalPrincipal principal = PackagedPolicies.forStage(packager,
                    List.of(packager.repositoryRoot().resolve("services/billing-api")), stage)
                    .principal("billing-api-" + stage + "-webhook", "webhook");
            access.register(principal);
            return principal;
        });
    }

    /**
     * A function's environment for {@code stage}: its region and credentials as Lambda sets them, the variables of
     * billing's serverless.yml, and the local servers' endpoints.
     */
    private Map<String, String> environment(String stage, LocalPrincipal function, Map<String, String> more) {
        topicArn = sns.createTopic(stage + "-note-purchased");
        String table = announcementsTable(stage);
        if (createdTables.add(table)) {
            dynamoDb.createTable(table, "id");
        }
        Map<String, String> environment = new HashMap<>(Map.of(
                "STAGE", stage,
                "NOTE_PURCHASED_TOPIC_ARN", topicArn,
                "ANNOUNCEMENTS_TABLE", table,
                "STRIPE_API_BASE", stripe.endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString(),
                "AWS_ENDPOINT_URL_SNS", sns.endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", function.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", function.secretAccessKey()));
        environment.putAll(more);
        return environment;
    }

    /** The table {@code osls package} names for the stage (EffectLedgerTablesTest checks the name). */
    static String announcementsTable(String stage) {
        return "billing-api-" + stage + "-announcements";
    }

    /**
     * Forgets everything, then: the stage's key parameter holds {@code key}, Stripe accepts it, the account's webhook
     * secret is {@link #webhookSecret}, the topic exists.
     */
    void reset(String keyParameter, String key) {
        ssm.reset();
        sns.reset();
        stripe.reset();
        dynamoDb.reset();
        createdTables.clear();
        metricLines.reset();
        refusals.clear();
        ssm.putSecureString(keyParameter, key);
        ssm.putSecureString(keyParameter.replace("/stripeSecretKey/", "/stripeWebhookSecret/"), webhookSecret);
        stripe.requireApiKey(key);
        topicArn = sns.createTopic("dev-note-purchased");
    }

    /**
     * A billing function as Lambda builds it. Returns once SSM has received the cold start's background read of
     * the key, so that the read cannot land in (and be counted by) a later test.
     */
    BillingHandler coldStart(String stage) {
        return coldStart(stage, Map.of());
    }

    /** The same, with more variables in the function's environment (e.g. {@code AWS_XRAY_DAEMON_ADDRESS}). */
    BillingHandler coldStart(String stage, Map<String, String> more) {
        int readsBefore = keyReads();
        BillingHandler handler = new BillingHandler(
                BillingColdStart.billing(environment(stage, billing(stage), more), clock, metricsOut));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (keyReads() == readsBefore && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return handler;
    }

    /** A billing function initialised as Lambda does before taking a SnapStart snapshot. */
    BillingHandler snapshotInit(String stage) {
        return new BillingHandler(BillingColdStart.billing(
                environment(stage, billing(stage), Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")), clock,
                metricsOut));
    }

    /** The webhook function as Lambda builds it; returns once its signing secret has been read. */
    StripeWebhookHandler webhookColdStart(String stage) {
        return webhookColdStart(stage, Map.of());
    }

    /** The same, with more variables in the function's environment (e.g. {@code AWS_XRAY_DAEMON_ADDRESS}). */
    StripeWebhookHandler webhookColdStart(String stage, Map<String, String> more) {
        int readsBefore = keyReads();
        StripeWebhookHandler handler = new StripeWebhookHandler(
                BillingColdStart.stripeWebhooks(environment(stage, webhook(stage), more), clock));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (keyReads() == readsBefore && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return handler;
    }

    /**
     * Waits until SSM has heard nothing for half a second: a cold start whose read failed with a 5xx goes on
     * retrying in the background (the SDK's own retries, with backoff), and a retry landing after the next test's
     * reset would be counted as that test's read.
     */
    void awaitSsmQuiet() throws InterruptedException {
        int before;
        do {
            before = ssm.calls().size();
            Thread.sleep(500);
        } while (ssm.calls().size() != before);
    }

    /** Reads of the key so far, single (GetParameter) or batched (GetParameters). */
    int keyReads() {
        return ssm.callCount("GetParameter") + ssm.callCount("GetParameters");
    }

    static APIGatewayProxyRequestEvent event(String fixture) {
        return LambdaEvents.load(fixture, APIGatewayProxyRequestEvent.class);
    }

    /** The original event with another body, and an Idempotency-Key of its own. */
    static APIGatewayProxyRequestEvent purchase(String body) {
        return event("events/billing-original.json").withBody(body)
                .withHeaders(Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /**
     * As a JUnit extension ({@code @RegisterExtension static final LocalBillingServers servers = new
     * LocalBillingServers();}) the servers start with the test class and stop after its last test.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        ssm.close();
        sns.close();
        stripe.close();
        dynamoDb.close();
    }
}
