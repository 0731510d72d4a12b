package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.emulators.ssm.SsmCall;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import com.scratch.testing.LambdaEvents;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /billing/webhook} as Lambda runs it: built by its cold start, reading the signing secret through its
 * packaged role, verifying Stripe's signature with stripe-java, and announcing through the same once-per-payment
 * ledger as the purchase request. The events are the local Stripe's own PaymentIntents, signed as Stripe signs.
 */
class StripeWebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");

    @RegisterExtension
    static final LocalBillingServers servers = new LocalBillingServers();
    private BillingHandler billing;
    private StripeWebhookHandler webhook;

    @BeforeEach
    void coldStart() {
        servers.reset("/stripeSecretKey/test", STRIPE_KEY);
        billing = servers.coldStart("dev");
        webhook = servers.webhookColdStart("dev");
    }

    @Test
    void aPurchaseWhoseClientGaveUpIsAnnouncedByTheWebhookOnce() throws Exception {
        // given: charged, but SNS failed every attempt, and the client never retries
        servers.sns.failNext(3, SnsFault.INTERNAL_ERROR);
        APIGatewayProxyResponseEvent gaveUp = LambdaEvents.callProxy(billing, purchase("order-1"), null);
        assertThat(gaveUp.getStatusCode()).isEqualTo(503);
        String paymentId = JSON.readTree(gaveUp.getBody()).get("paymentId").asText();

        // when: Stripe reports the payment, and (as it may) reports it again
        String event = succeeded(paymentId);
        APIGatewayProxyResponseEvent first = LambdaEvents.callProxy(webhook, signed(event), null);
        APIGatewayProxyResponseEvent again = LambdaEvents.callProxy(webhook, signed(event), null);

        // then
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.getBody()).get("outcome").asText()).isEqualTo("announced");
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
        NotePurchased announced = (NotePurchased) NotePurchasedCodec.decode(
                servers.sns.published(servers.topicArn).get(0).message());
        assertThat(announced.paymentId()).isEqualTo(paymentId);
        assertThat(announced.amount()).isEqualTo(4200);
        assertThat(announced.storage()).isEqualTo(21);
        assertThat(announced.userId()).isEqualTo("USER-SUB-1234");
        assertThat(announced.stage()).isEqualTo("dev");
        assertThat(servers.refusals).isEmpty();

        // and the client's late retry announces nothing more either
        assertThat(LambdaEvents.callProxy(billing, purchase("order-1"), null).getStatusCode()).isEqualTo(200);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
        assertThat(servers.stripe.createdPaymentIntentCount()).isEqualTo(1);
    }

    @Test
    void aPurchaseTheRequestAnnouncedIsNotAnnouncedAgain() throws Exception {
        APIGatewayProxyResponseEvent paid = LambdaEvents.callProxy(billing, purchase("order-2"), null);
        String paymentId = JSON.readTree(paid.getBody()).get("paymentId").asText();

        APIGatewayProxyResponseEvent answer = LambdaEvents.callProxy(webhook, signed(succeeded(paymentId)), null);

        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
    }

    @Test
    void whatIsNotAGenuineFreshEventIs400AndAnnouncesNothing() throws Exception {
        String paymentId = chargedButNotAnnounced("order-3");
        String event = succeeded(paymentId);
        long now = servers.clock.instant().getEpochSecond();

        Map<String, APIGatewayProxyRequestEvent> forgeries = new java.util.LinkedHashMap<>();
        forgeries.put("no signature", request(event, Map.of()));
        forgeries.put("another secret", request(event, Map.of("Stripe-Signature",
                Webhook.Signature.generateSignatureHeader(event, "whsec_not_ours", now))));
        forgeries.put("a body changed after signing", request(event.replace("4200", "1"), Map.of("Stripe-Signature",
                Webhook.Signature.generateSignatureHeader(event, servers.webhookSecret, now))));
        forgeries.put("a replay signed 301 s ago", request(event, Map.of("Stripe-Signature",
                Webhook.Signature.generateSignatureHeader(event, servers.webhookSecret, now - 301))));
        APIGatewayProxyRequestEvent twice = request(event, Map.of());
        twice.setMultiValueHeaders(Map.of("Stripe-Signature", List.of(signature(event), signature(event))));
        forgeries.put("the header twice", twice);
        forgeries.put("signed, but not an event", signed("not json at all"));
        ObjectNode versionless = (ObjectNode) JSON.readTree(event);
        versionless.remove("api_version");
        forgeries.put("signed, an event without its api_version", signed(JSON.writeValueAsString(versionless)));
        ObjectNode objectless = (ObjectNode) JSON.readTree(event);
        objectless.putObject("data").put("object", "pi_not_an_object");
        forgeries.put("signed, an event whose object is not one", signed(JSON.writeValueAsString(objectless)));

        forgeries.forEach((name, forged) -> {
            APIGatewayProxyResponseEvent answer = LambdaEvents.callProxy(webhook, forged, null);
            assertThat(answer.getStatusCode()).as(name).isEqualTo(400);
            assertThat(answer.getBody()).as(name).contains("invalid_webhook").doesNotContain(servers.webhookSecret);
        });
        assertThat(servers.sns.published(servers.topicArn)).isEmpty();

        // the genuine one still goes through, and one signed within the 5 minutes too
        servers.clock.advance(Duration.ofSeconds(299));
        assertThat(LambdaEvents.callProxy(webhook, request(event, Map.of("Stripe-Signature",
                Webhook.Signature.generateSignatureHeader(event, servers.webhookSecret, now))), null)
                .getStatusCode()).isEqualTo(200);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
    }

    @Test
    void aBodyOver256KbIs413BeforeItIsRead() {
        String huge = "{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";

        APIGatewayProxyResponseEvent answer = LambdaEvents.callProxy(webhook, signed(huge), null);

        assertThat(answer.getStatusCode()).isEqualTo(413);
        assertThat(answer.getBody().length()).isLessThan(400);
    }

    @Test
    void aBase64BodyIsVerifiedOnItsBytes() throws Exception {
        String paymentId = chargedButNotAnnounced("order-4");
        String event = succeeded(paymentId);
        APIGatewayProxyRequestEvent request = signed(event)
                .withBody(Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8)))
                .withIsBase64Encoded(true);

        assertThat(LambdaEvents.callProxy(webhook, request, null).getStatusCode()).isEqualTo(200);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
    }

    @Test
    void anotherStagesPaymentAndOtherEventTypesAreAcknowledgedAndIgnored() throws Exception {
        String paymentId = chargedButNotAnnounced("order-5");
        String otherStage = succeeded(paymentId).replace("\"stage\":\"dev\"", "\"stage\":\"feature-login\"");
        String refunded = succeeded(paymentId).replace("payment_intent.succeeded", "charge.refunded");

        APIGatewayProxyResponseEvent other = LambdaEvents.callProxy(webhook, signed(otherStage), null);
        APIGatewayProxyResponseEvent ignored = LambdaEvents.callProxy(webhook, signed(refunded), null);

        assertThat(other.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(other.getBody()).get("outcome").asText()).isEqualTo("ignored_other_stage");
        assertThat(ignored.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ignored.getBody()).get("outcome").asText()).isEqualTo("ignored_event_type");
        assertThat(servers.sns.published(servers.topicArn)).isEmpty();
    }

    @Test
    void whenSnsFailsTheWebhookIsNot2xxSoStripeSendsItAgain() throws Exception {
        String paymentId = chargedButNotAnnounced("order-6");
        String event = succeeded(paymentId);
        servers.sns.failNext(3, SnsFault.INTERNAL_ERROR);

        APIGatewayProxyResponseEvent failed = LambdaEvents.callProxy(webhook, signed(event), null);
        APIGatewayProxyResponseEvent redelivered = LambdaEvents.callProxy(webhook, signed(event), null);

        assertThat(failed.getStatusCode()).isEqualTo(503);
        assertThat(redelivered.getStatusCode()).isEqualTo(200);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
    }

    @Test
    void theSigningSecretIsReadOnceAtInitThroughThePackagedRole() {
        assertThat(servers.ssm.calls()).extracting(SsmCall::operation).contains("GetParameters");
        assertThat(servers.ssm.calls()).filteredOn(call -> call.body().toString().contains("/stripeWebhookSecret/test"))
                .hasSize(1);
        assertThat(servers.refusals).isEmpty();
    }

    /** A charge whose publish failed (the client gave up): nothing announced yet. */
    private String chargedButNotAnnounced(String idempotencyKey) throws Exception {
        servers.sns.failNext(3, SnsFault.INTERNAL_ERROR);
        APIGatewayProxyResponseEvent answer = LambdaEvents.callProxy(billing, purchase(idempotencyKey), null);
        assertThat(answer.getStatusCode()).isEqualTo(503);
        return JSON.readTree(answer.getBody()).get("paymentId").asText();
    }

    /** Stripe's {@code payment_intent.succeeded} event for the local Stripe's PaymentIntent, as Stripe sends it. */
    private static String succeeded(String paymentId) throws Exception {
        // The PaymentIntent exactly as the local Stripe has it now, metadata included.
        java.net.http.HttpResponse<String> retrieved = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(servers.stripe.endpoint().resolve("/v1/payment_intents/" + paymentId))
                        .header("Authorization", "Bearer " + STRIPE_KEY).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(retrieved.statusCode()).as(retrieved.body()).isEqualTo(200);
        JsonNode intent = JSON.readTree(retrieved.body());
        ObjectNode event = JSON.createObjectNode()
                .put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""))
                .put("object", "event")
                .put("api_version", Stripe.API_VERSION)
                .put("created", servers.clock.instant().getEpochSecond())
                .put("livemode", false)
                .put("pending_webhooks", 1)
                .put("type", "payment_intent.succeeded");
        event.putObject("data").set("object", intent);
        return JSON.writeValueAsString(event);
    }

    private static APIGatewayProxyRequestEvent purchase(String idempotencyKey) {
        return LocalBillingServers.purchase("{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}")
                .withHeaders(Map.of("Idempotency-Key", idempotencyKey));
    }

    private static APIGatewayProxyRequestEvent signed(String payload) {
        return request(payload, Map.of("Stripe-Signature", signature(payload)));
    }

    private static String signature(String payload) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, servers.webhookSecret,
                    servers.clock.instant().getEpochSecond());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static APIGatewayProxyRequestEvent request(String payload, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/json; charset=utf-8");
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withPath("/billing/webhook")
                .withResource("/billing/webhook").withHeaders(all).withBody(payload).withIsBase64Encoded(false);
    }
}
