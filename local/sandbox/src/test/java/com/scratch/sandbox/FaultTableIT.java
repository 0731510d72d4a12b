package com.scratch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.sns.SnsFault;
import com.scratch.emulators.ssm.SsmFault;
import com.scratch.emulators.stripe.StripeEmulator;
import com.scratch.emulators.stripe.StripeFault;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * What each fault does to a purchase, end to end: billing (and Stripe's webhook) → SNS → notify, in a fresh sandbox
 * per row, so that faults at the cold start hit a cold start. One test per row; each states the first answer the
 * client gets and, once everything has settled (Stripe's webhooks sent, Lambda's retries done), how many
 * PaymentIntents, distinct {@code NotePurchased} events and texts there are. No client retries here: what the
 * client does not do, the webhook must. The table is in the README ("What each fault does").
 */
class FaultTableIT {

    private static final String PURCHASE = "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}";
    private static final String KEY_PARAMETER = "/stripeSecretKey/test";

    @TempDir
    Path data;

    private LocalFlow flow;

    @BeforeEach
    void freshSandbox() throws IOException {
        flow = LocalFlow.start(data);
    }

    @AfterEach
    void stop() {
        flow.close();
    }

    @Test
    void ssmThrottledAtColdStart() throws Exception {
        flow.endpoints.ssm.failRandomly(1.0, SsmFault.THROTTLING, 1);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-ssm-throttled");

        expect(answer, 503, "service_unavailable", 0, 0, 0);
    }

    @Test
    void ssmDeniedAtColdStart() throws Exception {
        flow.endpoints.ssm.failRandomly(1.0, SsmFault.ACCESS_DENIED, 1);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-ssm-denied");

        expect(answer, 503, "service_unavailable", 0, 0, 0);
    }

    @Test
    void stripeKeyParameterMissingAtColdStart() throws Exception {
        String webhookSecret = flow.endpoints.webhookSecret;
        flow.endpoints.ssm.reset();
        flow.endpoints.ssm.putSecureString("/stripeWebhookSecret/test", webhookSecret);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-ssm-missing");

        expect(answer, 503, "service_unavailable", 0, 0, 0);
    }

    /** stripe-java retries a 500 once, with the same idempotency key. */
    @Test
    void stripeFailingOnce() throws Exception {
        flow.endpoints.stripe.failNext(1, StripeFault.API_ERROR);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-stripe-500-once");

        expect(answer, 200, null, 1, 1, 1);
    }

    @Test
    void stripeFailingTwice() throws Exception {
        flow.endpoints.stripe.failNext(2, StripeFault.API_ERROR);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-stripe-500-twice");

        expect(answer, 502, "payment_provider_unavailable", 0, 0, 0);
    }

    @Test
    void stripeRateLimiting() throws Exception {
        flow.endpoints.stripe.failNext(2, StripeFault.RATE_LIMIT);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-stripe-429");

        expect(answer, 502, "payment_provider_unavailable", 0, 0, 0);
    }

    /**
     * Stripe makes the charge but answers after billing's 5 s read timeout, twice: the client hears 502 and (here)
     * never retries. The charge succeeded, so Stripe's webhook announces it and the admin is texted.
     */
    @Test
    void stripeSlowerThanTheReadTimeout() throws Exception {
        flow.endpoints.stripe.delayResponses(Duration.ofMillis(5_500));

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-stripe-slow");
        flow.endpoints.stripe.delayResponses(Duration.ZERO);

        expect(answer, 502, "payment_provider_unavailable", 1, 1, 1);
    }

    /**
     * The key was rolled in Stripe and the new one put in SSM while the container still holds the old one: Stripe
     * answers 401, billing reads the key again (it is older than the 10 s it waits before re-reading) and charges.
     */
    @Test
    void stripeRejectingARotatedKey() throws Exception {
        assertThat(flow.purchase(PURCHASE, "row-stripe-401-before").statusCode()).isEqualTo(200);
        Thread.sleep(10_500);
        String rolled = StripeEmulator.newSecretKey();
        flow.endpoints.stripe.requireApiKey(rolled);
        flow.endpoints.ssm.putSecureString(KEY_PARAMETER, rolled);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-stripe-401");

        expect(answer, 200, null, 2, 2, 2);
    }

    @Test
    void snsFailingOnce() throws Exception {
        flow.endpoints.sns.failNext(1, SnsFault.INTERNAL_ERROR);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-sns-once");

        expect(answer, 200, null, 1, 1, 1);
    }

    /** Every attempt of billing's publish fails: 503, the client gives up; Stripe's webhook announces it. */
    @Test
    void snsFailingEveryAttempt() throws Exception {
        flow.endpoints.stripe.holdWebhooks();
        flow.endpoints.sns.failNext(3, SnsFault.INTERNAL_ERROR);

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-sns-always");
        flow.endpoints.stripe.releaseWebhooks();

        expect(answer, 503, "purchase_not_recorded", 1, 1, 1);
    }

    /**
     * SNS publishes but answers after the SDK's 2 s attempt timeout, every attempt: the SDK's retries put several
     * copies of the one event on the topic, the client hears 503, the webhook publishes once more. One event, one
     * text.
     */
    @Test
    void snsAnsweringAfterTheTimeout() throws Exception {
        flow.endpoints.stripe.holdWebhooks();
        flow.endpoints.sns.delayPublishesTo(flow.topicArn(), Duration.ofMillis(2_300));

        HttpResponse<String> answer = flow.purchase(PURCHASE, "row-sns-late");
        flow.endpoints.sns.delayPublishesTo(flow.topicArn(), Duration.ZERO);
        flow.endpoints.stripe.releaseWebhooks();

        expect(answer, 503, "purchase_not_recorded", 1, 1, 1);
        assertThat(flow.publishedCopies()).as("copies of the one event on the topic").isGreaterThan(1);
    }

    /** A message notify cannot read fails every attempt and ends in its dead-letter destination; nothing is texted. */
    @Test
    void notifyFailingOnAMessage() throws Exception {
        Map<String, String> billing = flow.stack.iam().orElseThrow().credentialsOf("billing");
        try (SnsClient sns = SnsClient.builder()
                .endpointOverride(flow.endpoints.sns.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        billing.get("AWS_ACCESS_KEY_ID"), billing.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            sns.publish(publish -> publish.topicArn(flow.topicArn()).message("{\"schemaVersion\":1,\"amount\":-5}"));
        }

        flow.settle(0, 1);

        assertThat(flow.deadLetters()).isEqualTo(1);
        assertThat(flow.texts()).isZero();
        assertThat(flow.charges()).isZero();
        row("notify failing on a message", "-", 0, 0, 0, 1);
    }

    private void expect(HttpResponse<String> answer, int status, String error, int charges, int events, int texts)
            throws InterruptedException {
        flow.settle(texts, 0);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        if (error != null) {
            assertThat(LocalFlow.json(answer).path("error").asText()).isEqualTo(error);
        }
        assertThat(flow.charges()).as("PaymentIntents").isEqualTo(charges);
        assertThat(flow.events()).as("NotePurchased events").isEqualTo(events);
        assertThat(flow.texts()).as("texts").isEqualTo(texts);
        assertThat(flow.deadLetters()).as("dead letters").isZero();
        row(Thread.currentThread().getStackTrace()[2].getMethodName(), status + (error == null ? "" : " " + error),
                charges, events, texts, 0);
    }

    private static void row(String name, String answer, int charges, int events, int texts, int deadLetters) {
        System.out.printf("FAULT ROW | %-40s | %-34s | charges %d | events %d | texts %d | dead letters %d%n", name,
                answer, charges, events, texts, deadLetters);
    }
}
