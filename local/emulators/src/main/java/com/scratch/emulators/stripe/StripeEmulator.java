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
 * {@code GET /v1/payment_intents/{id}}. Every answer carries a {@code Request-Id}. Thread-safe.
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

    private final PaymentIntents paymentIntents = new PaymentIntents(Clock.systemUTC());
    private final IdempotentReplies idempotentReplies = new IdempotentReplies();
    private final AtomicReference<String> requiredApiKey = new AtomicReference<>();
    private final EmulatorServer<StripeFault, StripeRequest> server;

    private StripeEmulator(int port) {
        this.server = EmulatorServer.start("stripe", port, Connections.KEEP_ALIVE,
                request -> request.method() + " " + request.path(), this::handle);
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

    /** Every later request waits this long before it is answered; use it to test client timeouts. */
    public void delayResponses(Duration delay) {
        server.delayResponses(delay);
    }

    /** Forgets intents, idempotency keys, requests, queued faults, the delay and the required API key. */
    public void reset() {
        paymentIntents.clear();
        idempotentReplies.clear();
        requiredApiKey.set(null);
        server.reset();
    }

    @Override
    public void close() {
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
