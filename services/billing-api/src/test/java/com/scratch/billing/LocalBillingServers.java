package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.stripe.StripeEmulator;
import java.util.Map;
import java.util.UUID;

/**
 * The local SSM, SNS and Stripe servers a billing test talks to, and a billing function built by its real cold
 * start against them. The SDK reaches them through its standard endpoint settings (system-property form).
 */
final class LocalBillingServers implements AutoCloseable {

    final SsmEmulator ssm = SsmEmulator.start();
    final SnsEmulator sns = SnsEmulator.start();
    final StripeEmulator stripe = StripeEmulator.start();
    final AdjustableClock clock = new AdjustableClock();
    String topicArn;

    LocalBillingServers() {
        System.setProperty("aws.endpointUrlSsm", ssm.endpoint().toString());
        System.setProperty("aws.endpointUrlSns", sns.endpoint().toString());
    }

    /** Forgets everything, then: the stage's key parameter holds {@code key}, Stripe accepts it, the topic exists. */
    void reset(String keyParameter, String key) {
        ssm.reset();
        sns.reset();
        stripe.reset();
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
        BillingHandler handler = new BillingHandler(BillingColdStart.purchaseService(Map.of(
                "STAGE", stage,
                "NOTE_PURCHASED_TOPIC_ARN", topicArn,
                "STRIPE_API_BASE", stripe.endpoint().toString()), clock));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (keyReads() == readsBefore && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return handler;
    }

    /** A billing function initialised as Lambda does before taking a SnapStart snapshot. */
    BillingHandler snapshotInit(String stage) {
        return new BillingHandler(BillingColdStart.purchaseService(Map.of(
                "STAGE", stage,
                "NOTE_PURCHASED_TOPIC_ARN", topicArn,
                "STRIPE_API_BASE", stripe.endpoint().toString(),
                "AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"), clock));
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
        System.clearProperty("aws.endpointUrlSsm");
        System.clearProperty("aws.endpointUrlSns");
        ssm.close();
        sns.close();
        stripe.close();
    }
}
