package com.scratch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.emulators.dynamodb.DynamoDbEmulator;
import com.scratch.emulators.dynamodb.DynamoDbFault;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.testing.LocalXRayDaemon;
import com.scratch.testing.LogCapture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The X-Ray side of the seam, read as the daemon reads it: {@link LocalXRayDaemon}, a UDP socket on a free loopback
 * port, named to the tracing by {@code AWS_XRAY_DAEMON_ADDRESS} in the environment map it is built from (never the
 * process environment). Each invocation is given a trace header as Lambda's runtime gives one, and what the tracing
 * sends for it is read back as documents.
 */
class XRayClientTracingIT {

    private static final String SPAN = InvocationTracing.SPAN_NAME;

    private LocalXRayDaemon daemon;
    private ClientTracing tracing;

    @BeforeEach
    void listen() {
        daemon = LocalXRayDaemon.start();
        tracing = ClientTracing.xray(Map.of("AWS_XRAY_DAEMON_ADDRESS", daemon.address()));
    }

    @AfterEach
    void close() {
        daemon.close();
    }

    @Test
    void aRemoteCallIsARemoteSubsegmentWithItsHttpFieldsRequestIdAndTheAnnotationsMadeWhileItIsOpen() {
        // when
        JsonNode call = traced(remote -> {
            remote.status(200);
            remote.requestId("req_abc");
            tracing.annotate("stage", "dev");
            tracing.annotate("cold_start", true);
            tracing.annotate("attempt", 1);
        });

        // then
        assertThat(call.path("type").asText()).isEqualTo("subsegment");
        assertThat(call.path("name").asText()).isEqualTo("Stripe");
        assertThat(call.path("namespace").asText()).isEqualTo("remote");
        assertThat(call.path("id").asText()).matches("[0-9a-f]{16}");
        assertThat(call.at("/http/request/method").asText()).isEqualTo("POST");
        assertThat(call.at("/http/request/url").asText()).isEqualTo("/v1/payment_intents");
        assertThat(call.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(call.at("/metadata/remote/request_id").asText()).isEqualTo("req_abc");
        assertThat(call.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(call.at("/annotations/cold_start").isBoolean()).isTrue();
        assertThat(call.at("/annotations/attempt").isInt()).isTrue();
        assertThat(call.path("start_time").isNumber()).isTrue();
        assertThat(call.path("end_time").asDouble()).isGreaterThanOrEqualTo(call.path("start_time").asDouble());
        assertThat(daemon.datagrams()).as("epoch seconds, microseconds in the fraction, as written").allSatisfy(
                datagram -> assertThat(datagram).containsPattern("\"start_time\":\\d{10}\\.\\d{6},")
                        .containsPattern("\"end_time\":\\d{10}\\.\\d{6}[,}]"));
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
            boolean throttle) {
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
    void aFailureIsRecordedWithItsCausesLinkedAndItsStackCut() {
        // given: a cause of a cause, and a stack deeper than is worth a datagram
        IllegalStateException thrown = deep(80, () -> new IllegalStateException("outer",
                new IllegalArgumentException("inner")));

        // when
        JsonNode call = traced(remote -> remote.failed(thrown));

        // then
        JsonNode exceptions = call.at("/cause/exceptions");
        assertThat(exceptions).hasSize(2);
        assertThat(exceptions.get(0).path("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(exceptions.get(0).path("message").asText()).isEqualTo("outer");
        assertThat(exceptions.get(0).path("cause").asText()).isEqualTo(exceptions.get(1).path("id").asText());
        assertThat(exceptions.get(1).path("type").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(exceptions.get(0).path("stack")).hasSize(XRayExceptionDescription.MAX_STACK_FRAMES);
        assertThat(exceptions.get(0).path("truncated").asInt()).isPositive();
        assertThat(exceptions.get(0).at("/stack/0/label").asText()).contains("XRayClientTracingIT.");
        assertThat(call.at("/cause/working_directory").asText()).isNotEmpty();
    }

    @Test
    void aFailureRecordedWithAMessageOfTheCallersKeepsItsTypeButNotItsMessageNorItsCauses() {
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
        assertThat(String.join("\n", daemon.datagrams())).doesNotContain("pm_1QzWholeId77");
    }

    /**
     * As in Lambda: the function's segment is the runtime's, named by the header's {@code Parent}; the function never
     * sends it. The invocation's span hangs from it, the calls made in it hang from the span, the annotations made
     * between them are the span's. Each is an independent subsegment document of the header's trace.
     */
    @Test
    void anInvocationSpanHangsFromTheHeadersParentAndHoldsTheCallsAndTheAnnotationsMadeBetweenThem() {
        // given
        InvocationTracing invocations = new InvocationTracing(tracing, "dev");

        // when
        LocalXRayDaemon.Invocation<Void> invocation = daemon.invoke(context -> {
            try (InvocationSpan span = invocations.start(context)) {
                try (RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                    call.status(200);
                }
                tracing.annotate("paymentId", "pi_1");
            }
            return null;
        });

        // then
        assertThat(invocation.names()).containsExactly("Stripe", SPAN);
        JsonNode span = invocation.single(SPAN);
        assertThat(span.path("type").asText()).isEqualTo("subsegment");
        assertThat(span.path("trace_id").asText()).isEqualTo(invocation.traceId());
        assertThat(span.path("parent_id").asText()).isEqualTo(invocation.segmentId());
        assertThat(span.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(span.at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(span.at("/annotations/paymentId").asText()).isEqualTo("pi_1");
        JsonNode call = invocation.single("Stripe");
        assertThat(call.path("trace_id").asText()).isEqualTo(invocation.traceId());
        assertThat(call.path("parent_id").asText()).isEqualTo(span.path("id").asText());
        assertThat(call.has("annotations")).as("annotated after the call: not on it").isFalse();
        assertThat(daemon.datagrams()).allSatisfy(datagram -> assertThat(datagram)
                .startsWith("{\"format\": \"json\", \"version\": 1}\n"));
    }

    /**
     * A warm container: the runtime runs every invocation on the same thread. The second hangs from its own header,
     * not from the first's span, and the thread holds nothing between them.
     */
    @Test
    void aWarmContainersSecondInvocationHangsFromItsOwnHeaderNotFromTheFirst() {
        // given
        InvocationTracing invocations = new InvocationTracing(tracing, "dev");
        LocalXRayDaemon.Invocation<Void> first = daemon.invoke(context -> {
            try (InvocationSpan span = invocations.start(context)) {
                tracing.annotate("eventId", "evt_1");
            }
            return null;
        });

        // when
        tracing.annotate("between", "invocations");
        try (RemoteCall between = tracing.remoteCall("Stripe", "GET", "/v1/balance")) {
            between.status(200);
        }
        LocalXRayDaemon.Invocation<Void> second = daemon.invoke(context -> {
            try (InvocationSpan span = invocations.start(context)) {
                try (RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                    call.status(200);
                }
                tracing.annotate("eventId", "evt_2");
            }
            return null;
        });

        // then
        assertThat(first.names()).as("nothing sent between the invocations").containsExactly(SPAN);
        JsonNode span = second.single(SPAN);
        assertThat(span.path("trace_id").asText()).isEqualTo(second.traceId()).isNotEqualTo(first.traceId());
        assertThat(span.path("parent_id").asText()).isEqualTo(second.segmentId());
        assertThat(span.at("/annotations/cold_start").asBoolean()).as("the container's second invocation").isFalse();
        assertThat(span.at("/annotations/eventId").asText()).isEqualTo("evt_2");
        assertThat(span.at("/annotations").has("between")).isFalse();
        assertThat(second.single("Stripe").path("parent_id").asText()).isEqualTo(span.path("id").asText());
        assertThat(first.single(SPAN).at("/annotations/eventId").asText()).isEqualTo("evt_1");
    }

    /** Two invocations at once on two threads (the sandbox runs them so): each thread's calls and annotations its own. */
    @Test
    void concurrentInvocationsOnTwoThreadsDoNotMix() throws Exception {
        CyclicBarrier bothOpen = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        String[] headers = {header(), header()};
        try {
            List<Future<?>> runs = List.of(0, 1).stream().<Future<?>>map(i -> threads.submit(() -> {
                try (InvocationSpan span = tracing.invocation(SPAN, headers[i])) {
                    bothOpen.await(10, TimeUnit.SECONDS);
                    try (RemoteCall call = tracing.remoteCall("Stripe" + i, "POST", "/v1/payment_intents")) {
                        bothOpen.await(10, TimeUnit.SECONDS);
                        tracing.annotate("call", i);
                        call.status(200);
                    }
                    bothOpen.await(10, TimeUnit.SECONDS);
                    tracing.annotate("invocation", i);
                }
                return null;
            })).toList();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<JsonNode> sent = daemon.drain();
        for (int i = 0; i < 2; i++) {
            String traceId = headers[i].substring("Root=".length(), headers[i].indexOf(';'));
            String parent = headers[i].substring(headers[i].indexOf("Parent=") + 7, headers[i].indexOf(";Sampled"));
            int own = i;
            List<JsonNode> ofTrace = sent.stream().filter(e -> e.path("trace_id").asText().equals(traceId)).toList();
            assertThat(ofTrace).extracting(e -> e.path("name").asText()).containsExactlyInAnyOrder(SPAN, "Stripe" + i);
            JsonNode span = ofTrace.stream().filter(e -> e.path("name").asText().equals(SPAN)).findFirst().orElseThrow();
            JsonNode call = ofTrace.stream().filter(e -> !e.path("name").asText().equals(SPAN)).findFirst().orElseThrow();
            assertThat(span.path("parent_id").asText()).isEqualTo(parent);
            assertThat(span.at("/annotations/invocation").asInt()).isEqualTo(own);
            assertThat(span.at("/annotations").has("call")).isFalse();
            assertThat(call.path("parent_id").asText()).isEqualTo(span.path("id").asText());
            assertThat(call.at("/annotations/call").asInt()).isEqualTo(own);
        }
    }

    /**
     * What SNS passes on to a topic's subscribers is what the publisher sent: the tracing puts the trace header on
     * every traced SDK request, {@code Root} the trace, {@code Parent} the call's own subsegment, {@code Sampled=1}.
     * The call's subsegment has what the X-Ray SDK's interceptor recorded. The local SNS keeps the header it received.
     */
    @Test
    void aTracedSdkCallIsAnAwsSubsegmentAndSendsTheTraceHeaderWithItsOwnSubsegmentAsParent() {
        try (SnsEmulator sns = SnsEmulator.start(); SnsClient client = AwsClients.sns(local("SNS", sns.endpoint()
                .toString()), tracing)) {
            String topicArn = sns.createTopic("dev-note-purchased");
            daemon.drain();

            // when
            LocalXRayDaemon.Invocation<Void> invocation = daemon.invoke(context -> {
                try (InvocationSpan span = tracing.invocation(SPAN, context.getXrayTraceId())) {
                    client.publish(r -> r.topicArn(topicArn).message("{\"secret\":\"do-not-trace\"}"));
                }
                return null;
            });

            // then
            JsonNode publish = invocation.single("Sns");
            assertThat(publish.path("namespace").asText()).isEqualTo("aws");
            assertThat(publish.path("parent_id").asText()).isEqualTo(invocation.single(SPAN).path("id").asText());
            assertThat(publish.at("/aws/operation").asText()).isEqualTo("Publish");
            assertThat(publish.at("/aws/region").asText()).isEqualTo("us-east-1");
            assertThat(publish.at("/aws/topic_arn").asText()).isEqualTo(topicArn);
            assertThat(publish.at("/aws/request_id").asText()).isNotBlank();
            assertThat(publish.at("/http/response/status").asInt()).isEqualTo(200);
            assertThat(publish.path("fault").asBoolean(false) || publish.path("error").asBoolean(false)).isFalse();
            assertThat(sns.published(topicArn).get(0).traceHeader()).isEqualTo("Root=" + invocation.traceId()
                    + ";Parent=" + publish.path("id").asText() + ";Sampled=1");
            assertThat(String.join("\n", daemon.datagrams())).doesNotContain("do-not-trace");
        }
    }

    @Test
    void aFailedSdkCallIsAFaultWithTheServicesExceptionAsItsRemoteCause() {
        try (SnsEmulator sns = SnsEmulator.start(); SnsClient client = AwsClients.sns(local("SNS", sns.endpoint()
                .toString()), tracing)) {
            String topicArn = sns.createTopic("dev-note-purchased");
            sns.failNext(3, SnsFault.INTERNAL_ERROR);

            // when
            LocalXRayDaemon.Invocation<Void> invocation = daemon.invoke(context -> {
                try (InvocationSpan span = tracing.invocation(SPAN, context.getXrayTraceId())) {
                    client.publish(r -> r.topicArn(topicArn).message("{}"));
                }
                return null;
            });

            // then
            assertThat(invocation.thrown()).isInstanceOf(SdkException.class);
            JsonNode publish = invocation.single("Sns");
            assertThat(publish.path("fault").asBoolean(false)).isTrue();
            assertThat(publish.path("error").asBoolean(false)).isFalse();
            assertThat(publish.at("/http/response/status").asInt()).isEqualTo(500);
            assertThat(publish.at("/aws/request_id").asText()).isNotBlank();
            assertThat(publish.at("/cause/exceptions/0/type").asText())
                    .isEqualTo("software.amazon.awssdk.services.sns.model.InternalErrorException");
            assertThat(publish.at("/cause/exceptions/0/remote").asBoolean()).isTrue();
            assertThat(publish.at("/cause/exceptions/0/message").asText()).contains("Internal error");
            assertThat(invocation.names()).as("the retries are one call").containsExactly("Sns", SPAN);
        }
    }

    @Test
    void aThrottledDynamoDbCallIsAThrottledErrorWithItsTable() {
        try (DynamoDbEmulator dynamoDb = DynamoDbEmulator.start(); DynamoDbClient client = AwsClients.dynamoDb(
                local("DYNAMODB", dynamoDb.endpoint().toString()), tracing)) {
            dynamoDb.createTable("dev-texts", "id");
            dynamoDb.failNext(3, DynamoDbFault.THROTTLING);

            // when
            LocalXRayDaemon.Invocation<Void> invocation = daemon.invoke(context -> {
                try (InvocationSpan span = tracing.invocation(SPAN, context.getXrayTraceId())) {
                    client.putItem(r -> r.tableName("dev-texts").item(Map.of("id", AttributeValue.fromS("evt1"))));
                }
                return null;
            });

            // then
            JsonNode put = invocation.single("DynamoDb");
            assertThat(put.at("/aws/operation").asText()).isEqualTo("PutItem");
            assertThat(put.at("/aws/table_name").asText()).isEqualTo("dev-texts");
            assertThat(put.at("/http/response/status").asInt()).isEqualTo(400);
            assertThat(put.path("throttle").asBoolean(false)).isTrue();
            assertThat(put.path("error").asBoolean(false)).isTrue();
            assertThat(put.path("fault").asBoolean(false)).isFalse();
            assertThat(invocation.trace().toString()).doesNotContain("evt1");
        }
    }

    /**
     * Lambda decided not to record the trace: nothing is sent, but the decision still goes on with each SDK request
     * ({@code Root} and {@code Sampled=0}, no {@code Parent}, as the X-Ray SDK sent it), so that SNS's subscribers do
     * not record it either.
     */
    @Test
    void aTraceSampledOutSendsNothingButPassesTheDecisionOn() {
        try (SnsEmulator sns = SnsEmulator.start(); SnsClient client = AwsClients.sns(local("SNS", sns.endpoint()
                .toString()), tracing)) {
            String topicArn = sns.createTopic("dev-note-purchased");
            InvocationTracing invocations = new InvocationTracing(tracing, "dev");

            // when
            LocalXRayDaemon.Invocation<Void> invocation = daemon.invokeSampledOut(context -> {
                try (InvocationSpan span = invocations.start(context)) {
                    try (RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                        call.status(500);
                        call.failed(new IllegalStateException("boom"));
                    }
                    tracing.annotate("paymentId", "pi_1");
                    client.publish(r -> r.topicArn(topicArn).message("{}"));
                }
                return null;
            });

            // then
            assertThat(invocation.thrown()).isNull();
            assertThat(invocation.trace()).isEmpty();
            assertThat(daemon.datagrams()).isEmpty();
            assertThat(sns.published(topicArn).get(0).traceHeader())
                    .isEqualTo("Root=" + invocation.traceId() + ";Sampled=0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", "Parent=53995c3f42cd8ad8"})
    void withNoUsableTraceHeaderNothingIsSentNothingFailsAndTheCallsAreNotTraced(String header) {
        try (SnsEmulator sns = SnsEmulator.start(); SnsClient client = AwsClients.sns(local("SNS", sns.endpoint()
                .toString()), tracing)) {
            String topicArn = sns.createTopic("dev-note-purchased");

            try (InvocationSpan span = new InvocationTracing(tracing, "dev").start(header.isEmpty() ? null : header);
                    RemoteCall remote = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                tracing.annotate("stage", "dev");
                remote.status(500);
                remote.failed(new IllegalStateException("boom"));
                remote.failed(new IllegalStateException("boom"), "failed");
                client.publish(r -> r.topicArn(topicArn).message("{}"));
            }
            tracing.annotate("stage", "dev");

            assertThat(daemon.drain()).isEmpty();
            assertThat(sns.published(topicArn).get(0).traceHeader()).as("no trace to pass on").isNull();
        }
    }

    @Test
    void contextMissingSaysWhatACallWithNoTraceDoes() {
        ClientTracing failing = ClientTracing.xray(Map.of("AWS_XRAY_DAEMON_ADDRESS", daemon.address(),
                "AWS_XRAY_CONTEXT_MISSING", "RUNTIME_ERROR"));
        assertThatThrownBy(() -> failing.remoteCall("Stripe", "POST", "/v1/payment_intents"))
                .isInstanceOf(TraceContextMissingException.class).hasMessageContaining("Stripe");
        assertThatThrownBy(() -> failing.invocation(SPAN, null)).isInstanceOf(TraceContextMissingException.class);

        ClientTracing inLambda = ClientTracing.xray(Map.of("AWS_XRAY_DAEMON_ADDRESS", daemon.address(),
                "AWS_LAMBDA_FUNCTION_NAME", "billing-api-dev-billing"));
        try (LogCapture logs = new LogCapture()) {
            inLambda.invocation(SPAN, null).close();
            assertThat(logs.text()).as("LOG_ERROR, Lambda's default").contains("ERROR")
                    .contains("No trace open on this thread for " + SPAN);
        }
        try (LogCapture logs = new LogCapture()) {
            // In Lambda a call with no span open is at init or on a thread of the function's own: no invocation's
            inLambda.remoteCall("Stripe", "POST", "/v1/payment_intents").close();
            assertThat(logs.text()).as("a call outside every invocation in Lambda").doesNotContain("Stripe");
        }
        try (LogCapture logs = new LogCapture()) {
            tracing.remoteCall("Stripe", "POST", "/v1/payment_intents").close();
            assertThat(logs.text()).as("IGNORE, the default outside Lambda").doesNotContain("Stripe");
        }
        assertThat(daemon.drain()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1:", ":2000", "127.0.0.1:port", "127.0.0.1:70000",
            "tcp:127.0.0.1:2000", "tcp:127.0.0.1:2000 tcp:127.0.0.1:2001", "udp:127.0.0.1:2000 http:127.0.0.1:2001",
            "a:1 b:2 c:3"})
    void aDaemonAddressThatIsNotOneFailsWhenTheTracingIsBuilt(String address) {
        assertThatThrownBy(() -> ClientTracing.xray(Map.of("AWS_XRAY_DAEMON_ADDRESS", address)))
                .isInstanceOf(InvalidDaemonAddressException.class)
                .hasMessageContaining("AWS_XRAY_DAEMON_ADDRESS").hasMessageContaining("'" + address + "'");
    }

    /** The X-Ray SDK's other form: sampling rules over TCP (never fetched here), segments over UDP. */
    @Test
    void aDaemonAddressWithTcpAndUdpSendsToTheUdpOne() {
        int port = Integer.parseInt(daemon.address().substring(daemon.address().lastIndexOf(':') + 1));
        ClientTracing both = ClientTracing.xray(Map.of("AWS_XRAY_DAEMON_ADDRESS",
                "tcp:127.0.0.1:1 udp:127.0.0.1:" + port));

        LocalXRayDaemon.Invocation<Void> invocation = daemon.invoke(context -> {
            both.invocation(SPAN, context.getXrayTraceId()).close();
            return null;
        });

        assertThat(invocation.names()).containsExactly(SPAN);
    }

    /** A document over a datagram is sent without its stacks; one still over is dropped, and said once. */
    @Test
    void aDocumentTooBigForADatagramLosesItsStacksThenIsDroppedWithOneLogLine() {
        String big = "x".repeat(40_000);
        LocalXRayDaemon.Invocation<Void> stacksCut = daemon.invoke(context -> {
            try (InvocationSpan span = tracing.invocation(SPAN, context.getXrayTraceId());
                    RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                tracing.annotate("big", big);
                for (int i = 0; i < 10; i++) {
                    call.failed(deep(100, () -> new IllegalStateException("failure")));
                }
            }
            return null;
        });
        assertThat(stacksCut.single("Stripe").at("/cause/exceptions")).hasSize(10)
                .allSatisfy(exception -> assertThat(exception.has("stack")).isFalse());

        try (LogCapture logs = new LogCapture()) {
            LocalXRayDaemon.Invocation<Void> dropped = daemon.invoke(context -> {
                try (InvocationSpan span = tracing.invocation(SPAN, context.getXrayTraceId())) {
                    for (int i = 0; i < 3; i++) {
                        try (RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                            tracing.annotate("big", big + big);
                        }
                    }
                }
                return null;
            });
            assertThat(dropped.names()).containsExactly(SPAN);
            assertThat(logs.text().split("Could not send a trace document", -1)).hasSize(2);
        }
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
        try (InvocationSpan span = new InvocationTracing(none, "dev").start(header())) {
            none.annotate("paymentId", "pi_1");
        }
        none.annotate("stage", "dev");

        assertThat(none.interceptors()).isEmpty();
        assertThat(daemon.drain()).isEmpty();
    }

    /** One remote call inside an invocation, as the daemon receives it. */
    private JsonNode traced(Consumer<RemoteCall> recording) {
        LocalXRayDaemon.Invocation<Void> invocation = daemon.invoke(context -> {
            try (InvocationSpan span = tracing.invocation(SPAN, context.getXrayTraceId());
                    RemoteCall remote = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
                recording.accept(remote);
            }
            return null;
        });
        JsonNode call = invocation.single("Stripe");
        assertThat(call.path("parent_id").asText()).isEqualTo(invocation.single(SPAN).path("id").asText());
        return call;
    }

    private static String header() {
        return LocalXRayDaemon.traceHeader(LocalXRayDaemon.newTraceId(), LocalXRayDaemon.newId(), true);
    }

    /** A function environment with the local endpoint of one service. */
    private static Map<String, String> local(String service, String endpoint) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ENDPOINT_URL_" + service, endpoint);
        return environment;
    }

    /** What {@code made} makes, thrown from {@code depth} frames down. */
    private static <T extends Throwable> T deep(int depth, java.util.function.Supplier<T> made) {
        return depth == 0 ? made.get() : deep(depth - 1, made);
    }
}
