package com.scratch.emulators.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.LoopbackHttpServer;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator's webhooks, received by a loopback server and checked with stripe-java's own
 * {@link Webhook#constructEvent}: what a real receiver would run.
 */
class StripeWebhooksTest {

    private static final String API_KEY = "sk_test_EXAMPLEKEY0000000000abcd";
    private static final long TOLERANCE_SECONDS = 300;
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static StripeEmulator stripe;
    private static StripeClient client;

    private Receiver receiver;
    private String secret;

    @BeforeAll
    static void startEmulator() {
        stripe = StripeEmulator.start();
        client = StripeClient.builder().setApiKey(API_KEY).setApiBase(stripe.endpoint().toString()).build();
    }

    @BeforeEach
    void registerReceiver() {
        receiver = new Receiver();
        secret = StripeEmulator.newWebhookSecret();
        stripe.registerWebhookEndpoint(receiver.url(), secret);
    }

    @AfterEach
    void resetEmulator() {
        stripe.reset();
        receiver.close();
    }

    @AfterAll
    static void stopEmulator() {
        stripe.close();
    }

    @Test
    void aSucceededIntentIsOneSignedEventThatStripeJavaVerifiesAndDeserializes() throws Exception {
        // given
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-2001").build();

        // when
        PaymentIntent created = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(4200L).setCurrency("eur").setPaymentMethod("pm_card_visa").setConfirm(true)
                .putMetadata("order_id", "2001").putMetadata("customer_name", "Zoë Ærø")
                .build(), options);
        stripe.awaitWebhooksSettled(SETTLE);

        // then: what arrived verifies with the endpoint's secret and is the intent as the API answered it
        Received request = receiver.single();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/webhooks/stripe");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("User-Agent")).isEqualTo("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        Event event = Webhook.constructEvent(request.body(), request.header("Stripe-Signature"), secret,
                TOLERANCE_SECONDS);
        assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.getId()).matches("evt_[A-Za-z0-9]{24}");
        assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(event.getLivemode()).isFalse();
        assertThat(event.getPendingWebhooks()).isEqualTo(1L);
        assertThat(event.getRequest().getId()).isEqualTo(created.getLastResponse().requestId());
        assertThat(event.getRequest().getIdempotencyKey()).isEqualTo("order-2001");
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseThrow(
                () -> new AssertionError("stripe-java did not deserialize data.object: api_version mismatch?"));
        assertThat(object).isInstanceOfSatisfying(PaymentIntent.class, intent -> {
            assertThat(intent.getId()).isEqualTo(created.getId());
            assertThat(intent.getAmount()).isEqualTo(4200L);
            assertThat(intent.getCurrency()).isEqualTo("eur");
            assertThat(intent.getStatus()).isEqualTo("succeeded");
            assertThat(intent.getMetadata()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("order_id", "2001", "customer_name", "Zoë Ærø"));
        });
        assertThat(MAPPER.readTree(event.getDataObjectDeserializer().getRawJson()))
                .isEqualTo(MAPPER.readTree(created.getLastResponse().body()));

        WebhookDelivery delivery = stripe.webhookDeliveries().get(0);
        assertThat(stripe.webhookDeliveries()).containsExactly(delivery);
        assertThat(delivery.eventId()).isEqualTo(event.getId());
        assertThat(delivery.type()).isEqualTo("payment_intent.succeeded");
        assertThat(delivery.paymentIntentId()).isEqualTo(created.getId());
        assertThat(delivery.endpoint()).isEqualTo(receiver.url());
        assertThat(delivery.endpointId()).matches("we_[A-Za-z0-9]{24}");
        assertThat(delivery.attempt()).isEqualTo(1);
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.failure()).isNull();
        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.replay()).isFalse();
        assertThat(delivery.payload()).isEqualTo(request.body());
        assertThat(delivery.signature()).isEqualTo(request.header("Stripe-Signature"))
                .startsWith("t=" + delivery.signedAt().getEpochSecond() + ",v1=");
        assertThat(delivery.signedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(stripe.pendingWebhookCount()).isZero();
    }

    @Test
    void theSignatureIsHmacSha256OfTimestampDotPayloadAsStripeJavaComputesIt() throws Exception {
        // when
        String header = Webhooks.signature("whsec_test", 1_700_000_000L, "{\"id\":\"evt_1\"}");

        // then
        assertThat(header).isEqualTo("t=1700000000,v1="
                + Webhook.Util.computeHmacSha256("whsec_test", "1700000000.{\"id\":\"evt_1\"}"));
        assertThat(StripeEmulator.newWebhookSecret()).matches("whsec_[A-Za-z0-9]{32}")
                .isNotEqualTo(StripeEmulator.newWebhookSecret());
    }

    @Test
    void anEventWithTheWrongSecretOrAChangedPayloadDoesNotVerify() throws Exception {
        // given
        client.v1().paymentIntents().create(visa(1000L));
        stripe.awaitWebhooksSettled(SETTLE);
        Received request = receiver.single();

        // when / then
        assertThatThrownBy(() -> Webhook.constructEvent(request.body(), request.header("Stripe-Signature"),
                StripeEmulator.newWebhookSecret(), TOLERANCE_SECONDS))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> Webhook.constructEvent(request.body().replace("1000", "9000"),
                request.header("Stripe-Signature"), secret, TOLERANCE_SECONDS))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void declinedAndUnconfirmedIntentsSendNothing() throws Exception {
        // when
        assertThatThrownBy(() -> client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").setPaymentMethod("pm_card_chargeDeclined").setConfirm(true)
                .build())).isInstanceOf(CardException.class);
        client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").setPaymentMethod("pm_card_visa").build());
        client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).build());
        stripe.awaitWebhooksSettled(SETTLE);

        // then
        assertThat(stripe.createdPaymentIntentCount()).isEqualTo(3);
        assertThat(stripe.webhookDeliveries()).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anIdempotentReplayOfTheCreateSendsNoSecondEvent() throws Exception {
        // given
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("order-2002").build();

        // when
        PaymentIntent first = client.v1().paymentIntents().create(visa(2000L), options);
        PaymentIntent replayed = client.v1().paymentIntents().create(visa(2000L), options);
        stripe.awaitWebhooksSettled(SETTLE);

        // then
        assertThat(replayed.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(stripe.webhookDeliveries()).singleElement()
                .extracting(WebhookDelivery::paymentIntentId).isEqualTo(first.getId());
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aReceiverAnswering500TwiceGetsAThirdAttemptEachSignedAfresh() throws Exception {
        // given
        receiver.answerNext(500, 500);

        // when
        PaymentIntent intent = client.v1().paymentIntents().create(visa(3000L));
        stripe.awaitWebhooksSettled(SETTLE);

        // then
        List<WebhookDelivery> deliveries = stripe.webhookDeliveries();
        assertThat(deliveries).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(500, 500, 200);
        assertThat(deliveries).extracting(WebhookDelivery::eventId).containsOnly(deliveries.get(0).eventId());
        assertThat(deliveries).extracting(WebhookDelivery::paymentIntentId).containsOnly(intent.getId());
        assertThat(deliveries.get(2).delivered()).isTrue();
        assertThat(receiver.received()).hasSize(3).allSatisfy(request -> assertThat(
                Webhook.constructEvent(request.body(), request.header("Stripe-Signature"), secret, TOLERANCE_SECONDS)
                        .getId()).isEqualTo(deliveries.get(0).eventId()));
        assertThat(receiver.received()).extracting(Received::body).containsOnly(deliveries.get(0).payload());
    }

    @Test
    void aReceiverSlowerThanTheReadTimeoutIsRetried() throws Exception {
        // given
        stripe.setWebhookPolicy(new WebhookPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1),
                Duration.ofMillis(200)));
        receiver.stallNext(Duration.ofSeconds(2));

        // when
        client.v1().paymentIntents().create(visa(3100L));
        stripe.awaitWebhooksSettled(SETTLE);

        // then
        List<WebhookDelivery> deliveries = stripe.webhookDeliveries();
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(0, 200);
        assertThat(deliveries.get(0).failure()).isEqualTo("no answer within 200 ms");
        assertThat(deliveries.get(0).delivered()).isFalse();
    }

    @Test
    void anUnreachableEndpointIsGivenUpOnAfterThePolicysAttempts() throws Exception {
        // given: a port nobody listens on
        stripe.reset();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        stripe.registerWebhookEndpoint(URI.create("http://127.0.0.1:" + closedPort + "/hook"), secret);
        stripe.setWebhookPolicy(new WebhookPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1),
                Duration.ofSeconds(1)));

        // when
        client.v1().paymentIntents().create(visa(3200L));
        stripe.awaitWebhooksSettled(SETTLE);

        // then
        assertThat(stripe.webhookDeliveries()).hasSize(3).allSatisfy(delivery -> {
            assertThat(delivery.status()).isZero();
            assertThat(delivery.failure()).containsIgnoringCase("connect");
        });
        assertThat(stripe.pendingWebhookCount()).isZero();
    }

    @Test
    void theApiAnswerDoesNotWaitForTheReceiver() throws Exception {
        // given: a receiver that does not answer until the test lets it, well within the read timeout
        stripe.setWebhookPolicy(new WebhookPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1),
                Duration.ofSeconds(20)));
        CountDownLatch letAnswer = receiver.blockUntil();

        // when
        PaymentIntent intent = client.v1().paymentIntents().create(visa(3300L));

        // then: answered while the webhook is still pending; settling needs the receiver
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(stripe.pendingWebhookCount()).isEqualTo(1);
        assertThatThrownBy(() -> stripe.awaitWebhooksSettled(Duration.ofMillis(100)))
                .isInstanceOfSatisfying(WebhooksNotSettledException.class,
                        e -> assertThat(e.outstanding()).isEqualTo(1));
        letAnswer.countDown();
        stripe.awaitWebhooksSettled(SETTLE);
        assertThat(stripe.webhookDeliveries()).singleElement().extracting(WebhookDelivery::status).isEqualTo(200);
    }

    @Test
    void duplicateNextWebhooksDeliversTheSameEventTwice() throws Exception {
        // given
        stripe.duplicateNextWebhooks(1);

        // when
        PaymentIntent duplicated = client.v1().paymentIntents().create(visa(4000L));
        PaymentIntent single = client.v1().paymentIntents().create(visa(4001L));
        stripe.awaitWebhooksSettled(SETTLE);

        // then
        Map<String, List<WebhookDelivery>> byIntent = stripe.webhookDeliveries().stream()
                .collect(Collectors.groupingBy(WebhookDelivery::paymentIntentId));
        assertThat(byIntent.get(duplicated.getId())).hasSize(2).allSatisfy(delivery -> {
            assertThat(delivery.attempt()).isEqualTo(1);
            assertThat(delivery.status()).isEqualTo(200);
        }).extracting(WebhookDelivery::eventId).containsOnly(byIntent.get(duplicated.getId()).get(0).eventId());
        assertThat(byIntent.get(single.getId())).hasSize(1);
        List<String> receivedEventIds = new ArrayList<>();
        for (Received request : receiver.received()) {
            receivedEventIds.add(Webhook.constructEvent(request.body(), request.header("Stripe-Signature"), secret,
                    TOLERANCE_SECONDS).getId());
        }
        assertThat(receivedEventIds).hasSize(3);
        assertThat(Set.copyOf(receivedEventIds)).hasSize(2);
    }

    @Test
    void heldWebhooksAreSentOnlyOnRelease() throws Exception {
        // given
        stripe.holdWebhooks();

        // when
        PaymentIntent intent = client.v1().paymentIntents().create(visa(5000L));

        // then: queued, not sent, and awaiting says why at once
        assertThat(stripe.pendingWebhookCount()).isEqualTo(1);
        assertThatThrownBy(() -> stripe.awaitWebhooksSettled(SETTLE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("releaseWebhooks");
        assertThat(client.v1().paymentIntents().retrieve(intent.getId()).getStatus()).isEqualTo("succeeded");
        assertThat(receiver.received()).isEmpty();
        stripe.releaseWebhooks();
        stripe.awaitWebhooksSettled(SETTLE);
        assertThat(stripe.webhookDeliveries()).singleElement()
                .extracting(WebhookDelivery::paymentIntentId).isEqualTo(intent.getId());
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aVerbatimReplayOfACapturedDeliveryIsRefusedOnceOutsideTheTolerance() throws Exception {
        // given: a delivery an attacker captured
        client.v1().paymentIntents().create(visa(6000L));
        stripe.awaitWebhooksSettled(SETTLE);
        WebhookDelivery captured = stripe.webhookDeliveries().get(0);

        // when
        WebhookDelivery replayed = stripe.replayDelivery(captured);

        // then: the same bytes arrive again, signature and old timestamp included
        assertThat(replayed.replay()).isTrue();
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.signedAt()).isEqualTo(captured.signedAt());
        assertThat(stripe.webhookDeliveries()).containsExactly(captured, replayed);
        List<Received> received = receiver.received();
        assertThat(received).hasSize(2);
        Received replay = received.get(1);
        assertThat(replay.body()).isEqualTo(received.get(0).body()).isEqualTo(captured.payload());
        assertThat(replay.header("Stripe-Signature")).isEqualTo(captured.signature());
        // Within five minutes of signing it still verifies (the receiver must deduplicate by event id) ...
        Webhook.constructEvent(replay.body(), replay.header("Stripe-Signature"), secret, TOLERANCE_SECONDS);
        // ... and once the capture is older than the tolerance, stripe-java refuses it.
        Clock sixMinutesLater = Clock.fixed(captured.signedAt().plusSeconds(TOLERANCE_SECONDS + 60), Clock.systemUTC().getZone());
        assertThatThrownBy(() -> Webhook.constructEvent(replay.body(), replay.header("Stripe-Signature"), secret,
                TOLERANCE_SECONDS, sixMinutesLater))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("tolerance");
        Clock fourMinutesLater = Clock.fixed(captured.signedAt().plusSeconds(TOLERANCE_SECONDS - 60), Clock.systemUTC().getZone());
        assertThat(Webhook.constructEvent(replay.body(), replay.header("Stripe-Signature"), secret,
                TOLERANCE_SECONDS, fourMinutesLater).getId()).isEqualTo(captured.eventId());
    }

    @Test
    void everyEndpointGetsTheEventSignedWithItsOwnSecret() throws Exception {
        // given
        try (Receiver second = new Receiver()) {
            String secondSecret = StripeEmulator.newWebhookSecret();
            stripe.registerWebhookEndpoint(second.url(), secondSecret);

            // when
            client.v1().paymentIntents().create(visa(7000L));
            stripe.awaitWebhooksSettled(SETTLE);

            // then
            Received atFirst = receiver.single();
            Received atSecond = second.single();
            Event first = Webhook.constructEvent(atFirst.body(), atFirst.header("Stripe-Signature"), secret,
                    TOLERANCE_SECONDS);
            Event other = Webhook.constructEvent(atSecond.body(), atSecond.header("Stripe-Signature"), secondSecret,
                    TOLERANCE_SECONDS);
            assertThat(other.getId()).isEqualTo(first.getId());
            assertThat(first.getPendingWebhooks()).isEqualTo(2L);
            assertThatThrownBy(() -> Webhook.constructEvent(atSecond.body(), atSecond.header("Stripe-Signature"),
                    secret, TOLERANCE_SECONDS)).isInstanceOf(SignatureVerificationException.class);
        }
    }

    @Test
    void concurrentCreatesSendOneEventEach() throws Exception {
        // given
        ExecutorService threads = Executors.newFixedThreadPool(20);
        List<Callable<PaymentIntent>> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long amount = 100L + i;
            creates.add(() -> client.v1().paymentIntents().create(visa(amount)));
        }

        // when
        Set<String> intentIds;
        try {
            List<String> ids = new ArrayList<>();
            for (Future<PaymentIntent> future : threads.invokeAll(creates)) {
                ids.add(future.get().getId());
            }
            intentIds = Set.copyOf(ids);
        } finally {
            threads.shutdownNow();
        }
        stripe.awaitWebhooksSettled(SETTLE);

        // then
        List<WebhookDelivery> deliveries = stripe.webhookDeliveries();
        assertThat(deliveries).hasSize(20).allMatch(WebhookDelivery::delivered);
        assertThat(deliveries.stream().map(WebhookDelivery::paymentIntentId).collect(Collectors.toSet()))
                .isEqualTo(intentIds);
        assertThat(deliveries).extracting(WebhookDelivery::eventId).doesNotHaveDuplicates();
    }

    @Test
    void resetForgetsEndpointsQueueAndDeliveries() throws Exception {
        // given
        client.v1().paymentIntents().create(visa(8000L));
        stripe.awaitWebhooksSettled(SETTLE);
        stripe.holdWebhooks();
        client.v1().paymentIntents().create(visa(8001L));

        // when
        stripe.reset();

        // then: the held event is gone, and so is the endpoint
        assertThat(stripe.webhookDeliveries()).isEmpty();
        assertThat(stripe.pendingWebhookCount()).isZero();
        client.v1().paymentIntents().create(visa(8002L));
        stripe.awaitWebhooksSettled(SETTLE);
        assertThat(stripe.webhookDeliveries()).isEmpty();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void registeringRejectsNonHttpUrlsAndEmptySecrets() {
        assertThatThrownBy(() -> stripe.registerWebhookEndpoint(URI.create("/relative"), secret))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stripe.registerWebhookEndpoint(URI.create("ftp://127.0.0.1/hook"), secret))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stripe.registerWebhookEndpoint(receiver.url(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closeStopsTheSenderThread() {
        // given
        long before = senderThreads();
        StripeEmulator other = StripeEmulator.start();
        assertThat(senderThreads()).isEqualTo(before + 1);

        // when
        other.close();

        // then
        assertThat(senderThreads()).isEqualTo(before);
    }

    private static long senderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("stripe-webhooks") && thread.isAlive())
                .peek(thread -> assertThat(thread.isDaemon()).isTrue())
                .count();
    }

    private static PaymentIntentCreateParams visa(long amount) {
        return PaymentIntentCreateParams.builder()
                .setAmount(amount).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true).build();
    }

    /** One request the receiver got; header names are case-insensitive. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * A webhook endpoint on loopback: records every request, answers 200 unless told otherwise
     * ({@link #answerNext}), can stall ({@link #stallNext}) or wait for the test ({@link #blockUntil}).
     */
    static final class Receiver implements AutoCloseable {

        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
        private final Queue<Duration> stalls = new ConcurrentLinkedQueue<>();
        private volatile CountDownLatch gate;
        private final LoopbackHttpServer server = LoopbackHttpServer.start("webhook-receiver", 0, 4, this::handle);

        URI url() {
            return server.endpoint().resolve("/webhooks/stripe");
        }

        List<Received> received() {
            return List.copyOf(received);
        }

        Received single() {
            assertThat(received).hasSize(1);
            return received.get(0);
        }

        void answerNext(Integer... codes) {
            statuses.addAll(List.of(codes));
        }

        void stallNext(Duration stall) {
            stalls.add(stall);
        }

        CountDownLatch blockUntil() {
            gate = new CountDownLatch(1);
            return gate;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                CountDownLatch waitFor = gate;
                Duration stall = stalls.poll();
                if (waitFor != null && !waitFor.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the test never let the receiver answer");
                }
                if (stall != null) {
                    Thread.sleep(stall.toMillis());
                }
                Integer status = statuses.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
