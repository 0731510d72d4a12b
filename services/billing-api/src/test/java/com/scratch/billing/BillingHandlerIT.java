package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.config.Stage;
import com.scratch.config.StageConfig;
import com.scratch.emulators.iam.IamPolicy;
import com.scratch.emulators.sns.PublishedMessage;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.emulators.ssm.SsmCall;
import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.ssm.SsmFault;
import com.scratch.emulators.stripe.StripeEmulator;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.emulators.stripe.StripeRequest;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import com.scratch.secrets.ParameterStoreCache;
import com.scratch.secrets.RetryBackoff;
import com.scratch.testing.LambdaEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The billing function as Lambda runs it: built by its cold start from its environment variables, talking through the
 * real AWS SDK and the real stripe-java over HTTP to local SSM, SNS and Stripe servers.
 */
class BillingHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String KEY_PARAMETER = "/stripeSecretKey/test";

    private static LocalBillingServers servers;
    private static SsmEmulator ssm;
    private static SnsEmulator sns;
    private static StripeEmulator stripe;

    private String topicArn;
    private BillingHandler handler;

    @BeforeAll
    static void startServers() {
        servers = new LocalBillingServers();
        ssm = servers.ssm;
        sns = servers.sns;
        stripe = servers.stripe;
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @BeforeEach
    void coldStart() {
        servers.reset(KEY_PARAMETER, STRIPE_KEY);
        topicArn = servers.topicArn;
        handler = servers.coldStart("dev");
    }

    @Test
    void theOriginalEventChargesTheCardAndAnnouncesThePurchase() throws Exception {
        // when
        APIGatewayProxyResponseEvent response = handle("events/billing-original.json");

        // then: the buyer gets a receipt
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Allow-Credentials", "true");
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("status").asBoolean()).isTrue();
        assertThat(body.get("amount").asLong()).isEqualTo(4200);
        assertThat(body.get("currency").asText()).isEqualTo("usd");
        String paymentId = body.get("paymentId").asText();

        // and Stripe got one confirmed, card-only PaymentIntent for the token, with an idempotency key
        assertThat(stripe.requests()).hasSize(1);
        StripeRequest charge = stripe.requests().get(0);
        assertThat(charge.path()).isEqualTo("/v1/payment_intents");
        assertThat(charge.form()).containsEntry("amount", "4200")
                .containsEntry("currency", "usd")
                .containsEntry("description", "Scratch charge")
                .containsEntry("confirm", "true")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("payment_method_data[type]", "card")
                .containsEntry("payment_method_data[card][token]", "tok_visa")
                .doesNotContainKey("payment_method");
        assertThat(charge.idempotencyKey()).isNotBlank();

        // and the key was read once, decrypted, from the dev parameter
        assertThat(servers.keyReads()).as("key reads: %s", ssm.calls()).isEqualTo(1);
        assertThat(ssm.calls().get(0).body().toString()).contains(KEY_PARAMETER).contains("\"WithDecryption\":true");

        // and NotePurchased went out, tagged for filtering
        List<PublishedMessage> published = sns.published(topicArn);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).attributes().get("eventType").stringValue()).isEqualTo("NotePurchased");
        NotePurchased event = (NotePurchased) NotePurchasedCodec.decode(published.get(0).message());
        assertThat(event.paymentId()).isEqualTo(paymentId);
        assertThat(event.amount()).isEqualTo(4200);
        assertThat(event.storage()).isEqualTo(21);
        assertThat(event.userId()).isEqualTo("USER-SUB-1234");
        assertThat(event.stage()).isEqualTo("dev");
    }

    @Test
    void aPaymentMethodPurchaseRetriedWithItsIdempotencyKeyIsChargedOnce() throws Exception {
        APIGatewayProxyResponseEvent response = handle("events/billing-payment-method.json");
        APIGatewayProxyResponseEvent retried = handle("events/billing-payment-method.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retried.getBody()).get("paymentId")).isEqualTo(JSON.readTree(response.getBody()).get("paymentId"));
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(1);
        StripeRequest charge = stripe.requests().get(0);
        assertThat(charge.form()).containsEntry("payment_method", "pm_card_visa")
                .containsEntry("error_on_requires_action", "true")
                .doesNotContainKey("payment_method_data[type]");
        assertThat(charge.idempotencyKey()).isEqualTo(stripe.requests().get(1).idempotencyKey()).startsWith("client-");
    }

    @Test
    void aPaymentMethodWithoutAnIdempotencyKeyIs400AndNotCharged() throws Exception {
        APIGatewayProxyResponseEvent response = handle(LocalBillingServers.purchase("{\"storage\":2,\"paymentMethod\":\"pm_card_visa\"}")
                .withHeaders(Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void theKeyIsReadOncePerContainer() {
        for (int i = 0; i < 5; i++) {
            assertThat(handle(purchase("{\"storage\":" + (i + 1) + ",\"paymentMethod\":\"pm_card_visa\"}")).getStatusCode()).isEqualTo(200);
        }

        assertThat(servers.keyReads()).isEqualTo(1);
        assertThat(sns.published(topicArn)).hasSize(5);
    }

    @Test
    void aDeclinedCardIs402WithStripesCodesAndNothingIsAnnounced() throws Exception {
        APIGatewayProxyResponseEvent response = handle("events/billing-declined-card.json");

        assertThat(response.getStatusCode()).isEqualTo(402);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("error").asText()).isEqualTo("card_declined");
        assertThat(body.get("code").asText()).isEqualTo("card_declined");
        assertThat(body.get("declineCode").asText()).isEqualTo("generic_decline");
        assertThat(body.get("message").asText()).isEqualTo("Your card was declined.");
        assertThat(sns.published(topicArn)).isEmpty();
    }

    @Test
    void insufficientFundsAndExpiredCardsSayWhy() throws Exception {
        JsonNode funds = JSON.readTree(handle(purchase("{\"storage\":2,\"paymentMethod\":\"pm_card_chargeDeclinedInsufficientFunds\"}")).getBody());
        JsonNode expired = JSON.readTree(handle(purchase("{\"storage\":2,\"paymentMethod\":\"pm_card_chargeDeclinedExpiredCard\"}")).getBody());

        assertThat(funds.get("declineCode").asText()).isEqualTo("insufficient_funds");
        assertThat(expired.get("code").asText()).isEqualTo("expired_card");
        assertThat(expired.has("declineCode")).isFalse();
    }

    @Test
    void aBadBodyIs400NamingTheFieldAndStripeIsNotCalled() throws Exception {
        APIGatewayProxyResponseEvent response = handle("events/billing-invalid-storage.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("field").asText()).isEqualTo("storage");
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void anUnknownPaymentMethodIs400() throws Exception {
        APIGatewayProxyResponseEvent response = handle(purchase("{\"storage\":2,\"paymentMethod\":\"pm_nope\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("error").asText()).isEqualTo("invalid_request");
        assertThat(JSON.readTree(response.getBody()).get("field").asText()).isEqualTo("paymentMethod");
    }

    @Test
    void aMissingKeyParameterIs503AndTheContainerRecoversOnceItExists() throws Exception {
        // given: the key parameter does not exist yet
        ssm.reset();
        handler = coldStart("dev");

        // when
        APIGatewayProxyResponseEvent unavailable = handle("events/billing-original.json");

        // then: 503, and nothing of the cause reaches the caller
        assertThat(unavailable.getStatusCode()).isEqualTo(503);
        assertThat(JSON.readTree(unavailable.getBody()).get("error").asText()).isEqualTo("service_unavailable");
        assertThat(unavailable.getBody()).doesNotContain("stripeSecretKey").doesNotContain("ParameterNotFound");
        assertThat(stripe.requests()).isEmpty();

        // when: the parameter is created, the same container serves the next request once the backoff of two
        // failures in a row (the cold start's read and this request's) has passed
        ssm.putSecureString(KEY_PARAMETER, STRIPE_KEY);
        servers.clock.advance(RetryBackoff.DEFAULT.initial());
        assertThat(handle("events/billing-original.json").getStatusCode()).isEqualTo(200);
    }

    @Test
    void anUnavailableParameterStoreIs503AndIsNotCached() throws Exception {
        ssm.reset();
        ssm.putSecureString(KEY_PARAMETER, STRIPE_KEY);
        ssm.failNext(100, SsmFault.INTERNAL_ERROR);
        handler = coldStart("dev");

        assertThat(handle("events/billing-original.json").getStatusCode()).isEqualTo(503);

        ssm.reset(); // SSM recovers; the next request after the backoff is served
        ssm.putSecureString(KEY_PARAMETER, STRIPE_KEY);
        servers.clock.advance(RetryBackoff.DEFAULT.initial());
        assertThat(handle("events/billing-original.json").getStatusCode()).isEqualTo(200);
        servers.awaitSsmQuiet();
    }

    @Test
    void aStripeFailureIsRetriedOnceWithTheSameIdempotencyKey() throws Exception {
        stripe.failNext(1, StripeFault.API_ERROR);

        APIGatewayProxyResponseEvent response = handle("events/billing-original.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(stripe.requests()).hasSize(2);
        assertThat(stripe.requests().get(1).idempotencyKey()).isEqualTo(stripe.requests().get(0).idempotencyKey());
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(1);
    }

    @Test
    void theKeyReadStartsDuringInitBeforeAnyRequest() {
        // coldStart() in setUp returned once SSM had the cold start's read: no request was needed for it
        assertThat(servers.keyReads()).isEqualTo(1);
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void stripeBeingDownIs502AndNothingIsAnnounced() throws Exception {
        stripe.failNext(10, StripeFault.API_ERROR);

        APIGatewayProxyResponseEvent response = handle("events/billing-original.json");

        assertThat(response.getStatusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.getBody()).get("error").asText()).isEqualTo("payment_provider_unavailable");
        assertThat(response.getBody()).doesNotContain("api_error").doesNotContain(STRIPE_KEY);
        assertThat(sns.published(topicArn)).isEmpty();
    }

    @Test
    void aRejectedStripeKeyIs503WithoutTheKey() throws Exception {
        stripe.requireApiKey("sk_test_someOtherKey");

        APIGatewayProxyResponseEvent response = handle("events/billing-original.json");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.getBody()).get("error").asText()).isEqualTo("service_unavailable");
        assertThat(response.getBody()).doesNotContain(STRIPE_KEY).doesNotContain("sk_test");
    }

    @Test
    void whenAnnouncingFailsARetryPublishesWithoutChargingAgain() throws Exception {
        // given: SNS fails every attempt of the first request
        sns.failNext(3, SnsFault.INTERNAL_ERROR);

        // when
        APIGatewayProxyResponseEvent failed = handle("events/billing-original.json");

        // then: the caller learns the card was charged and may retry
        assertThat(failed.getStatusCode()).isEqualTo(503);
        JsonNode failure = JSON.readTree(failed.getBody());
        assertThat(failure.get("error").asText()).isEqualTo("purchase_not_recorded");
        String paymentId = failure.get("paymentId").asText();
        assertThat(paymentId).startsWith("pi_");
        assertThat(sns.published(topicArn)).isEmpty();

        // when: the client retries the same request
        APIGatewayProxyResponseEvent retried = handle("events/billing-original.json");

        // then: same payment, one charge, one event
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retried.getBody()).get("paymentId").asText()).isEqualTo(paymentId);
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(1);
        assertThat(sns.published(topicArn)).hasSize(1);
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherPurchaseIs409() throws Exception {
        APIGatewayProxyRequestEvent first = purchase("{\"storage\":2,\"paymentMethod\":\"pm_card_visa\"}")
                .withHeaders(Map.of("Idempotency-Key", "order-7"));
        APIGatewayProxyRequestEvent other = purchase("{\"storage\":3,\"paymentMethod\":\"pm_card_visa\"}")
                .withHeaders(Map.of("Idempotency-Key", "order-7"));

        assertThat(handle(first).getStatusCode()).isEqualTo(200);
        APIGatewayProxyResponseEvent reused = handle(other);
        assertThat(reused.getStatusCode()).isEqualTo(409);
        assertThat(JSON.readTree(reused.getBody()).get("error").asText()).isEqualTo("idempotency_key_reused");
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(1);
    }

    /**
     * Every AWS call billing makes, signed as billing and checked against the role {@code osls package} generates for
     * the stage: the key's prefetch at init (GetParameters), its refresh after the TTL (GetParameter) and the
     * publish. A call the policy lacks is refused here as on AWS, and this test names it.
     */
    @ParameterizedTest(name = "stage {0}")
    @ValueSource(strings = {"dev", "feature-login"})
    void everyCallBillingMakesIsAllowedByItsPackagedRole(String stage) {
        // given
        servers.reset(KEY_PARAMETER, STRIPE_KEY);
        handler = coldStart(stage);
        String stageTopic = servers.topicArn;

        // when
        int first = handle("events/billing-original.json").getStatusCode();
        servers.clock.advance(ParameterStoreCache.DEFAULT_TIME_TO_LIVE.plusSeconds(1));
        int afterTheTimeToLive = handle("events/billing-payment-method.json").getStatusCode();

        // then
        assertThat(servers.refusals).isEmpty();
        assertThat(ssm.calls()).extracting(SsmCall::operation).containsExactly("GetParameters", "GetParameter");
        assertThat(List.of(first, afterTheTimeToLive)).containsExactly(200, 200);
        assertThat(sns.published(stageTopic)).hasSize(2);
    }

    /** The local Stripe is test mode only, so prod's charge fails; its key reads still go through its packaged role. */
    @Test
    void prodReadsTheLiveKeyThroughItsPackagedRoleAndMayPublishOnlyToItsTopic() {
        // given
        String liveKey = StageConfig.forStage(Stage.of("prod")).stripeKeyParameter();
        servers.reset(liveKey, "sk_live_4eC39HqLyjWDarjtT1zdp7dc");
        handler = coldStart("prod");

        // when
        handle("events/billing-original.json");

        // then
        assertThat(servers.refusals).isEmpty();
        assertThat(ssm.calls()).extracting(SsmCall::operation).startsWith("GetParameters");
        IamPolicy prod = servers.billing("prod").policy();
        String liveKeyArn = "arn:aws:ssm:us-east-1:000000000000:parameter" + liveKey;
        assertThat(ParameterStoreCache.IAM_ACTIONS).allSatisfy(action ->
                assertThat(prod.evaluate(action, liveKeyArn).allowed()).as(action).isTrue());
        assertThat(prod.evaluate("sns:Publish", servers.topicArn).allowed()).isTrue();
        assertThat(prod.evaluate("sns:Publish", topicArn).allowed()).as("the dev topic").isFalse();
        assertThat(prod.evaluate("ssm:GetParameter", "arn:aws:ssm:us-east-1:000000000000:parameter" + KEY_PARAMETER).allowed())
                .as("the test key").isFalse();
    }

    @Test
    void aFeatureStageReadsTheDevKeyAndNamesItselfInTheEvent() {
        handler = coldStart("feature-login");
        topicArn = servers.topicArn;

        assertThat(handle("events/billing-original.json").getStatusCode()).isEqualTo(200);

        assertThat(ssm.calls().get(0).body().toString()).contains(KEY_PARAMETER);
        NotePurchased event = (NotePurchased) NotePurchasedCodec.decode(sns.published(topicArn).get(0).message());
        assertThat(event.stage()).isEqualTo("feature-login");
    }

    private BillingHandler coldStart(String stage) {
        return servers.coldStart(stage);
    }

    private APIGatewayProxyResponseEvent handle(String fixture) {
        return handle(LocalBillingServers.event(fixture));
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return LambdaEvents.callProxy(handler, event, null);
    }

    private static APIGatewayProxyRequestEvent purchase(String body) {
        return LocalBillingServers.purchase(body);
    }
}
