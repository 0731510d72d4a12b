package com.scratch.emulators.stripe;

import com.scratch.emulators.internal.EmulatorServer;
import com.scratch.emulators.internal.EmulatorServer.Connections;
import com.scratch.emulators.internal.FormBody;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RandomIds;
import com.scratch.emulators.internal.ReceivedRequest;
import com.scratch.emulators.internal.RejectedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stripe test mode for PaymentIntents, spoken over HTTP to the real stripe-java {@code StripeClient}:
 * {@code POST /v1/payment_intents} (with {@code confirm}, test cards, declines and idempotency keys) and
 * {@code GET /v1/payment_intents/{id}}. Every answer carries a {@code Request-Id}. An intent that succeeds is
 * sent as a signed {@code payment_intent.succeeded} webhook to each {@link #registerWebhookEndpoint registered
 * endpoint}, from a background thread, with retries. Thread-safe.
 *
 * <pre>{@code
 * try (StripeEmulator stripe = StripeEmulator.start()) {
 *     StripeClient client = StripeClient.builder().setApiKey("sk_test_123")
 *             .setApiBase(stripe.endpoint().toString()).build();
 *     client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
 *             .setAmount(2000L).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true).build());
 *     assertThat(stripe.createdPaymentIntentCount()).isEqualTo(1);
 * }
 * }</pre>
 */
public final class StripeEmulator implements AutoCloseable {

    private static final String PAYMENT_INTENTS = "/v1/payment_intents";

    private final Webhooks webhooks = new Webhooks(Clock.systemUTC());
    private final PaymentIntents paymentIntents = new PaymentIntents(Clock.systemUTC(), webhooks::paymentIntentSucceeded);
    private final IdempotentReplies idempotentReplies = new IdempotentReplies();
    private final AtomicReference<String> requiredApiKey = new AtomicReference<>();
    private final EmulatorServer<StripeFault, StripeRequest> server;

    private StripeEmulator(int port) {
        try {
            this.server = EmulatorServer.start("stripe", port, Connections.KEEP_ALIVE,
                    request -> request.method() + " " + request.path(), this::handle);
        } catch (RuntimeException e) {
            // The port was taken, say: the sender thread must not outlive an emulator that never started.
            webhooks.close();
            throw e;
        }
    }

    /** Starts on a free port. */
    public static StripeEmulator start() {
        return start(0);
    }

    public static StripeEmulator start(int port) {
        return new StripeEmulator(port);
    }

    /** For example {@code http://127.0.0.1:49152}; pass {@code endpoint().toString()} to {@code setApiBase}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * A new test-mode secret key nobody can guess ({@code sk_test_local} and 24 characters from a
     * {@link java.security.SecureRandom}): give it to {@link #requireApiKey} and to the client, and no other local
     * process can charge through this emulator.
     */
    public static String newSecretKey() {
        return RandomIds.secret("sk_test_local", 24);
    }

    /** From now on only this key is accepted (it must still be a test key); others get a 401. */
    public void requireApiKey(String key) {
        requiredApiKey.set(Objects.requireNonNull(key, "key == null"));
    }

    /** Every request received since start or {@link #reset()}, in arrival order, failed ones included. */
    public List<StripeRequest> requests() {
        return server.received();
    }

    /** Every PaymentIntent created, declined ones included, in creation order; replays create none. */
    public List<PaymentIntentRecord> paymentIntents() {
        return paymentIntents.created();
    }

    public int createdPaymentIntentCount() {
        return paymentIntents.created().size();
    }

    /** The next {@code times} requests fail with {@code fault}, before authentication and idempotency. */
    public void failNext(int times, StripeFault fault) {
        server.failNext(times, fault);
    }

    /**
     * From now on each request without a queued fault fails with {@code fault} with probability {@code share},
     * drawn from a generator seeded with {@code seed} (repeatable); {@link #reset()} turns it off.
     */
    public void failRandomly(double share, StripeFault fault, long seed) {
        server.failRandomly(share, fault, seed);
    }

    /** How many requests {@link #failRandomly} has failed so far. */
    public int randomFaultsServed() {
        return server.randomFaultsServed();
    }

    /** Every later request waits this long before it is answered; use it to test client timeouts. */
    public void delayResponses(Duration delay) {
        server.delayResponses(delay);
    }

    /**
     * A new webhook signing secret nobody can guess ({@code whsec_} and 32 characters from a
     * {@link java.security.SecureRandom}), for {@link #registerWebhookEndpoint} and the receiver's verification.
     */
    public static String newWebhookSecret() {
        return RandomIds.secret("whsec_", 32);
    }

    /**
     * From now on every PaymentIntent that succeeds is sent to {@code url} as a {@code payment_intent.succeeded}
     * Event, signed with {@code signingSecret} as Stripe signs, from a background thread; see
     * {@link #webhookDeliveries()}. Intents already created are not sent.
     *
     * <pre>{@code
     * String secret = StripeEmulator.newWebhookSecret();
     * stripe.registerWebhookEndpoint(URI.create("http://127.0.0.1:8080/webhooks/stripe"), secret);
     * client.v1().paymentIntents().create(params);            // answered at once
     * stripe.awaitWebhooksSettled(Duration.ofSeconds(5));      // delivered, retried or given up on
     * // the receiver: Webhook.constructEvent(body, request.header("Stripe-Signature"), secret, 300)
     * }</pre>
     *
     * @param url an absolute {@code http} or {@code https} URL
     * @return the endpoint's id, {@code we_...}, as in {@link WebhookDelivery#endpointId()}
     * @throws IllegalArgumentException for another kind of URL or an empty secret
     */
    public String registerWebhookEndpoint(URI url, String signingSecret) {
        return webhooks.register(url, signingSecret);
    }

    /**
     * Every webhook POST since start or {@link #reset()}, in the order they were answered: each attempt, each
     * duplicate and each replay is one.
     */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Deliveries queued (retries and held ones included) or on the wire now. */
    public int pendingWebhookCount() {
        return webhooks.pending();
    }

    /**
     * Waits until no delivery is queued or on the wire: each event was delivered or given up on after
     * {@link WebhookPolicy#attempts()}. Events are queued before the API answer, so after a create has returned
     * this covers its event. Returns at once when nothing is pending.
     *
     * @throws WebhooksNotSettledException when {@code timeout} runs out first (or the waiting thread is interrupted)
     * @throws IllegalStateException when deliveries are {@link #holdWebhooks() held}, at once rather than at the timeout
     */
    public void awaitWebhooksSettled(Duration timeout) {
        webhooks.awaitSettled(timeout);
    }

    /**
     * The next {@code events} events are each delivered twice (two separate deliveries of the same event id and
     * payload, each signed and retried on its own), as Stripe warns may happen: receivers must be idempotent.
     * Events raised while no endpoint is registered do not count.
     */
    public void duplicateNextWebhooks(int events) {
        webhooks.duplicateNext(events);
    }

    /**
     * Until {@link #releaseWebhooks()}, events (and retries) are queued but not sent: lets a test make the
     * webhook arrive after the client's own retry or follow-up call instead of racing it.
     */
    public void holdWebhooks() {
        webhooks.hold();
    }

    /** Sends what {@link #holdWebhooks()} kept back, in the order it was queued, and later events as they come. */
    public void releaseWebhooks() {
        webhooks.release();
    }

    /** Retries, backoff and timeouts of later attempts; {@link WebhookPolicy#defaults()} until set, and after {@link #reset()}. */
    public void setWebhookPolicy(WebhookPolicy policy) {
        webhooks.usePolicy(policy);
    }

    /**
     * POSTs a recorded delivery again, byte for byte: the same body and the same {@code Stripe-Signature}, so
     * the same old {@code t=}, as an attacker replaying a captured request would. Sent at once on the calling
     * thread, never retried, even while deliveries are held; recorded in {@link #webhookDeliveries()} with
     * {@code replay} true. A receiver that checks the timestamp with Stripe's 5-minute tolerance refuses it once
     * the capture is older than that; one that also remembers event ids refuses it before.
     *
     * <pre>{@code
     * WebhookDelivery captured = stripe.webhookDeliveries().get(0);
     * WebhookDelivery replayed = stripe.replayDelivery(captured);
     * assertThat(replayed.status()).isEqualTo(400);   // the receiver has seen captured.eventId() already
     * }</pre>
     *
     * @return the replay's outcome
     */
    public WebhookDelivery replayDelivery(WebhookDelivery captured) {
        return webhooks.replay(captured);
    }

    /**
     * Forgets intents, idempotency keys, requests, queued faults, the delay and the required API key, and every
     * webhook endpoint, queued delivery, recorded delivery, hold, pending duplicate and the webhook policy. A
     * delivery already on the wire completes but is neither recorded nor retried.
     */
    public void reset() {
        webhooks.reset();
        paymentIntents.clear();
        idempotentReplies.clear();
        requiredApiKey.set(null);
        server.reset();
    }

    /** Stops the server and the webhook sender; queued deliveries are dropped. */
    @Override
    public void close() {
        webhooks.close();
        server.close();
    }

    private HttpReply handle(ReceivedRequest request) {
        String requestId = RandomIds.alphanumeric("req_", 14);
        HttpReply reply;
        try {
            reply = answer(request, requestId);
        } catch (RejectedRequest rejected) {
            reply = rejected.reply();
        }
        reply = reply.withHeader("Request-Id", requestId);
        String idempotencyKey = request.header("Idempotency-Key");
        return idempotencyKey == null ? reply : reply.withHeader("Idempotency-Key", idempotencyKey);
    }

    private HttpReply answer(ReceivedRequest request, String requestId) {
        String apiKey = bearerKey(request.header("Authorization"));
        String idempotencyKey = request.header("Idempotency-Key");
        Map<String, String> form = form(request.method().equals("GET") ? request.query() : request.body());
        server.record(new StripeRequest(request.method(), request.path(), form, idempotencyKey, apiKey));
        server.nextFault().ifPresent(fault -> {
            throw fault.toError(ApiKeys.mask(apiKey));
        });
        if (!ApiKeys.accepts(apiKey, requiredApiKey.get())) {
            throw StripeErrors.invalidApiKey(ApiKeys.mask(apiKey));
        }
        String path = request.path();
        if (request.method().equals("POST") && path.equals(PAYMENT_INTENTS)) {
            if (idempotencyKey == null) {
                return paymentIntents.create(form, null, requestId);
            }
            return idempotentReplies.answer(apiKey + "\n" + idempotencyKey, form,
                    () -> paymentIntents.create(form, idempotencyKey, requestId));
        }
        if (request.method().equals("GET") && path.startsWith(PAYMENT_INTENTS + "/")
                && path.indexOf('/', PAYMENT_INTENTS.length() + 1) < 0) {
            return paymentIntents.retrieve(path.substring(PAYMENT_INTENTS.length() + 1));
        }
        throw StripeErrors.notFound(null, null, "Unrecognized request URL (" + request.method() + ": " + path
                + "). This emulator supports POST " + PAYMENT_INTENTS + " and GET " + PAYMENT_INTENTS + "/{id}.");
    }

    private static String bearerKey(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = authorization.substring(7).trim();
        return key.isEmpty() ? null : key;
    }

    private static Map<String, String> form(String text) {
        try {
            return FormBody.parse(text);
        } catch (IllegalArgumentException e) {
            throw StripeErrors.invalidRequest(null, null, "Invalid request: the body is not valid form encoding.");
        }
    }
}
