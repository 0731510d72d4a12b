package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.emulators.ssm.SsmFault;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.emulators.stripe.StripeRequest;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Stripe key in billing: rotation, the stage-key guard, and never a trace of the key in logs or answers. */
class BillingSecretsIT {

    private static final String TEST_KEY = "sk_test_51OldKeyAbcdefghijklmnop";
    private static final String ROTATED_KEY = "sk_test_51NewKeyQrstuvwxyz012345";
    private static final String LIVE_KEY = "sk_live_51LiveKeyZyxwvutsrqponm";
    private static final String ORIGINAL = "events/billing-original.json";

    private static LocalBillingServers servers;

    @BeforeAll
    static void start() {
        servers = new LocalBillingServers();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void aRotatedKeyIsReadAgainAndTheChargeRetriedOnceWithTheSameIdempotencyKey() throws Exception {
        // given: a warm function holding the old key
        servers.reset("/stripeSecretKey/test", TEST_KEY);
        BillingHandler handler = servers.coldStart("dev");
        assertThat(LambdaEvents.callProxy(handler, LocalBillingServers.purchase("{\"storage\":1,\"paymentMethod\":\"pm_card_visa\"}"), null)
                .getStatusCode()).isEqualTo(200);

        // when: the key is rolled in Stripe and the new one is put in Parameter Store
        servers.clock.advance(Duration.ofSeconds(11)); // a key read less than 10 s ago is not read again on rejection
        servers.stripe.requireApiKey(ROTATED_KEY);
        servers.ssm.putSecureString("/stripeSecretKey/test", ROTATED_KEY);
        APIGatewayProxyResponseEvent response = LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null);

        // then: one rejected attempt with the old key, one charge with the new, same idempotency key
        assertThat(response.getStatusCode()).isEqualTo(200);
        List<StripeRequest> requests = servers.stripe.requests();
        StripeRequest rejected = requests.get(requests.size() - 2);
        StripeRequest retried = requests.get(requests.size() - 1);
        assertThat(rejected.apiKey()).isEqualTo(TEST_KEY);
        assertThat(retried.apiKey()).isEqualTo(ROTATED_KEY);
        assertThat(retried.idempotencyKey()).isEqualTo(rejected.idempotencyKey());
        assertThat(servers.stripe.createdPaymentIntentCount()).isEqualTo(2);
        assertThat(servers.keyReads()).isEqualTo(2);
    }

    @Test
    void aKeyRejectedAgainAfterReadingItAfreshIs503WithALogLineNamingTheParameter() throws Exception {
        servers.reset("/stripeSecretKey/test", TEST_KEY);
        servers.stripe.requireApiKey(ROTATED_KEY); // revoked in Stripe, not yet replaced in Parameter Store
        BillingHandler handler = servers.coldStart("dev");

        // when: the key was read just now, a rejection is not worth another read
        assertThat(LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null).getStatusCode()).isEqualTo(503);
        assertThat(servers.stripe.requests()).hasSize(1);
        assertThat(servers.keyReads()).isEqualTo(1);

        // when: the key is older than the minimum age, it is read again once, and rejected again
        servers.clock.advance(Duration.ofSeconds(11));
        try (LogCapture logs = new LogCapture()) {
            APIGatewayProxyResponseEvent response = LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null);

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(logs.text()).contains("Stripe rejected the API key from SSM parameter /stripeSecretKey/test, which was read afresh");
        }
        assertThat(servers.stripe.requests()).hasSize(3);
        assertThat(servers.keyReads()).isEqualTo(2);
        assertThat(servers.stripe.createdPaymentIntentCount()).isZero();

        // and a request right after does not read the parameter again: it still holds the rejected key
        assertThat(LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null).getStatusCode()).isEqualTo(503);
        assertThat(servers.keyReads()).isEqualTo(2);
    }

    @Test
    void aTestKeyInProdIsRefusedBeforeAnyCharge() {
        servers.reset("/stripeSecretKey/live", TEST_KEY);
        BillingHandler handler = servers.coldStart("prod");

        try (LogCapture logs = new LogCapture()) {
            assertThat(LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null).getStatusCode()).isEqualTo(503);
            assertThat(logs.text()).contains("SSM parameter /stripeSecretKey/live holds a test key, but stage prod accepts only live keys");
        }
        assertThat(servers.stripe.requests()).isEmpty();
    }

    @Test
    void aLiveKeyInAFeatureStageIsRefusedBeforeAnyCharge() {
        servers.reset("/stripeSecretKey/test", LIVE_KEY);
        BillingHandler handler = servers.coldStart("feature-login");

        try (LogCapture logs = new LogCapture()) {
            assertThat(LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null).getStatusCode()).isEqualTo(503);
            assertThat(logs.text()).contains("holds a live key, but stage feature-login accepts only test keys");
        }
        assertThat(servers.stripe.requests()).isEmpty();
    }

    @Test
    void underSnapStartTheKeyIsNotReadBeforeTheSnapshot() throws Exception {
        // given: the init Lambda runs before taking a snapshot
        servers.reset("/stripeSecretKey/test", TEST_KEY);
        BillingHandler handler = servers.snapshotInit("dev");
        Thread.sleep(300); // room for a background read, were one started

        // then: no key was read, so none can be in the snapshot
        assertThat(servers.keyReads()).isZero();

        // and the restored function reads it on its first request (the hooks themselves: ParameterStoreCacheIT)
        assertThat(LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null).getStatusCode()).isEqualTo(200);
        assertThat(servers.keyReads()).isEqualTo(1);
    }

    @Test
    void noKeyEverAppearsInALogLineOrAResponse() {
        List<String> answers = new ArrayList<>();
        String logged;
        try (LogCapture logs = new LogCapture()) {
            // success, decline, bad request
            servers.reset("/stripeSecretKey/test", TEST_KEY);
            BillingHandler handler = servers.coldStart("dev");
            answers.add(body(handler, ORIGINAL));
            answers.add(body(handler, "events/billing-declined-card.json"));
            answers.add(body(handler, "events/billing-invalid-storage.json"));
            // Stripe failing and rate-limiting, SNS failing after the charge
            servers.stripe.failNext(2, StripeFault.API_ERROR);
            answers.add(body(handler, "events/billing-payment-method.json"));
            servers.stripe.failNext(1, StripeFault.RATE_LIMIT);
            answers.add(body(handler, "events/billing-payment-method.json"));
            servers.sns.failNext(3, SnsFault.INTERNAL_ERROR);
            answers.add(body(handler, "events/billing-payment-method.json"));
            // rotation that works, then a key rejected twice (each once the key is old enough to be read again)
            servers.clock.advance(Duration.ofSeconds(11));
            servers.stripe.requireApiKey(ROTATED_KEY);
            servers.ssm.putSecureString("/stripeSecretKey/test", ROTATED_KEY);
            APIGatewayProxyResponseEvent rotated = LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null);
            assertThat(rotated.getStatusCode()).isEqualTo(200);
            answers.add(rotated.getBody());
            servers.clock.advance(Duration.ofSeconds(11));
            servers.stripe.requireApiKey("sk_test_somebodyElsesKey0000");
            APIGatewayProxyResponseEvent rejected = LambdaEvents.callProxy(handler, LocalBillingServers.event(ORIGINAL), null);
            assertThat(rejected.getStatusCode()).isEqualTo(503);
            answers.add(rejected.getBody());
            // SSM failing with no value to serve, denying access, and missing
            servers.reset("/stripeSecretKey/test", TEST_KEY);
            servers.ssm.failNext(50, SsmFault.THROTTLING);
            answers.add(body(servers.coldStart("dev"), ORIGINAL));
            servers.reset("/stripeSecretKey/test", TEST_KEY);
            servers.ssm.failNext(50, SsmFault.ACCESS_DENIED);
            answers.add(body(servers.coldStart("dev"), ORIGINAL));
            servers.reset("/stripeSecretKey/other", TEST_KEY);
            answers.add(body(servers.coldStart("dev"), ORIGINAL));
            // the wrong key for the stage
            servers.reset("/stripeSecretKey/test", LIVE_KEY);
            answers.add(body(servers.coldStart("dev"), ORIGINAL));
            logged = logs.text();
        }

        assertThat(logged).contains("reading it again and retrying once", "which was read afresh", "holds a live key",
                "Could not publish", "ThrottlingException", "Not allowed to read", "RateLimitException");
        for (String key : List.of(TEST_KEY, ROTATED_KEY, LIVE_KEY)) {
            assertThat(logged).doesNotContain(key);
            assertThat(answers).noneMatch(answer -> answer.contains(key));
        }
        assertThat(answers).noneMatch(answer -> answer.contains("sk_test_") || answer.contains("sk_live_"));
    }

    private static String body(BillingHandler handler, String fixture) {
        return LambdaEvents.callProxy(handler, LocalBillingServers.event(fixture), null).getBody();
    }
}
