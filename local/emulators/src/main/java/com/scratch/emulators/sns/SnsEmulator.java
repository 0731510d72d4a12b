package com.scratch.emulators.sns;

import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.internal.EmulatorServer;
import com.scratch.emulators.internal.EmulatorServer.Connections;
import com.scratch.emulators.internal.FormBody;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RandomIds;
import com.scratch.emulators.internal.ReceivedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A local SNS that the real AWS SDK v2 {@code SnsClient} talks to over HTTP (query protocol, XML answers):
 * CreateTopic, Publish (to a topic or as SMS), Subscribe and ListTopics. A message published to a topic keeps the
 * X-Ray trace header of its request ({@link PublishedMessage#traceHeader()}), which SNS passes on to subscribers.
 * Thread-safe.
 *
 * <pre>{@code
 * try (SnsEmulator sns = SnsEmulator.start()) {
 *     String topicArn = sns.createTopic("billing-events");
 *     SnsClient client = SnsClient.builder().endpointOverride(sns.endpoint()).region(Region.US_EAST_1)...build();
 *     client.publish(r -> r.topicArn(topicArn).message("{\"orderId\":\"1001\"}"));
 *     assertThat(sns.published(topicArn)).hasSize(1);
 * }
 * }</pre>
 */
public final class SnsEmulator implements AutoCloseable {

    private final SnsState state = new SnsState();
    private final SnsActions actions = new SnsActions(state, Clock.systemUTC());
    private final EmulatorServer<SnsFault, SnsCall> server;
    private volatile AccessControl access;
    private final Map<String, Duration> publishDelays = new java.util.concurrent.ConcurrentHashMap<>();

    private SnsEmulator(int port) {
        this.server = EmulatorServer.start("sns", port, Connections.CLOSE, SnsCall::action, this::handle);
    }

    /** Starts on a free port. */
    public static SnsEmulator start() {
        return start(0);
    }

    public static SnsEmulator start(int port) {
        return new SnsEmulator(port);
    }

    /** For example {@code http://127.0.0.1:49152}; pass it to {@code endpointOverride}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Creates a topic (or finds the existing one) and returns its ARN, {@code arn:aws:sns:us-east-1:000000000000:<name>}. */
    public String createTopic(String name) {
        Objects.requireNonNull(name, "name == null");
        try {
            return actions.createTopic(name);
        } catch (SnsError e) {
            throw new IllegalArgumentException("Not a valid SNS topic name: " + name, e);
        }
    }

    /** Messages published to this topic, oldest first. */
    public List<PublishedMessage> published(String topicArn) {
        Objects.requireNonNull(topicArn, "topicArn == null");
        return state.published(topicArn);
    }

    /** Text messages published to phone numbers, oldest first. */
    public List<SmsMessage> smsOutbox() {
        return state.smsOutbox();
    }

    /** Subscriptions made through the Subscribe action, by topic in creation order. */
    public List<Subscription> subscriptions() {
        return state.subscriptions();
    }

    /** How many requests named this action (for example {@code "Publish"}), failed ones included. */
    public int callCount(String action) {
        return server.count(action);
    }

    /** Every request received since start or {@link #reset()}, in arrival order, failed ones included. */
    public List<SnsCall> calls() {
        return server.received();
    }

    /**
     * Calls {@code listener} with every message later published to {@code topicArn}, after it was recorded and
     * before the publisher gets its answer. Listeners run synchronously on a server thread, so they must be
     * quick and must not block (hand slow work to an executor). A listener that throws is logged and does
     * not fail the Publish, as in SNS, where delivery happens after the publisher was answered. The topic
     * need not exist yet.
     */
    public void onPublish(String topicArn, Consumer<PublishedMessage> listener) {
        state.addListener(topicArn, listener);
    }

    /**
     * Calls {@code listener} with every text message, after it was put in the outbox (a local runner prints
     * them). Same rules as {@link #onPublish}: quick, non-blocking, and a failure does not fail the Publish.
     */
    public void onSms(Consumer<SmsMessage> listener) {
        state.addSmsListener(listener);
    }

    /** The next {@code times} requests, whatever their action, fail with {@code fault}. */
    public void failNext(int times, SnsFault fault) {
        server.failNext(times, fault);
    }

    /**
     * From now on each request without a queued fault fails with {@code fault} with probability {@code share},
     * drawn from a generator seeded with {@code seed} (repeatable); {@link #reset()} turns it off.
     */
    public void failRandomly(double share, SnsFault fault, long seed) {
        server.failRandomly(share, fault, seed);
    }

    /** How many requests {@link #failRandomly} has failed so far. */
    public int randomFaultsServed() {
        return server.randomFaultsServed();
    }

    /**
     * Every later Publish to {@code topicArn} waits this long before it is published and answered, as SNS does when
     * it is slow: a client whose timeout is shorter gives up, and its retry publishes a second copy. Other topics
     * and texts are answered at once. {@link Duration#ZERO} turns it off.
     */
    public void delayPublishesTo(String topicArn, Duration delay) {
        Objects.requireNonNull(topicArn, "topicArn == null");
        Objects.requireNonNull(delay, "delay == null");
        if (delay.isZero()) {
            publishDelays.remove(topicArn);
        } else {
            publishDelays.put(topicArn, delay);
        }
    }

    /**
     * From now on every request must be SigV4-signed by a principal {@code access} knows and allowed by its policy,
     * or it is refused as SNS refuses it (HTTP 403): {@code MissingAuthenticationToken}, {@code InvalidClientTokenId},
     * {@code SignatureDoesNotMatch} or {@code AuthorizationError}. {@code null} lets every request through again.
     */
    public void enforce(AccessControl access) {
        this.access = access;
    }

    /** Every later request waits this long before it is answered; use it to test client timeouts. */
    public void delayResponses(Duration delay) {
        server.delayResponses(delay);
    }

    /** Forgets topics, subscriptions, messages, publish listeners, recorded calls, queued faults and the delay. */
    public void reset() {
        state.clear();
        publishDelays.clear();
        server.reset();
    }

    @Override
    public void close() {
        server.close();
    }

    private HttpReply handle(ReceivedRequest request) {
        String requestId = RandomIds.uuid();
        try {
            Map<String, String> form = form(request);
            String action = Objects.requireNonNullElse(form.get("Action"), "");
            server.record(new SnsCall(action, form));
            AccessControl enforced = access;
            if (enforced != null) {
                enforced.check(request, "sns:" + action, "SNS:" + action, List.of(resource(action, form)))
                        .ifPresent(refusal -> {
                            throw SnsError.refused(refusal);
                        });
            }
            server.nextFault().ifPresent(fault -> {
                throw fault.toError();
            });
            delayPublish(action, form);
            String result = actions.handle(action, form, request.header(PublishedMessage.TRACE_HEADER));
            return xml(200, SnsXml.success(action, result, requestId), requestId);
        } catch (SnsError error) {
            return xml(error.status(), SnsXml.error(error, requestId), requestId);
        }
    }

    private void delayPublish(String action, Map<String, String> form) {
        Duration delay = "Publish".equals(action) && form.get("TopicArn") != null
                ? publishDelays.get(form.get("TopicArn")) : null;
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What IAM checks an action against: the topic, the ARN a new topic would get, or for a text the phone number
     * itself (which only {@code Resource: "*"} matches).
     */
    private static String resource(String action, Map<String, String> form) {
        return switch (action) {
            case "CreateTopic" -> SnsState.ARN_PREFIX + Objects.requireNonNullElse(form.get("Name"), "");
            case "ListTopics" -> SnsState.ARN_PREFIX + "*";
            default -> {
                String topicArn = form.get("TopicArn");
                String phoneNumber = form.get("PhoneNumber");
                yield topicArn != null && !topicArn.isEmpty() ? topicArn
                        : phoneNumber != null && !phoneNumber.isEmpty() ? phoneNumber : "*";
            }
        };
    }

    private static Map<String, String> form(ReceivedRequest request) {
        try {
            return FormBody.parse(request.body());
        } catch (IllegalArgumentException e) {
            throw SnsError.sender(400, "MalformedQueryString", "The request body is not valid form encoding.");
        }
    }

    private static HttpReply xml(int status, String body, String requestId) {
        return HttpReply.of(status, "text/xml", body).withHeader("x-amzn-RequestId", requestId);
    }
}
