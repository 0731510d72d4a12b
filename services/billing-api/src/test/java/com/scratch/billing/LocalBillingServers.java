package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.stripe.StripeEmulator;
import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.iam.AccessRefusal;
import com.scratch.emulators.iam.LocalPrincipal;
import com.scratch.emulators.iam.PackagedPolicies;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.serverless.ServerlessPackager;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.TestClock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The local SSM, SNS and Stripe servers a billing test talks to, and a billing function built by its real cold
 * start against them. The SDK reaches them through the endpoint variables in the function's environment, as
 * {@code AWS_ENDPOINT_URL_SSM} / {@code AWS_ENDPOINT_URL_SNS} would point a deployed function elsewhere.
 */
final class LocalBillingServers implements AutoCloseable {

    final SsmEmulator ssm = SsmEmulator.start();
    final SnsEmulator sns = SnsEmulator.start();
    final StripeEmulator stripe = StripeEmulator.start();
    final TestClock clock = TestClock.running();
    /** Every call to SSM and SNS is signed as billing and held to billing's packaged role policy, as on AWS. */
    final AccessControl access = new AccessControl();
    final List<AccessRefusal> refusals = new CopyOnWriteArrayList<>();
    private final ServerlessPackager packager = ServerlessPackager.cachedByDefinitions(RepositoryRoot.find(),
            Path.of("target", "packaged"));
    private final Map<String, LocalPrincipal> principals = new ConcurrentHashMap<>();
    String topicArn;

    LocalBillingServers() {
        ssm.enforce(access);
        sns.enforce(access);
        access.onRefusal(refusals::add);
        warmUp();
    }

    /**
     * Packages billing for every stage the tests use and makes one signed call, before any test: osls (node) and the
     * first SigV4 signing and checking in a fresh JVM are slow enough to push a cold start's first read past the
     * SDK's 2 s attempt timeout, whose retry would then count as a second read.
     */
    private void warmUp() {
        List.of("dev", "feature-login", "prod").forEach(this::billing);
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

    /**
     * The function's environment for {@code stage}: billing's region and credentials as Lambda sets them, and the local
     * servers' endpoints.
     */
    private Map<String, String> environment(String stage, Map<String, String> more) {
        LocalPrincipal billing = billing(stage);
        topicArn = sns.createTopic(stage + "-note-purchased");
        Map<String, String> environment = new HashMap<>(Map.of(
                "STAGE", stage,
                "NOTE_PURCHASED_TOPIC_ARN", topicArn,
                "STRIPE_API_BASE", stripe.endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString(),
                "AWS_ENDPOINT_URL_SNS", sns.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", billing.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", billing.secretAccessKey()));
        environment.putAll(more);
        return environment;
    }

    /** Forgets everything, then: the stage's key parameter holds {@code key}, Stripe accepts it, the topic exists. */
    void reset(String keyParameter, String key) {
        ssm.reset();
        sns.reset();
        stripe.reset();
        refusals.clear();
        ssm.putSecureString(keyParameter, key);
        stripe.requireApiKey(key);
        topicArn = sns.createTopic("dev-note-purchased");
    }

    /**
     * A billing function as Lambda builds it. Returns once SSM has received the cold start's background read of
     * the key, so that the read cannot land in (and be counted by) a later test.
     */
    BillingHandler coldStart(String stage) {
        int readsBefore = keyReads();
        BillingHandler handler = new BillingHandler(BillingColdStart.purchaseService(environment(stage, Map.of()), clock));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (keyReads() == readsBefore && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return handler;
    }

    /** A billing function initialised as Lambda does before taking a SnapStart snapshot. */
    BillingHandler snapshotInit(String stage) {
        return new BillingHandler(BillingColdStart.purchaseService(
                environment(stage, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")), clock));
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

    @Override
    public void close() {
        ssm.close();
        sns.close();
        stripe.close();
    }
}
