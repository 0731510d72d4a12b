package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.dynamodb.DynamoDbFault;
import com.scratch.emulators.sns.PublishedMessage;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import com.scratch.testing.ConcurrentCalls;
import com.scratch.testing.LambdaEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One payment, one {@code NotePurchased}: repeats, concurrent requests with one key in two containers, and client
 * retries after a failed publish, through billing's cold start, its packaged role and the local DynamoDB ledger.
 */
class OncePerPaymentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");

    @RegisterExtension
    static final LocalBillingServers servers = new LocalBillingServers();
    private BillingHandler handler;

    @BeforeEach
    void coldStart() {
        servers.reset("/stripeSecretKey/test", STRIPE_KEY);
        handler = servers.coldStart("dev");
    }

    @Test
    void aPaidRequestRepeated20TimesIsAnnouncedOnce() throws Exception {
        APIGatewayProxyRequestEvent request = purchase("order-1");

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(LambdaEvents.callProxy(handler, request, null).getStatusCode());
        }

        assertThat(statuses).containsOnly(200);
        assertThat(servers.stripe.createdPaymentIntentCount()).isEqualTo(1);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
        assertThat(servers.refusals).isEmpty();
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyInTwoContainersChargeOnceAndAnnounceOnce() throws Exception {
        BillingHandler otherContainer = servers.coldStart("dev");
        APIGatewayProxyRequestEvent request = purchase("order-2");

        List<APIGatewayProxyResponseEvent> answers = ConcurrentCalls.atOnce(50, caller -> () ->
                LambdaEvents.callProxy(caller % 2 == 0 ? handler : otherContainer, request, null));

        // Each request is answered 200 with the payment, or told another one is completing it; never charged twice.
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isIn(200, 409, 502));
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == 409)
                .allSatisfy(answer -> assertThat(error(answer)).isIn("purchase_in_progress", "idempotency_key_in_use"));
        assertThat(servers.stripe.createdPaymentIntentCount()).isEqualTo(1);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);

        // The clients that were told to retry get the same payment.
        APIGatewayProxyResponseEvent retried = LambdaEvents.callProxy(handler, request, null);
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
        String paymentId = JSON.readTree(retried.getBody()).get("paymentId").asText();
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == 200)
                .allSatisfy(answer -> assertThat(body(answer).get("paymentId").asText()).isEqualTo(paymentId));
    }

    @Test
    void aPublishThatFailedIsMadeByTheClientsRetryAndOnlyThen() throws Exception {
        APIGatewayProxyRequestEvent request = purchase("order-3");
        servers.sns.failNext(3, SnsFault.INTERNAL_ERROR);

        APIGatewayProxyResponseEvent failed = LambdaEvents.callProxy(handler, request, null);
        assertThat(failed.getStatusCode()).isEqualTo(503);
        assertThat(error(failed)).isEqualTo("purchase_not_recorded");
        assertThat(servers.sns.published(servers.topicArn)).isEmpty();

        assertThat(LambdaEvents.callProxy(handler, request, null).getStatusCode()).isEqualTo(200);
        assertThat(LambdaEvents.callProxy(handler, request, null).getStatusCode()).isEqualTo(200);

        assertThat(servers.stripe.createdPaymentIntentCount()).isEqualTo(1);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
    }

    /**
     * SNS takes the publish but answers after the SDK's attempt timeout: the SDK tries again, and each attempt is
     * published. The client hears 503 and retries. However many copies went out, they are one event (one id), which
     * notify texts once (NotifyHandlerIT).
     */
    @Test
    void aPublishAnsweredAfterTheTimeoutGoesOutAsOneEventWhateverTheCopies() throws Exception {
        APIGatewayProxyRequestEvent request = purchase("order-4");
        servers.sns.delayResponses(Duration.ofMillis(2_300));

        APIGatewayProxyResponseEvent first = LambdaEvents.callProxy(handler, request, null);
        servers.sns.delayResponses(Duration.ZERO);
        APIGatewayProxyResponseEvent retried = LambdaEvents.callProxy(handler, request, null);

        assertThat(first.getStatusCode()).isEqualTo(503);
        assertThat(retried.getStatusCode()).isEqualTo(200);
        assertThat(servers.stripe.createdPaymentIntentCount()).isEqualTo(1);
        List<PublishedMessage> copies = servers.sns.published(servers.topicArn);
        assertThat(copies).hasSizeGreaterThan(1);
        assertThat(copies).extracting(copy -> ((NotePurchased) NotePurchasedCodec.decode(copy.message())).eventId())
                .containsOnly(((NotePurchased) NotePurchasedCodec.decode(copies.get(0).message())).eventId());
    }

    @Test
    void aLedgerThatCannotBeWrittenIs503AndTheRetryAnnouncesOnce() throws Exception {
        APIGatewayProxyRequestEvent request = purchase("order-5");
        servers.dynamoDb.failNext(3, DynamoDbFault.INTERNAL_ERROR);

        APIGatewayProxyResponseEvent failed = LambdaEvents.callProxy(handler, request, null);

        assertThat(failed.getStatusCode()).isEqualTo(503);
        assertThat(error(failed)).isEqualTo("purchase_not_recorded");
        assertThat(servers.sns.published(servers.topicArn)).isEmpty();
        assertThat(LambdaEvents.callProxy(handler, request, null).getStatusCode()).isEqualTo(200);
        assertThat(servers.sns.published(servers.topicArn)).hasSize(1);
        assertThat(servers.stripe.createdPaymentIntentCount()).isEqualTo(1);
    }

    private static APIGatewayProxyRequestEvent purchase(String idempotencyKey) {
        return LocalBillingServers.purchase("{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}")
                .withHeaders(Map.of("Idempotency-Key", idempotencyKey));
    }

    private static JsonNode body(APIGatewayProxyResponseEvent answer) {
        try {
            return JSON.readTree(answer.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String error(APIGatewayProxyResponseEvent answer) {
        return body(answer).path("error").asText();
    }
}
