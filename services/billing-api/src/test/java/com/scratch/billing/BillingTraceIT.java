package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.FacadeSegment;
import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.entities.TraceID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.secrets.ParameterStoreCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One purchase, one trace: the billing function built by its real cold start with {@code AWS_XRAY_DAEMON_ADDRESS}
 * pointing at a UDP listener of this test, which stands for the X-Ray daemon and reads what the function sends.
 *
 * <p>Each invocation runs inside a facade segment with the trace id and parent id an invocation's trace header gives,
 * as Lambda's runtime opens it before calling the handler; outside Lambda nothing opens one, so the test plays that
 * part with the X-Ray SDK (main code never imports it outside libs/aws). As in Lambda, the function sends each of
 * its subsegments on its own as it ends, to the daemon address of its environment.
 *
 * <p>Not covered here: notify's side of the trace (SNS passes the trace header to the subscribed function, and
 * Lambda's runtime opens notify's segment with it). Without Lambda's runtime and SNS's delivery there is no honest
 * way to check that link locally; billing's SNS Publish subsegment is where it starts.
 */
class BillingTraceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final String KEY_PARAMETER = "/stripeSecretKey/test";

    private static final String FUNCTION = "billing-api-dev-billing";

    private static LocalBillingServers servers;
    private static DaemonListener daemon;
    /** Stands for Lambda's runtime, which opens an invocation's (facade) segment. */
    private static AWSXRayRecorder runtime;

    private BillingHandler handler;

    @BeforeAll
    static void start() {
        servers = new LocalBillingServers();
        daemon = new DaemonListener();
        runtime = AWSXRayRecorderBuilder.standard().build();
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
        daemon.drain();
    }

    @AfterEach
    void noSegmentLeftOpen() {
        ThreadLocalStorage.clear();
    }

    @Test
    void aPurchaseIsOneTraceWithTheStripeCallThePublishAndTheLedger() throws Exception {
        // when
        Invocation purchase = invoke(LocalBillingServers.event("events/billing-original.json"));

        // then
        assertThat(purchase.response().getStatusCode()).isEqualTo(200);
        String paymentId = JSON.readTree(purchase.response().getBody()).get("paymentId").asText();
        List<JsonNode> trace = purchase.trace();
        assertThat(trace).as("every entity sent is of this trace").isNotEmpty()
                .allSatisfy(entity -> assertThat(entity.path("trace_id").asText()).isEqualTo(purchase.traceId()));

        JsonNode stripe = single(trace, "Stripe");
        assertThat(stripe.path("namespace").asText()).isEqualTo("remote");
        assertThat(stripe.at("/http/request/method").asText()).isEqualTo("POST");
        assertThat(stripe.at("/http/request/url").asText()).isEqualTo("/v1/payment_intents");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(stripe.at("/metadata/remote/request_id").asText()).matches("req_[A-Za-z0-9]{14}");
        assertThat(stripe.path("error").asBoolean(false)).isFalse();
        assertThat(stripe.path("fault").asBoolean(false)).isFalse();
        assertThat(stripe.path("throttle").asBoolean(false)).isFalse();
        assertThat(stripe.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(stripe.at("/annotations/paymentId").asText()).isEqualTo(paymentId);
        assertThat(stripe.at("/annotations/cold_start").isBoolean()).isTrue();
        assertThat(stripe.at("/annotations/cold_start").asBoolean()).isTrue();

        JsonNode publish = single(trace, "Sns");
        assertThat(publish.at("/aws/operation").asText()).isEqualTo("Publish");
        assertThat(publish.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(publish.path("fault").asBoolean(false)).isFalse();
        assertThat(operations(trace, "DynamoDb")).contains("PutItem");
        assertThat(operations(trace, "Ssm")).as("the key was read at init, outside the trace").isEmpty();
        assertThat(trace).as("every call is a subsegment of the invocation's segment")
                .allSatisfy(entity -> assertThat(entity.path("parent_id").asText()).isEqualTo(purchase.segmentId()));
    }

    @Test
    void aDeclinedCardMarksTheStripeCallAnErrorNotAFault() throws Exception {
        // when
        Invocation declined = invoke(LocalBillingServers.event("events/billing-declined-card.json"));

        // then
        assertThat(declined.response().getStatusCode()).isEqualTo(402);
        JsonNode stripe = single(declined.trace(), "Stripe");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(402);
        assertThat(stripe.path("error").asBoolean(false)).isTrue();
        assertThat(stripe.path("fault").asBoolean(false)).isFalse();
        assertThat(stripe.path("throttle").asBoolean(false)).isFalse();
        assertThat(stripe.at("/metadata/remote/request_id").asText()).matches("req_[A-Za-z0-9]{14}");
        assertThat(stripe.at("/cause/exceptions/0/type").asText()).isEqualTo("com.stripe.exception.CardException");
        assertThat(stripe.at("/annotations/paymentId").asText()).as("Stripe names the declined intent").startsWith("pi_");
        assertThat(stripe.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(names(declined.trace())).as("nothing is announced").doesNotContain("Sns");
    }

    @Test
    void stripeFailingIsAFault() {
        // given: the first attempt and stripe-java's one retry both get a 500
        servers.stripe.failNext(2, StripeFault.API_ERROR);

        // when
        Invocation failed = invoke(LocalBillingServers.event("events/billing-original.json"));

        // then
        assertThat(failed.response().getStatusCode()).isEqualTo(502);
        JsonNode stripe = single(failed.trace(), "Stripe");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(500);
        assertThat(stripe.path("fault").asBoolean(false)).isTrue();
        assertThat(stripe.path("error").asBoolean(false)).isFalse();
    }

    @Test
    void stripeThrottlingIsAThrottledError() {
        // given
        servers.stripe.failNext(2, StripeFault.RATE_LIMIT);

        // when
        Invocation throttled = invoke(LocalBillingServers.event("events/billing-original.json"));

        // then
        JsonNode stripe = single(throttled.trace(), "Stripe");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(429);
        assertThat(stripe.path("throttle").asBoolean(false)).isTrue();
        assertThat(stripe.path("error").asBoolean(false)).isTrue();
        assertThat(stripe.path("fault").asBoolean(false)).isFalse();
    }

    @Test
    void aKeyRefreshDuringAnInvocationIsInThatTraceAndOnlyTheFirstChargeIsAColdStart() {
        // given: a first purchase, then the key's time to live passes
        Invocation first = invoke(LocalBillingServers.event("events/billing-original.json"));
        servers.clock.advance(ParameterStoreCache.DEFAULT_TIME_TO_LIVE.plusSeconds(1));

        // when
        Invocation refreshed = invoke(LocalBillingServers.event("events/billing-payment-method.json"));

        // then
        assertThat(refreshed.response().getStatusCode()).isEqualTo(200);
        assertThat(operations(first.trace(), "Ssm")).isEmpty();
        assertThat(operations(refreshed.trace(), "Ssm")).containsExactly("GetParameter");
        JsonNode read = single(refreshed.trace(), "Ssm");
        assertThat(read.path("trace_id").asText()).isEqualTo(refreshed.traceId());
        assertThat(read.path("fault").asBoolean(false)).isFalse();
        assertThat(single(first.trace(), "Stripe").at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(single(refreshed.trace(), "Stripe").at("/annotations/cold_start").asBoolean()).isFalse();
    }

    /**
     * One invocation as Lambda's runtime makes it: the thread's segment is a facade for the trace id and parent id of
     * the invocation's trace header (the function cannot write to it and never sends it), then the handler runs.
     * What the function sends, it sends itself, one subsegment at a time as each ends.
     */
    private Invocation invoke(APIGatewayProxyRequestEvent event) {
        TraceID traceId = TraceID.create();
        String parentId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ThreadLocalStorage.set(new FacadeSegment(runtime, traceId, parentId, TraceHeader.SampleDecision.SAMPLED));
        APIGatewayProxyResponseEvent response;
        try {
            response = handler.handleRequest(event, null);
        } finally {
            ThreadLocalStorage.clear();
        }
        String id = traceId.toString();
        List<JsonNode> sent = daemon.drain();
        assertThat(sent).as("sent to the daemon for trace %s", id).isNotEmpty()
                .allSatisfy(entity -> assertThat(entity.path("trace_id").asText()).isEqualTo(id));
        return new Invocation(id, parentId, response, sent);
    }

    private static JsonNode single(List<JsonNode> trace, String name) {
        List<JsonNode> named = trace.stream().filter(entity -> name.equals(entity.path("name").asText())).toList();
        assertThat(named).as("%s subsegments among %s", name, names(trace)).hasSize(1);
        return named.get(0);
    }

    private static List<String> operations(List<JsonNode> trace, String name) {
        return trace.stream().filter(entity -> name.equals(entity.path("name").asText()))
                .map(entity -> entity.at("/aws/operation").asText()).toList();
    }

    private static List<String> names(List<JsonNode> trace) {
        return trace.stream().map(entity -> entity.path("name").asText()).toList();
    }

    /** What one invocation answered, and every entity the function sent for its trace, nested ones flattened. */
    private record Invocation(String traceId, String segmentId, APIGatewayProxyResponseEvent response,
            List<JsonNode> trace) {
    }

    /**
     * A UDP socket on a free loopback port, where the X-Ray daemon would listen. Each datagram is
     * {@code {"format":"json","version":1}} and a newline, then one segment or subsegment document.
     */
    private static final class DaemonListener implements AutoCloseable {

        private static final String HEADER = "{\"format\":\"json\",\"version\":1}";

        private final DatagramSocket socket;

        DaemonListener() {
            try {
                socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                socket.setSoTimeout(300);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String address() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        /**
         * Every entity received until nothing more comes for a moment, each subsegment on its own with the trace id
         * of the document it came in and, when nested, its parent's id as {@code parent_id}. The function sends on its own thread as each subsegment ends, so everything of
         * an invocation is already on its way when the handler returns.
         */
        List<JsonNode> drain() {
            List<JsonNode> entities = new ArrayList<>();
            byte[] buffer = new byte[65_536];
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    return entities;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                int newline = datagram.indexOf('\n');
                assertThat(datagram.substring(0, newline).replace(" ", "")).isEqualTo(HEADER);
                try {
                    JsonNode document = JSON.readTree(datagram.substring(newline + 1));
                    flatten(document, document.path("trace_id").asText(), null, entities);
                } catch (IOException e) {
                    throw new UncheckedIOException("Not a JSON document: " + datagram, e);
                }
            }
        }

        private static void flatten(JsonNode entity, String traceId, String parentId, List<JsonNode> into) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = entity.deepCopy();
            copy.remove("subsegments");
            if (!copy.has("trace_id")) {
                copy.put("trace_id", traceId);
            }
            if (!copy.has("parent_id") && parentId != null) {
                copy.put("parent_id", parentId);
            }
            into.add(copy);
            entity.path("subsegments").forEach(child -> flatten(child, traceId, entity.path("id").asText(), into));
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
