package com.scratch.emulators.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.internal.RandomIds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's webhook deliveries: an Event per PaymentIntent that succeeds, POSTed to every registered endpoint
 * with a {@code Stripe-Signature} under that endpoint's secret, retried with backoff when the receiver does not
 * answer 2xx. One daemon sender thread works through a queue ordered by due time, so the API answer never waits
 * for a receiver. Every field below is guarded by {@code lock}; HTTP happens outside it.
 */
final class Webhooks implements AutoCloseable {

    /** What real Stripe sends; receivers sometimes filter on it. */
    static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";
    /**
     * stripe-java 33.3.0's {@code Stripe.API_VERSION}. Its {@code EventDataObjectDeserializer.getObject()} is
     * empty for an event of any other version, so a receiver written against it would see no PaymentIntent
     * ({@code StripeWebhooksTest} fails when stripe-java moves on and this is not updated).
     */
    static final String API_VERSION = "2026-07-29.dahlia";
    static final String PAYMENT_INTENT_SUCCEEDED = "payment_intent.succeeded";

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every change of the queue, the hold, the in-flight count or closing. */
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Attempt> queue =
            new PriorityQueue<>(Comparator.comparingLong(Attempt::dueNanos).thenComparingLong(Attempt::sequence));
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final Thread sender;
    private long sequence;
    /** Bumped by {@link #reset()}: an attempt on the wire during a reset is neither recorded nor retried. */
    private long generation;
    private int inFlight;
    private boolean held;
    private int duplicatesLeft;
    private boolean closed;
    private WebhookPolicy policy;
    private HttpClient http;

    Webhooks(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        usePolicy(WebhookPolicy.defaults());
        this.sender = new Thread(this::sendUntilClosed, "stripe-webhooks");
        sender.setDaemon(true);
        sender.start();
    }

    String register(URI url, String secret) {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(secret, "signingSecret == null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("a webhook endpoint is an absolute http or https URL: " + url);
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("signingSecret is empty");
        }
        Endpoint endpoint = new Endpoint(RandomIds.alphanumeric("we_", 24), url, secret);
        lock.lock();
        try {
            endpoints.put(endpoint.id(), endpoint);
        } finally {
            lock.unlock();
        }
        return endpoint.id();
    }

    /**
     * Queues {@code payment_intent.succeeded} for every endpoint; called once per intent, when it is created
     * succeeded (an idempotent replay does not create it again, so it sends nothing). Only queues: quick.
     */
    void paymentIntentSucceeded(ObjectNode intent, String requestId, String idempotencyKey) {
        lock.lock();
        try {
            if (endpoints.isEmpty() || closed) {
                return;
            }
            Event event = event(PAYMENT_INTENT_SUCCEEDED, intent, requestId, idempotencyKey, endpoints.size());
            int copies = 1;
            if (duplicatesLeft > 0) {
                duplicatesLeft--;
                copies = 2;
            }
            long now = System.nanoTime();
            for (Endpoint endpoint : endpoints.values()) {
                for (int copy = 0; copy < copies; copy++) {
                    queue.add(new Attempt(event, endpoint, 1, now, sequence++, generation));
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<WebhookDelivery> deliveries() {
        lock.lock();
        try {
            return List.copyOf(deliveries);
        } finally {
            lock.unlock();
        }
    }

    /** Deliveries queued (first tries, retries, held ones) or on the wire. */
    int pending() {
        lock.lock();
        try {
            return pendingLocked();
        } finally {
            lock.unlock();
        }
    }

    void awaitSettled(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!queue.isEmpty() || inFlight > 0) {
                if (held && inFlight == 0) {
                    // Waiting could only run out the clock: nothing moves until releaseWebhooks().
                    throw new IllegalStateException(queue.size()
                            + " webhook deliveries are held; call releaseWebhooks() before awaiting them");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new WebhooksNotSettledException(timeout, pendingLocked());
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhooksNotSettledException(timeout, pendingLocked());
        } finally {
            lock.unlock();
        }
    }

    void duplicateNext(int events) {
        if (events < 0) {
            throw new IllegalArgumentException("events < 0: " + events);
        }
        lock.lock();
        try {
            duplicatesLeft += events;
        } finally {
            lock.unlock();
        }
    }

    void hold() {
        setHeld(true);
    }

    void release() {
        setHeld(false);
    }

    void usePolicy(WebhookPolicy newPolicy) {
        Objects.requireNonNull(newPolicy, "policy == null");
        lock.lock();
        try {
            if (http != null && policy.connectTimeout().equals(newPolicy.connectTimeout())) {
                policy = newPolicy;
                return;
            }
        } finally {
            lock.unlock();
        }
        // The connect timeout belongs to the client, so a new one needs a new client (each has a selector
        // thread); the old one, idle, is left to the garbage collector.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(newPolicy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        lock.lock();
        try {
            policy = newPolicy;
            http = client;
        } finally {
            lock.unlock();
        }
    }

    /**
     * POSTs a recorded delivery's exact payload and signature again, now, on the caller's thread, as an
     * attacker who captured it would: no re-signing, no retry, not held. The result is recorded too.
     */
    WebhookDelivery replay(WebhookDelivery captured) {
        Objects.requireNonNull(captured, "delivery == null");
        WebhookPolicy current;
        HttpClient client;
        long replayGeneration;
        lock.lock();
        try {
            current = policy;
            client = http;
            replayGeneration = generation;
        } finally {
            lock.unlock();
        }
        Outcome outcome = post(client, current, captured.endpoint(), captured.payload(), captured.signature());
        WebhookDelivery replayed = new WebhookDelivery(captured.eventId(), captured.type(),
                captured.paymentIntentId(), captured.endpointId(), captured.endpoint(), captured.attempt(),
                outcome.status(), outcome.failure(), captured.signedAt(), captured.payload(), captured.signature(),
                true);
        lock.lock();
        try {
            if (replayGeneration == generation) {
                deliveries.add(replayed);
            }
        } finally {
            lock.unlock();
        }
        return replayed;
    }

    void reset() {
        lock.lock();
        try {
            generation++;
            queue.clear();
            endpoints.clear();
            deliveries.clear();
            held = false;
            duplicatesLeft = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        usePolicy(WebhookPolicy.defaults());
    }

    /** Drops what is queued and stops the sender; a POST on the wire is abandoned. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        sender.interrupt();
        try {
            sender.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>" under the secret's UTF-8 bytes>}, as Stripe signs. */
    static String signature(String secret, long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    private void sendUntilClosed() {
        try {
            while (true) {
                Attempt attempt;
                WebhookPolicy current;
                HttpClient client;
                lock.lock();
                try {
                    attempt = nextDue();
                    if (attempt == null) {
                        return;
                    }
                    inFlight++;
                    current = policy;
                    client = http;
                } finally {
                    lock.unlock();
                }
                WebhookDelivery delivery = null;
                try {
                    delivery = send(attempt, current, client);
                } finally {
                    finish(attempt, delivery);
                }
            }
        } catch (InterruptedException e) {
            // close(): nothing more to send.
        }
    }

    /** Waits, under the lock, for the earliest attempt that is due while nothing is held; null once closed. */
    private Attempt nextDue() throws InterruptedException {
        while (!closed) {
            Attempt head = queue.peek();
            if (head == null || held) {
                changed.await();
                continue;
            }
            long wait = head.dueNanos() - System.nanoTime();
            if (wait > 0) {
                changed.awaitNanos(wait);
                continue;
            }
            return queue.poll();
        }
        return null;
    }

    private WebhookDelivery send(Attempt attempt, WebhookPolicy current, HttpClient client) throws InterruptedException {
        // Each attempt is signed afresh, as Stripe does: a receiver's 5-minute tolerance holds for retries too.
        long timestamp = clock.instant().getEpochSecond();
        String signature = signature(attempt.endpoint().secret(), timestamp, attempt.event().payload());
        Outcome outcome = post(client, current, attempt.endpoint().url(), attempt.event().payload(), signature);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Event event = attempt.event();
        return new WebhookDelivery(event.id(), event.type(), event.paymentIntentId(), attempt.endpoint().id(),
                attempt.endpoint().url(), attempt.number(), outcome.status(), outcome.failure(),
                Instant.ofEpochSecond(timestamp), event.payload(), signature, false);
    }

    /** Records the attempt and queues its retry, unless a reset came in between; null when it was cut short. */
    private void finish(Attempt attempt, WebhookDelivery delivery) {
        lock.lock();
        try {
            inFlight--;
            if (delivery != null && attempt.generation() == generation && !closed) {
                deliveries.add(delivery);
                if (!delivery.delivered()) {
                    if (attempt.number() < policy.attempts()) {
                        long due = System.nanoTime() + policy.delayAfter(attempt.number()).toNanos();
                        queue.add(new Attempt(attempt.event(), attempt.endpoint(), attempt.number() + 1, due,
                                sequence++, attempt.generation()));
                    } else {
                        log.info("Gave up on {} to {} after {} attempts", attempt.event().id(),
                                attempt.endpoint().url(), attempt.number());
                    }
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static Outcome post(HttpClient client, WebhookPolicy current, URI url, String payload, String signature) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(current.readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("Accept", "*/*; q=0.5, application/xml")
                .header("Cache-Control", "no-cache")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload, UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null);
        } catch (HttpConnectTimeoutException e) {
            return new Outcome(0, "no connection within " + current.connectTimeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return new Outcome(0, "no answer within " + current.readTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Outcome(0, describe(e));
        } catch (InterruptedException e) {
            // Keep the flag: the sender thread checks it after the post, a replaying test thread keeps it.
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted");
        }
    }

    /**
     * The exception and the first message in its causes. The JDK client's refused connection is a
     * {@code ConnectException} without a message whose cause is a {@code ClosedChannelException} without one
     * either: that gives {@code "ConnectException: ClosedChannelException"}.
     */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return text.append(": ").append(cause.getMessage()).toString();
            }
            if (cause != e) {
                text.append(": ").append(cause.getClass().getSimpleName());
            }
        }
        return text.toString();
    }

    private Event event(String type, ObjectNode intent, String requestId, String idempotencyKey, int endpointCount) {
        String id = RandomIds.alphanumeric("evt_", 24);
        ObjectNode event = JSON.objectNode();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", clock.instant().getEpochSecond());
        // A copy: the event shows the intent as it was answered, whatever happens to the intent later.
        event.putObject("data").set("object", intent.deepCopy());
        event.put("livemode", false);
        event.put("pending_webhooks", endpointCount);
        ObjectNode request = event.putObject("request");
        request.put("id", requestId);
        request.put("idempotency_key", idempotencyKey);
        event.put("type", type);
        return new Event(id, type, intent.path("id").asText(null), event.toString());
    }

    private void setHeld(boolean hold) {
        lock.lock();
        try {
            held = hold;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int pendingLocked() {
        return queue.size() + inFlight;
    }

    /** @param payload the exact JSON every attempt of this event sends */
    private record Event(String id, String type, String paymentIntentId, String payload) {
    }

    private record Endpoint(String id, URI url, String secret) {
    }

    /** One try of one event at one endpoint; {@code sequence} keeps first-come order among equal due times. */
    private record Attempt(Event event, Endpoint endpoint, int number, long dueNanos, long sequence, long generation) {
    }

    /** @param status 0 when there was no answer */
    private record Outcome(int status, String failure) {
    }
}
