package com.scratch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.sandbox.api.LocalCaller;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.demo.LocalDemo;
import com.scratch.testing.Await;
import com.scratch.testing.LogCapture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/** The sandbox started on free ports and driven over HTTP, as a developer or a script would. */
class SandboxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a purchase may take to reach the SMS, event and dead-letter records (delivery is asynchronous). */
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @TempDir
    static Path data;

    private static Sandbox stack;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        SandboxOptions options = SandboxOptions.defaults(RepositoryRoot.find())
                .withApiPort(0)
                .withDataDirectory(data)
                .withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(100)));
        stack = Sandbox.start(options, new InvocationLog(System.out));
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theDemoPasses() throws Exception {
        assertThat(new LocalDemo(stack.apiEndpoint(), System.out).run()).isTrue();
    }

    @Test
    void aPaymentMethodPurchaseIsChargedAnnouncedAndTexted() throws Exception {
        int smsBefore = get("/_local/sms").size();

        HttpResponse<String> response = post("{\"storage\":101,\"paymentMethod\":\"pm_card_visa\"}", "it-payment-method");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("amount").asLong()).isEqualTo(10100);
        Await.until(DELIVERY, () -> smsCount() > smsBefore);
        assertThat(lastSms()).isEqualTo("Charged $101.00 for Scratch charge (101 notes)");
        JsonNode event = lastEventFor(body.get("paymentId").asText());
        assertThat(event.path("attributes").path("eventType").asText()).isEqualTo("NotePurchased");
    }

    /**
     * Both functions write to this one console, so each line is readable and starts with the function's name (in
     * Lambda the same code writes one JSON object per line).
     */
    @Test
    void eachFunctionsLogLinesAreReadableAndStartWithItsName() throws Exception {
        int smsBefore = smsCount();
        String written;
        try (LogCapture console = new LogCapture()) {
            assertThat(post("{\"storage\":7,\"paymentMethod\":\"pm_card_visa\"}", "it-log-lines").statusCode())
                    .isEqualTo(200);
            Await.until(DELIVERY, () -> smsCount() > smsBefore);
            Await.until(DELIVERY, () -> console.text().contains("Texted the admin"));
            written = console.text();
        }

        assertThat(written.lines()).anySatisfy(line -> assertThat(line)
                .matches("billing  \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  PurchaseService - Purchase of 7 notes charged 2800 usd .*"));
        assertThat(written.lines()).anySatisfy(line -> assertThat(line)
                .matches("notify   \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  AdminTexts - Texted the admin: .*"));
        assertThat(written).doesNotContain("{\"timestamp\"");
    }

    @Test
    void twoHundredConcurrentPurchasesAreAllChargedAnnouncedAndTexted() throws Exception {
        int smsBefore = smsCount();
        int eventsBefore = get("/_local/events").size();

        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 200)
                .mapToObj(i -> sendRetryingWhileInProgress(
                        request("{\"storage\":" + (i + 1) + ",\"paymentMethod\":\"pm_card_visa\"}", "it-load-" + i), 10))
                .toList();

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(200);
        }
        Await.until(DELIVERY, () -> smsCount() >= smsBefore + 200);
        assertThat(smsCount()).isEqualTo(smsBefore + 200);
        JsonNode events = get("/_local/events");
        Set<String> eventIds = new HashSet<>();
        for (int i = eventsBefore; i < events.size(); i++) {
            eventIds.add(JSON.readTree(events.get(i).get("message").asText()).get("eventId").asText());
        }
        assertThat(eventIds).hasSize(200);
    }

    @Test
    void aFunctionThatKeepsFailingEndsInItsFailuresQueueAsLambdaWouldSendIt() throws Exception {
        // given
        String topicArn = stack.topicArns().values().iterator().next();
        URI sns = stack.endpoints().orElseThrow().sns.endpoint();
        String malformedPurchase = "{\"amount\": \"not a number\"}";
        // published as billing, the one function whose role may publish to the topic
        Map<String, String> billing = stack.iam().orElseThrow().credentialsOf("billing");

        // when
        String messageId;
        try (SnsClient client = SnsClient.builder().endpointOverride(sns).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        billing.get("AWS_ACCESS_KEY_ID"), billing.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            messageId = client.publish(r -> r.topicArn(topicArn).message(malformedPurchase)).messageId();
        }
        Await.until(DELIVERY, () -> deadLetters().size() > 0);

        // then
        JsonNode letter = deadLetters().get(0);
        // the queue notify-job deploys for the stage (services/notify-job/serverless.yml), named for stage local
        assertThat(letter.get("queueName").asText()).isEqualTo("notify-job-local-notify-failures");
        assertThat(letter.get("function").asText()).isEqualTo("notify");
        assertThat(letter.get("messageId").asText()).isEqualTo(messageId);
        // the body is Lambda's invocation record for an on-failure destination
        JsonNode record = JSON.readTree(letter.get("body").asText());
        assertThat(record.path("version").asText()).isEqualTo("1.0");
        JsonNode requestContext = record.path("requestContext");
        assertThat(requestContext.path("functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:notify-job-local-notify:$LATEST");
        assertThat(requestContext.path("condition").asText()).isEqualTo("RetriesExhausted");
        // the first attempt and the two retries of maximumRetryAttempts: 2
        assertThat(requestContext.path("approximateInvokeCount").asInt()).isEqualTo(3);
        JsonNode snsRecord = record.path("requestPayload").path("Records").path(0);
        assertThat(snsRecord.path("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(snsRecord.path("Sns").path("MessageId").asText()).isEqualTo(messageId);
        assertThat(snsRecord.path("Sns").path("Message").asText()).isEqualTo(malformedPurchase);
        assertThat(record.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.path("responseContext").path("executedVersion").asText()).isEqualTo("$LATEST");
        JsonNode error = record.path("responsePayload");
        assertThat(error.path("errorType").asText()).endsWith("MalformedPurchaseMessageException");
        assertThat(error.path("errorMessage").asText()).isNotBlank();
        assertThat(error.path("stackTrace").isArray()).isTrue();
        assertThat(error.path("stackTrace").size()).isPositive();
    }

    @Test
    void corsPreflightIsAnsweredForCorsRoutes() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.apiEndpoint().resolve("/billing"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Idempotency-Key");
    }

    @Test
    void theCallerIsTheLocalCognitoIdentity() throws Exception {
        HttpResponse<String> response = post("{\"storage\":2,\"paymentMethod\":\"pm_card_visa\"}", "it-identity");

        JsonNode event = lastEventFor(JSON.readTree(response.body()).get("paymentId").asText());
        assertThat(JSON.readTree(event.get("message").asText()).get("userId").asText()).isEqualTo(Sandbox.CALLER_IDENTITY);
    }

    @Test
    void anUnknownRouteIsAnsweredAsApiGatewayAnswersIt() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.apiEndpoint().resolve("/nope")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void aLowercaseMethodIsNotRoutedAsApiGatewayMatchesMethodsWithRegardToCase() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.apiEndpoint().resolve("/billing"))
                .header("Idempotency-Key", "it-lowercase")
                .method("post", HttpRequest.BodyPublishers.ofString("{\"storage\":1,\"paymentMethod\":\"pm_card_visa\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    /**
     * Sends as the API asks a client to: a 409 {@code purchase_in_progress} (the card is charged and Stripe's webhook
     * for the same payment is announcing it right now) is sent again, same Idempotency-Key, a moment later.
     */
    private static CompletableFuture<HttpResponse<String>> sendRetryingWhileInProgress(HttpRequest request,
            int retries) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() != 409 || !response.body().contains("purchase_in_progress") || retries == 0) {
                return CompletableFuture.completedFuture(response);
            }
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> sendRetryingWhileInProgress(request, retries - 1));
        });
    }

    private static HttpResponse<String> post(String body, String idempotencyKey) throws IOException, InterruptedException {
        return http.send(request(body, idempotencyKey), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String body, String idempotencyKey) {
        return LocalCaller.DEVELOPER.signed(stack.apiEndpoint().resolve("/billing"), "POST", body,
                Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey)).build();
    }

    private static JsonNode get(String path) {
        try {
            return JSON.readTree(http.send(HttpRequest.newBuilder(stack.apiEndpoint().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int smsCount() {
        return get("/_local/sms").size();
    }

    private static String lastSms() {
        JsonNode sms = get("/_local/sms");
        return sms.get(sms.size() - 1).get("message").asText();
    }

    private static JsonNode deadLetters() {
        return get("/_local/dead-letters");
    }

    private static JsonNode lastEventFor(String paymentId) throws IOException {
        for (JsonNode event : get("/_local/events")) {
            if (JSON.readTree(event.get("message").asText()).path("paymentId").asText().equals(paymentId)) {
                return event;
            }
        }
        throw new AssertionError("No event for " + paymentId);
    }
}
