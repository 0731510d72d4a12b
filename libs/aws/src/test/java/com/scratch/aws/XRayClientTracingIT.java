package com.scratch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.FacadeSegment;
import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.entities.TraceID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.sns.SnsEmulator;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The X-Ray side of the seam, read as the daemon reads it: a UDP socket on a free loopback port, named to the tracing
 * by {@code AWS_XRAY_DAEMON_ADDRESS} in the environment map it is built from (never the process environment).
 */
class XRayClientTracingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatagramSocket daemon;
    private XRayClientTracing tracing;

    @BeforeEach
    void listen() throws IOException {
        daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        daemon.setSoTimeout(5000);
        tracing = XRayClientTracing.fromEnvironment(
                Map.of("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + daemon.getLocalPort()));
    }

    @AfterEach
    void close() {
        daemon.close();
    }

    @Test
    void aRemoteCallIsARemoteSubsegmentWithItsHttpFieldsRequestIdAndAnnotationsSentToTheDaemonOfTheMap()
            throws IOException {
        // when
        JsonNode call = traced(remote -> {
            remote.status(200);
            remote.requestId("req_abc");
            tracing.annotate("stage", "dev");
            tracing.annotate("cold_start", true);
            tracing.annotate("attempt", 1);
        });

        // then
        assertThat(call.path("name").asText()).isEqualTo("Stripe");
        assertThat(call.path("namespace").asText()).isEqualTo("remote");
        assertThat(call.at("/http/request/method").asText()).isEqualTo("POST");
        assertThat(call.at("/http/request/url").asText()).isEqualTo("/v1/payment_intents");
        assertThat(call.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(call.at("/metadata/remote/request_id").asText()).isEqualTo("req_abc");
        assertThat(call.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(call.at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(call.at("/annotations/attempt").asInt()).isEqualTo(1);
        assertThat(call.path("error").asBoolean(false) || call.path("fault").asBoolean(false)
                || call.path("throttle").asBoolean(false)).isFalse();
    }

    @ParameterizedTest(name = "status {0}, failed {1}: error {2}, fault {3}, throttle {4}")
    @CsvSource({
            "200, false, false, false, false",
            "402, true,  true,  false, false",
            "401, true,  true,  false, false",
            "429, true,  true,  false, true",
            "500, true,  false, true,  false",
            "503, false, false, true,  false",
            "0,   true,  false, true,  false",
    })
    void theStatusMarksTheCallAsXRayMarksHttpCalls(int status, boolean failed, boolean error, boolean fault,
            boolean throttle) throws IOException {
        JsonNode call = traced(remote -> {
            if (status > 0) {
                remote.status(status);
            }
            if (failed) {
                remote.failed(new IllegalStateException("HTTP " + status));
            }
        });

        assertThat(call.path("error").asBoolean(false)).as("error").isEqualTo(error);
        assertThat(call.path("fault").asBoolean(false)).as("fault").isEqualTo(fault);
        assertThat(call.path("throttle").asBoolean(false)).as("throttle").isEqualTo(throttle);
        assertThat(call.at("/cause/exceptions").size()).isEqualTo(failed ? 1 : 0);
    }

    @Test
    void aCallAfterARemoteCallIsItsSiblingNotItsChild() throws IOException {
        AWSXRayRecorder recorder = tracing.recorder();
        recorder.beginSegment("billing-api-dev-billing");
        try {
            try (RemoteCall first = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                first.status(200);
            }
            try (RemoteCall second = tracing.remoteCall("Stripe", "GET", "/v1/payment_intents/pi_1")) {
                second.status(200);
            }
            tracing.annotate("paymentId", "pi_1");
        } finally {
            recorder.endSegment();
        }

        JsonNode segment = received();
        assertThat(segment.path("subsegments")).hasSize(2)
                .allSatisfy(call -> assertThat(call.has("subsegments")).isFalse());
        assertThat(segment.at("/annotations/paymentId").asText()).as("annotated after the calls: the segment")
                .isEqualTo("pi_1");
    }

    @Test
    void aFailureRecordedWithAMessageOfTheCallersKeepsItsTypeButNotItsMessageNorItsCauses() throws IOException {
        // given: a remote's message that quotes the request
        IllegalStateException quoting = new IllegalStateException("No such PaymentMethod: 'pm_1QzWholeId77'",
                new IllegalArgumentException("pm_1QzWholeId77"));

        // when
        JsonNode call = traced(remote -> {
            remote.status(400);
            remote.failed(quoting, "HTTP 400, code resource_missing");
        });

        // then
        assertThat(call.at("/cause/exceptions")).hasSize(1);
        assertThat(call.at("/cause/exceptions/0/type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(call.at("/cause/exceptions/0/message").asText()).isEqualTo("HTTP 400, code resource_missing");
        assertThat(call.at("/cause/exceptions/0/stack").size()).isPositive();
        assertThat(call.path("error").asBoolean(false)).isTrue();
        assertThat(call.toString()).doesNotContain("pm_1QzWholeId77");
    }

    /**
     * As in Lambda: the segment is the runtime's facade, which the function cannot write to and never sends. The
     * invocation's span is sent on its own when it ends, the calls made in it nested inside, the annotations made
     * between them on it.
     */
    @Test
    void anInvocationSpanUnderLambdasFacadeHoldsTheCallsMadeInItAndTheAnnotationsMadeBetweenThem() throws IOException {
        // given
        AWSXRayRecorder recorder = tracing.recorder();
        FacadeSegment facade = new FacadeSegment(recorder, TraceID.create(), "53995c3f42cd8ad8",
                TraceHeader.SampleDecision.SAMPLED);
        recorder.setTraceEntity(facade);
        InvocationTracing invocations = new InvocationTracing(tracing, "dev");

        // when
        try {
            try (InvocationSpan span = invocations.start()) {
                try (RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                    call.status(200);
                }
                tracing.annotate("paymentId", "pi_1");
            }
            assertThat(recorder.getTraceEntity())
                    .as("nothing current, as X-Ray's Lambda context leaves the thread: the next invocation gets a facade"
                            + " of its own, not this one (the runtime runs every invocation on the same thread)")
                    .isNull();
            recorder.setTraceEntity(facade);
            try (InvocationSpan span = invocations.start()) {
                tracing.annotate("eventId", "evt_2");
            }
        } finally {
            recorder.clearTraceEntity();
        }

        // then
        JsonNode first = received();
        assertThat(first.path("type").asText()).isEqualTo("subsegment");
        assertThat(first.path("name").asText()).isEqualTo("## handleRequest");
        assertThat(first.path("trace_id").asText()).isEqualTo(facade.getTraceId().toString());
        assertThat(first.path("parent_id").asText()).isEqualTo("53995c3f42cd8ad8");
        assertThat(first.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(first.at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(first.at("/annotations/paymentId").asText()).isEqualTo("pi_1");
        assertThat(first.path("subsegments")).hasSize(1);
        JsonNode call = first.path("subsegments").get(0);
        assertThat(call.path("name").asText()).isEqualTo("Stripe");
        assertThat(call.has("annotations")).as("annotated after the call: not on it").isFalse();
        JsonNode second = received();
        assertThat(second.at("/annotations/cold_start").asBoolean()).as("the container's second invocation").isFalse();
        assertThat(second.at("/annotations/eventId").asText()).isEqualTo("evt_2");
        assertThat(second.has("subsegments")).isFalse();
    }

    /**
     * What SNS passes on to a topic's subscribers is what the publisher sent: the X-Ray SDK's interceptor puts the
     * trace header on every traced SDK request, {@code Root} the trace, {@code Parent} the call's own subsegment,
     * {@code Sampled=1}. The local SNS keeps the header it received with the message.
     */
    @Test
    void aTracedSdkCallSendsTheTraceHeaderWithItsOwnSubsegmentAsParent() throws IOException {
        // given
        AWSXRayRecorder recorder = tracing.recorder();
        FacadeSegment facade = new FacadeSegment(recorder, TraceID.create(), "53995c3f42cd8ad8",
                TraceHeader.SampleDecision.SAMPLED);
        try (SnsEmulator sns = SnsEmulator.start();
                SnsClient client = AwsClients.sns(Map.of("AWS_REGION", "us-east-1",
                        "AWS_ENDPOINT_URL_SNS", sns.endpoint().toString()), tracing)) {
            String topicArn = sns.createTopic("dev-note-purchased");

            // when
            recorder.setTraceEntity(facade);
            try (InvocationSpan span = tracing.invocation("## handleRequest")) {
                client.publish(r -> r.topicArn(topicArn).message("{}"));
            } finally {
                recorder.clearTraceEntity();
            }

            // then
            JsonNode publish = received().path("subsegments").get(0);
            assertThat(publish.path("name").asText()).isEqualTo("Sns");
            String header = sns.published(topicArn).get(0).traceHeader();
            assertThat(header).isEqualTo("Root=" + facade.getTraceId() + ";Parent=" + publish.path("id").asText()
                    + ";Sampled=1");
        }
    }

    @Test
    void withNoSegmentOpenNothingIsSentAndNothingFails() throws IOException {
        try (InvocationSpan span = new InvocationTracing(tracing, "dev").start();
                RemoteCall remote = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
            tracing.annotate("stage", "dev");
            remote.status(500);
            remote.failed(new IllegalStateException("boom"));
            remote.failed(new IllegalStateException("boom"), "failed");
        }
        tracing.annotate("stage", "dev");

        daemon.setSoTimeout(300);
        assertThatThrownBy(() -> daemon.receive(new DatagramPacket(new byte[65536], 65536)))
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aDaemonAddressThatIsNotOneFailsWhenTheTracingIsBuilt() {
        assertThatThrownBy(() -> ClientTracing.xray(Map.of("AWS_XRAY_DAEMON_ADDRESS", "localhost")))
                .isInstanceOf(InvalidDaemonAddressException.class)
                .hasMessageContaining("AWS_XRAY_DAEMON_ADDRESS").hasMessageContaining("'localhost'");
    }

    @Test
    void noneTracesNothing() {
        ClientTracing none = ClientTracing.none();

        try (RemoteCall remote = none.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
            remote.status(402);
            remote.requestId("req_abc");
            remote.failed(new IllegalStateException("declined"));
            remote.failed(new IllegalStateException("declined"), "HTTP 402");
        }
        try (InvocationSpan span = new InvocationTracing(none, "dev").start()) {
            none.annotate("paymentId", "pi_1");
        }
        none.annotate("stage", "dev");

        assertThat(none.interceptors()).isEmpty();
    }

    /** One remote call inside a segment, as the daemon receives it: the segment's only subsegment. */
    private JsonNode traced(java.util.function.Consumer<RemoteCall> recording) throws IOException {
        AWSXRayRecorder recorder = tracing.recorder();
        recorder.beginSegment("billing-api-dev-billing");
        try (RemoteCall remote = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
            recording.accept(remote);
        } finally {
            recorder.endSegment();
        }
        JsonNode segment = received();
        assertThat(segment.path("subsegments")).hasSize(1);
        return segment.path("subsegments").get(0);
    }

    private JsonNode received() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
        daemon.receive(packet);
        String sent = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        return JSON.readTree(sent.substring(sent.indexOf('\n') + 1));
    }
}
