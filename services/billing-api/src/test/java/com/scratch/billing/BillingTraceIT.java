package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.aws.InvocationTracing;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.secrets.ParameterStoreCache;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.LocalXRayDaemon;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One purchase, one trace: the billing function built by its real cold start with {@code AWS_XRAY_DAEMON_ADDRESS}
 * pointing at a UDP listener of this test ({@link LocalXRayDaemon}), which stands for the X-Ray daemon and reads what
 * the function sends.
 *
 * <p>Each invocation is given the trace header of a new trace in its {@code Context} ({@code getXrayTraceId()}), as
 * Lambda's runtime hands it over: the function's segment, which Lambda records, is the header's {@code Parent}. As in
 * Lambda, the function sends its invocation's span ({@value InvocationTracing#SPAN_NAME}) under that segment, and each
 * call the invocation made under the span, every one an independent subsegment document.
 *
 * <p>Not covered here: the link from billing's trace to notify's (SNS passes the trace header of billing's publish to
 * the subscribed function, and Lambda invokes notify in that trace). It needs SNS's delivery and Lambda's part, which
 * the sandbox plays: {@code SandboxTraceIT} (local/sandbox) shows the whole purchase as one trace.
 */
class BillingTraceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String KEY_PARAMETER = "/stripeSecretKey/test";
    private static final String SPAN = InvocationTracing.SPAN_NAME;

    private static LocalBillingServers servers;
    private static LocalXRayDaemon daemon;

    private BillingHandler handler;

    @BeforeAll
    static void start() {
        servers = new LocalBillingServers();
        daemon = LocalXRayDaemon.start();
    }

    @AfterAll
    static void stop() {
        servers.close();
        daemon.close();
    }

    @BeforeEach
    void coldStart() {
        servers.reset(KEY_PARAMETER, STRIPE_KEY);
        handler = servers.coldStart("dev", Map.of("AWS_XRAY_DAEMON_ADDRESS", daemon.address()));
        // The key's read at init happens outside any trace: nothing may have been sent for it.
        assertThat(daemon.drain()).as("sent at init").isEmpty();
    }

    @Test
    void aPurchaseIsOneTraceWithTheStripeCallThePublishAndTheLedgerUnderTheInvocationsAnnotatedSpan() throws Exception {
        // when
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> purchase = invoke(
                LocalBillingServers.event("events/billing-original.json"));

        // then
        assertThat(purchase.result().getStatusCode()).isEqualTo(200);
        String paymentId = JSON.readTree(purchase.result().getBody()).get("paymentId").asText();
        List<JsonNode> trace = purchase.trace();
        assertThat(trace).as("every entity sent is of this trace").isNotEmpty()
                .allSatisfy(entity -> assertThat(entity.path("trace_id").asText()).isEqualTo(purchase.traceId()));

        JsonNode span = purchase.single(SPAN);
        assertThat(span.path("parent_id").asText()).as("under the runtime's segment").isEqualTo(purchase.segmentId());
        assertThat(span.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(span.at("/annotations/cold_start").isBoolean()).isTrue();
        assertThat(span.at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(span.at("/annotations/paymentId").asText()).isEqualTo(paymentId);
        assertThat(span.path("fault").asBoolean(false)).isFalse();

        JsonNode stripe = purchase.single("Stripe");
        assertThat(stripe.path("namespace").asText()).isEqualTo("remote");
        assertThat(stripe.at("/http/request/method").asText()).isEqualTo("POST");
        assertThat(stripe.at("/http/request/url").asText()).isEqualTo("/v1/payment_intents");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(stripe.at("/metadata/remote/request_id").asText()).matches("req_[A-Za-z0-9]{14}");
        assertThat(stripe.path("error").asBoolean(false)).isFalse();
        assertThat(stripe.path("fault").asBoolean(false)).isFalse();
        assertThat(stripe.path("throttle").asBoolean(false)).isFalse();
        assertThat(stripe.has("annotations")).as("the annotations are the invocation's, not the call's").isFalse();

        JsonNode publish = purchase.single("Sns");
        assertThat(publish.at("/aws/operation").asText()).isEqualTo("Publish");
        assertThat(publish.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(publish.path("fault").asBoolean(false)).isFalse();
        assertThat(publish.at("/aws/topic_arn").asText()).isEqualTo(servers.topicArn);
        assertThat(servers.sns.published(servers.topicArn)).last().extracting(message -> message.traceHeader())
                .as("what SNS passes on to notify: this trace, the Publish as parent")
                .isEqualTo("Root=" + purchase.traceId() + ";Parent=" + publish.path("id").asText() + ";Sampled=1");
        assertThat(purchase.operations("DynamoDb")).contains("PutItem");
        assertThat(purchase.operations("Ssm")).as("the key was read at init, outside the trace").isEmpty();
        assertThat(trace).as("every call is a child of the invocation's span")
                .filteredOn(entity -> !SPAN.equals(entity.path("name").asText()))
                .isNotEmpty()
                .allSatisfy(entity -> assertThat(entity.path("parent_id").asText()).isEqualTo(span.path("id").asText()));
    }

    @Test
    void aDeclinedCardMarksTheStripeCallAnErrorNotAFaultAndTheDeclinedIntentAnnotatesTheInvocation() {
        // when
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> declined = invoke(
                LocalBillingServers.event("events/billing-declined-card.json"));

        // then
        assertThat(declined.result().getStatusCode()).isEqualTo(402);
        JsonNode stripe = declined.single("Stripe");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(402);
        assertThat(stripe.path("error").asBoolean(false)).isTrue();
        assertThat(stripe.path("fault").asBoolean(false)).isFalse();
        assertThat(stripe.path("throttle").asBoolean(false)).isFalse();
        assertThat(stripe.at("/metadata/remote/request_id").asText()).matches("req_[A-Za-z0-9]{14}");
        assertThat(stripe.at("/cause/exceptions/0/type").asText()).isEqualTo("com.stripe.exception.CardException");
        assertThat(stripe.at("/cause/exceptions/0/message").asText()).as("Stripe's codes, not its message")
                .isEqualTo("HTTP 402, type card_error, code card_declined, decline code generic_decline");
        JsonNode span = declined.single(SPAN);
        assertThat(span.at("/annotations/paymentId").asText()).as("Stripe names the declined intent").startsWith("pi_");
        assertThat(span.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(declined.names()).as("nothing is announced").doesNotContain("Sns");
    }

    @Test
    void aRequestRefusedBeforeStripeIsStillAnAnnotatedInvocationWithNoCalls() {
        // when
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> refused = invoke(
                LocalBillingServers.event("events/billing-invalid-storage.json"));

        // then
        assertThat(refused.result().getStatusCode()).isEqualTo(400);
        assertThat(refused.names()).containsExactly(SPAN);
        JsonNode span = refused.single(SPAN);
        assertThat(span.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(span.at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(span.at("/annotations").has("paymentId")).isFalse();
    }

    @Test
    void stripeFailingIsAFault() {
        // given: the first attempt and stripe-java's one retry both get a 500
        servers.stripe.failNext(2, StripeFault.API_ERROR);

        // when
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> failed = invoke(
                LocalBillingServers.event("events/billing-original.json"));

        // then
        assertThat(failed.result().getStatusCode()).isEqualTo(502);
        JsonNode stripe = failed.single("Stripe");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(500);
        assertThat(stripe.path("fault").asBoolean(false)).isTrue();
        assertThat(stripe.path("error").asBoolean(false)).isFalse();
        assertThat(failed.single(SPAN).at("/annotations/stage").asText()).isEqualTo("dev");
    }

    @Test
    void stripeThrottlingIsAThrottledError() {
        // given
        servers.stripe.failNext(2, StripeFault.RATE_LIMIT);

        // when
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> throttled = invoke(
                LocalBillingServers.event("events/billing-original.json"));

        // then
        JsonNode stripe = throttled.single("Stripe");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(429);
        assertThat(stripe.path("throttle").asBoolean(false)).isTrue();
        assertThat(stripe.path("error").asBoolean(false)).isTrue();
        assertThat(stripe.path("fault").asBoolean(false)).isFalse();
    }

    @Test
    void aKeyRefreshDuringAnInvocationIsInThatTraceAndOnlyTheFirstInvocationIsAColdStart() {
        // given: a first purchase, then the key's time to live passes
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> first = invoke(
                LocalBillingServers.event("events/billing-original.json"));
        servers.clock.advance(ParameterStoreCache.DEFAULT_TIME_TO_LIVE.plusSeconds(1));

        // when
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> refreshed = invoke(
                LocalBillingServers.event("events/billing-payment-method.json"));

        // then
        assertThat(refreshed.result().getStatusCode()).isEqualTo(200);
        assertThat(first.operations("Ssm")).isEmpty();
        assertThat(refreshed.operations("Ssm")).containsExactly("GetParameter");
        JsonNode read = refreshed.single("Ssm");
        assertThat(read.path("trace_id").asText()).isEqualTo(refreshed.traceId());
        assertThat(read.path("parent_id").asText()).isEqualTo(refreshed.single(SPAN).path("id").asText());
        assertThat(read.path("fault").asBoolean(false)).isFalse();
        assertThat(refreshed.single(SPAN).path("parent_id").asText())
                .as("the warm container's second invocation hangs from its own segment, not from the first's span")
                .isEqualTo(refreshed.segmentId());
        assertThat(first.single(SPAN).at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(refreshed.single(SPAN).at("/annotations/cold_start").asBoolean()).isFalse();
    }

    /**
     * Lambda sampled the request out: billing sends nothing for it, and its Publish passes the decision on to SNS
     * ({@code Sampled=0}), so that notify's invocation is not recorded either.
     */
    @Test
    void aPurchaseSampledOutSendsNothingAndPassesTheDecisionToSns() {
        // when
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> purchase = daemon.invokeSampledOut(
                context -> LambdaEvents.callProxy(handler, LocalBillingServers.event("events/billing-original.json"),
                        context));

        // then
        assertThat(purchase.result().getStatusCode()).isEqualTo(200);
        assertThat(purchase.trace()).isEmpty();
        assertThat(servers.sns.published(servers.topicArn)).last().extracting(message -> message.traceHeader())
                .isEqualTo("Root=" + purchase.traceId() + ";Sampled=0");
    }

    @Test
    void theWebhooksInvocationIsAnnotatedWithThePaymentIntentOfTheEvent() throws Exception {
        // given: the webhook function of the same stage, and a genuine event whose intent is none of this service's
        StripeWebhookHandler webhook = servers.webhookColdStart("dev",
                Map.of("AWS_XRAY_DAEMON_ADDRESS", daemon.address()));
        daemon.drain();
        String event = JSON.createObjectNode()
                .put("id", "evt_trace1").put("object", "event").put("api_version", Stripe.API_VERSION)
                .put("type", "payment_intent.succeeded")
                .put("created", servers.clock.instant().getEpochSecond())
                .set("data", JSON.createObjectNode().set("object", JSON.createObjectNode()
                        .put("id", "pi_webhookTrace1").put("object", "payment_intent").put("status", "succeeded")))
                .toString();
        String signature = Webhook.Signature.generateSignatureHeader(event, servers.webhookSecret,
                servers.clock.instant().getEpochSecond());
        APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withPath("/billing/webhook").withResource("/billing/webhook").withBody(event)
                .withHeaders(Map.of("Content-Type", "application/json", "Stripe-Signature", signature));

        // when
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> received = daemon.invoke(
                context -> LambdaEvents.callProxy(webhook, request, context));

        // then
        assertThat(received.result().getStatusCode()).isEqualTo(200);
        JsonNode span = received.single(SPAN);
        assertThat(span.path("parent_id").asText()).isEqualTo(received.segmentId());
        assertThat(span.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(span.at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(span.at("/annotations/paymentId").asText()).isEqualTo("pi_webhookTrace1");
    }

    private LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> invoke(APIGatewayProxyRequestEvent event) {
        LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> invocation = daemon.invoke(
                context -> LambdaEvents.callProxy(handler, event, context));
        assertThat(invocation.thrown()).isNull();
        assertThat(invocation.trace()).as("sent to the daemon for trace %s", invocation.traceId()).isNotEmpty()
                .allSatisfy(entity -> assertThat(entity.path("trace_id").asText()).isEqualTo(invocation.traceId()));
        return invocation;
    }
}
