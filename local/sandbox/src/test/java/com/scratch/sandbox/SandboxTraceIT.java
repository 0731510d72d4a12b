package com.scratch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.sns.PublishedMessage;
import com.scratch.emulators.sns.SmsMessage;
import com.scratch.sandbox.api.LocalCaller;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.testing.Await;
import com.scratch.testing.LocalXRayDaemon;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One purchase, one trace, from billing's invocation through SNS to notify's text, as a UDP listener on the daemon
 * address reads it ({@link LocalXRayDaemon}, here only the daemon: the sandbox plays Lambda's part). Both functions
 * run from their deployment jars with {@code AWS_XRAY_DAEMON_ADDRESS} set; billing publishes through its real SNS
 * client, whose X-Ray interceptor sends the trace header with the Publish; the local SNS keeps it with the message;
 * the sandbox's delivery invokes notify with it; notify's invocation continues that trace under a segment of its
 * own, as Lambda's does. Nothing of the trace goes from the test to the functions.
 *
 * <p>Not shown: the segments SNS (active tracing) and Lambda's service record between billing's publish and notify's
 * function segment in AWS; here notify's segment hangs directly from billing's publish.
 */
class SandboxTraceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPAN = "## handleRequest";

    @TempDir
    static Path data;

    private static LocalXRayDaemon daemon;
    private static Sandbox stack;

    @BeforeAll
    static void start() throws IOException {
        daemon = LocalXRayDaemon.start();
        stack = Sandbox.start(SandboxOptions.defaults(RepositoryRoot.find())
                .withApiPort(0)
                .withDataDirectory(data)
                .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)))
                .withXRayDaemon(daemon.address()), new InvocationLog(System.out));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        daemon.close();
    }

    @Test
    void aPurchaseIsOneTraceFromBillingsInvocationThroughSnsToNotifysText() throws Exception {
        // when
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                LocalCaller.DEVELOPER.signed(stack.apiEndpoint().resolve("/billing"), "POST",
                        "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}",
                        Map.of("Content-Type", "application/json", "Idempotency-Key", "it-trace-1")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then: billing answered and announced, and the message kept the header billing's SDK sent with it
        assertThat(response.statusCode()).isEqualTo(200);
        String paymentId = JSON.readTree(response.body()).path("paymentId").asText();
        PublishedMessage announced = announcementOf(paymentId);
        String eventId = JSON.readTree(announced.message()).path("eventId").asText();
        Map<String, String> header = fields(announced.traceHeader());
        String traceId = header.get("Root");
        assertThat(traceId).as("the Publish's X-Amzn-Trace-Id: %s", announced.traceHeader()).isNotBlank();
        assertThat(header).containsEntry("Sampled", "1");

        // and: everything both functions (and the sandbox's Lambda) sent for that trace reached the daemon
        List<JsonNode> trace = traceOf(traceId, entities -> entities.stream().anyMatch(entity ->
                entity.path("name").asText().equals("notify") && entity.has("end_time")) && entities.stream()
                .filter(entity -> entity.path("name").asText().equals(SPAN)).count() == 2);
        Map<String, JsonNode> byId = trace.stream().collect(Collectors.toMap(entity -> entity.path("id").asText(),
                Function.identity(), (first, second) -> first));

        // billing: its invocation's span, under the segment Lambda records for the function, at the trace's start
        JsonNode billingSegment = only(trace, "billing");
        assertThat(billingSegment.path("origin").asText()).isEqualTo("AWS::Lambda::Function");
        assertThat(billingSegment.has("parent_id")).as("API Gateway's segment is not recorded locally").isFalse();
        JsonNode billingSpan = childNamed(trace, billingSegment, SPAN);
        assertThat(billingSpan.at("/annotations/stage").asText()).isEqualTo(SandboxOptions.STAGE);
        assertThat(billingSpan.at("/annotations/cold_start").isBoolean()).isTrue();
        assertThat(billingSpan.at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(billingSpan.at("/annotations/paymentId").asText()).isEqualTo(paymentId);

        JsonNode stripe = childNamed(trace, billingSpan, "Stripe");
        assertThat(stripe.path("namespace").asText()).isEqualTo("remote");
        assertThat(stripe.at("/http/request/method").asText()).isEqualTo("POST");
        assertThat(stripe.at("/http/request/url").asText()).isEqualTo("/v1/payment_intents");
        assertThat(stripe.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(stripe.at("/metadata/remote/request_id").asText()).matches("req_[A-Za-z0-9]{14}");

        JsonNode publish = childNamed(trace, billingSpan, "Sns");
        assertThat(publish.at("/aws/operation").asText()).isEqualTo("Publish");
        assertThat(publish.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(publish.path("id").asText()).as("the Parent of the header SNS received is billing's publish")
                .isEqualTo(header.get("Parent"));

        // notify: in the same trace, its segment a child of billing's publish, its span and the text's publish under it
        JsonNode notifySegment = only(trace, "notify");
        assertThat(notifySegment.path("origin").asText()).isEqualTo("AWS::Lambda::Function");
        assertThat(notifySegment.path("parent_id").asText()).isEqualTo(publish.path("id").asText());
        JsonNode notifySpan = childNamed(trace, notifySegment, SPAN);
        assertThat(notifySpan.at("/annotations/eventId").asText()).isEqualTo(eventId);
        assertThat(notifySpan.at("/annotations/paymentId").asText()).isEqualTo(paymentId);
        assertThat(notifySpan.at("/annotations/stage").asText()).isEqualTo(SandboxOptions.STAGE);
        assertThat(notifySpan.at("/annotations/cold_start").asBoolean()).isTrue();
        JsonNode text = childNamed(trace, notifySpan, "Sns");
        assertThat(text.at("/aws/operation").asText()).isEqualTo("Publish");
        assertThat(text.at("/http/response/status").asInt()).isEqualTo(200);

        assertThat(ancestry(text, byId)).as("from the text's publish up to the trace's start")
                .containsExactly("Sns", SPAN, "notify", "Sns", SPAN, "billing");

        // and: the admin's number is in no datagram (at most its last 4 digits may ever be shown)
        List<SmsMessage> texts = stack.endpoints().orElseThrow().sns.smsOutbox();
        assertThat(texts).hasSize(1);
        String digits = texts.get(0).phoneNumber().substring(1);
        String datagrams = String.join("\n", daemon.datagrams());
        for (int start = 0; start + 6 <= digits.length(); start++) {
            assertThat(datagrams).doesNotContain(digits.substring(start, start + 6));
        }
    }

    private static PublishedMessage announcementOf(String paymentId) throws Exception {
        String topicArn = stack.topicArns().values().iterator().next();
        List<PublishedMessage> found = new CopyOnWriteArrayList<>();
        Await.until(Duration.ofSeconds(30), () -> {
            found.clear();
            stack.endpoints().orElseThrow().sns.published(topicArn).stream()
                    .filter(message -> message.message().contains(paymentId)).forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The entities of {@code traceId} the daemon received, read until {@code complete} says all have come. */
    private static List<JsonNode> traceOf(String traceId, Predicate<List<JsonNode>> complete)
            throws InterruptedException {
        List<JsonNode> trace = new CopyOnWriteArrayList<>();
        Await.until(Duration.ofSeconds(30), () -> {
            daemon.drain().stream().filter(entity -> entity.path("trace_id").asText().equals(traceId))
                    .forEach(trace::add);
            return complete.test(trace);
        });
        return new ArrayList<>(trace);
    }

    private static JsonNode only(List<JsonNode> trace, String name) {
        List<JsonNode> named = trace.stream().filter(entity -> entity.path("name").asText().equals(name)).toList();
        assertThat(named).as("entities named %s in the trace", name).hasSize(1);
        return named.get(0);
    }

    private static JsonNode childNamed(List<JsonNode> trace, JsonNode parent, String name) {
        List<JsonNode> children = trace.stream()
                .filter(entity -> entity.path("parent_id").asText().equals(parent.path("id").asText()))
                .filter(entity -> entity.path("name").asText().equals(name))
                .toList();
        assertThat(children).as("%s under %s", name, parent.path("name").asText()).hasSize(1);
        return children.get(0);
    }

    /** The names from {@code entity} up through its parents, as far as the trace has them. */
    private static List<String> ancestry(JsonNode entity, Map<String, JsonNode> byId) {
        List<String> names = new ArrayList<>();
        Optional<JsonNode> next = Optional.of(entity);
        while (next.isPresent() && names.size() < 20) {
            names.add(next.get().path("name").asText());
            next = Optional.ofNullable(byId.get(next.get().path("parent_id").asText()));
        }
        return names;
    }

    private static Map<String, String> fields(String traceHeader) {
        assertThat(traceHeader).as("the trace header SNS kept with the message").isNotNull();
        return Arrays.stream(traceHeader.split(";")).map(part -> part.split("=", 2))
                .filter(pair -> pair.length == 2)
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
