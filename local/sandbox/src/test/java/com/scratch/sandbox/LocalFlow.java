package com.scratch.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.sns.PublishedMessage;
import com.scratch.sandbox.api.LocalCaller;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * The whole purchase flow in one sandbox, as the system tests drive it: billing and its webhook, SNS, notify, the
 * local Stripe sending its signed webhooks, IAM enforced. It counts what a purchase is judged by: PaymentIntents
 * made, distinct {@code NotePurchased} events (and the copies of them SNS carried), texts, dead letters.
 */
final class LocalFlow implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Sandbox stack;
    final LocalEndpoints endpoints;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalFlow(Sandbox stack) {
        this.stack = stack;
        this.endpoints = stack.endpoints().orElseThrow();
    }

    /** A fresh sandbox (nothing cold-started yet) with its data in {@code dataDirectory}. */
    static LocalFlow start(Path dataDirectory) throws IOException {
        SandboxOptions options = SandboxOptions.defaults(RepositoryRoot.find())
                .withApiPort(0)
                .withDataDirectory(dataDirectory)
                // Lambda waits a minute and two between retries of an asynchronous invocation; here the sandbox's
                // default, a second and two. Not less: a copy of an event whose text another invocation is sending
                // fails and is retried, and the retries must outlast that text, which on a loaded machine took two
                // seconds (with 50 and 100 ms both copies ended as dead letters, which Lambda would never do).
                .withRetryDelays(SandboxOptions.DEFAULT_RETRY_DELAYS);
        return new LocalFlow(Sandbox.start(options, new InvocationLog(System.out)));
    }

    /** {@code POST /billing} with this body and Idempotency-Key, as the web app sends it. */
    HttpResponse<String> purchase(String body, String idempotencyKey) {
        HttpRequest request = LocalCaller.DEVELOPER.signed(stack.apiEndpoint().resolve("/billing"), "POST", body,
                        Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey))
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String topicArn() {
        return stack.topicArns().values().iterator().next();
    }

    int charges() {
        return endpoints.stripe.createdPaymentIntentCount();
    }

    /** SNS messages on the purchase topic: every copy, including the SDK's retries of a publish answered too late. */
    int publishedCopies() {
        return endpoints.sns.published(topicArn()).size();
    }

    /** Distinct {@code NotePurchased} events: copies of one event share its id. */
    int events() {
        return eventIds().size();
    }

    Set<String> eventIds() {
        return endpoints.sns.published(topicArn()).stream().map(LocalFlow::eventId).collect(Collectors.toSet());
    }

    int texts() {
        return endpoints.sns.smsOutbox().size();
    }

    int deadLetters() {
        return stack.delivery().orElseThrow().deadLetters().size();
    }

    /**
     * Waits until Stripe has no webhook left to send and {@code expectedTexts} texts went out, then a little longer, so
     * that a duplicate that would come late (a retried delivery, a second copy) has come before anything is counted.
     */
    void settle(int expectedTexts, int expectedDeadLetters) throws InterruptedException {
        endpoints.stripe.awaitWebhooksSettled(Duration.ofSeconds(60));
        awaitAtLeast(this::texts, expectedTexts);
        awaitAtLeast(this::deadLetters, expectedDeadLetters);
        Thread.sleep(1_000);
        endpoints.stripe.awaitWebhooksSettled(Duration.ofSeconds(60));
    }

    private static void awaitAtLeast(IntSupplier count, int expected) throws InterruptedException {
        try {
            Await.until(Duration.ofSeconds(60), () -> count.getAsInt() >= expected);
        } catch (AssertionError timedOut) {
            // counted and asserted by the caller, which says what is missing
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String eventId(PublishedMessage message) {
        try {
            return JSON.readTree(message.message()).path("eventId").asText();
        } catch (IOException e) {
            return "unreadable:" + message.messageId();
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
