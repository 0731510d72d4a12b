package com.scratch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.sns.SnsFault;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.emulators.stripe.WebhookDelivery;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 purchases from 16 concurrent clients through billing → SNS → notify while 5% of Stripe and SNS calls fail
 * transiently, clients retry with their key until they get an answer that is final, 10% of purchases are sent
 * again after their answer, and Stripe delivers 20 of its webhooks twice. Exactly 1,000 PaymentIntents, 1,000
 * {@code NotePurchased} events and 1,000 texts must come out. The counters are printed (one line, "LOAD") and kept
 * in BENCHMARKS.md.
 */
class PurchaseLoadIT {

    private static final int PURCHASES = 1_000;
    private static final int CLIENTS = 16;
    private static final double TRANSIENT_FAULTS = 0.05;
    private static final double REPEATED = 0.10;
    private static final int DUPLICATED_WEBHOOKS = 20;
    private static final long SEED = 20261204;

    @TempDir
    Path data;

    @Test
    void everyPurchaseIsChargedAnnouncedAndTextedExactlyOnce() throws Exception {
        try (LocalFlow flow = LocalFlow.start(data)) {
            // warm both containers first, so the faults hit purchases, not the one-off cold start
            assertThat(flow.purchase("{\"storage\":1,\"paymentMethod\":\"pm_card_visa\"}", "warm-up").statusCode())
                    .isEqualTo(200);
            flow.settle(1, 0);
            int chargesBefore = flow.charges();
            int eventsBefore = flow.events();
            int textsBefore = flow.texts();
            int copiesBefore = flow.publishedCopies();

            flow.endpoints.stripe.duplicateNextWebhooks(DUPLICATED_WEBHOOKS);
            flow.endpoints.stripe.failRandomly(TRANSIENT_FAULTS, StripeFault.API_ERROR, SEED);
            flow.endpoints.sns.failRandomly(TRANSIENT_FAULTS, SnsFault.INTERNAL_ERROR, SEED + 1);
            Counters counters = new Counters();
            long started = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> purchases = new ArrayList<>();
            Random plan = new Random(SEED);
            for (int i = 0; i < PURCHASES; i++) {
                String key = "load-" + i;
                String body = "{\"storage\":" + (1 + plan.nextInt(500)) + ",\"paymentMethod\":\"pm_card_visa\"}";
                boolean repeated = plan.nextDouble() < REPEATED;
                purchases.add(clients.submit(() -> {
                    String paymentId = buy(flow, body, key, counters);
                    if (repeated) {
                        counters.repeats.incrementAndGet();
                        String again = buy(flow, body, key, counters);
                        assertThat(again).as("the repeat of " + key).isEqualTo(paymentId);
                    }
                    return null;
                }));
            }
            for (Future<?> purchase : purchases) {
                purchase.get();
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            long purchasedMillis = (System.nanoTime() - started) / 1_000_000;

            flow.settle(textsBefore + PURCHASES, 0);
            flow.endpoints.stripe.failRandomly(0, StripeFault.API_ERROR, SEED);
            flow.endpoints.sns.failRandomly(0, SnsFault.INTERNAL_ERROR, SEED);

            List<WebhookDelivery> webhooks = flow.endpoints.stripe.webhookDeliveries();
            long duplicatedEvents = webhooks.stream().filter(WebhookDelivery::delivered)
                    .collect(java.util.stream.Collectors.groupingBy(WebhookDelivery::eventId,
                            java.util.stream.Collectors.counting()))
                    .values().stream().filter(deliveries -> deliveries > 1).count();
            System.out.printf("LOAD | purchases %d | clients %d | requests %d | client retries %d | repeats %d"
                            + " | answers %s | Stripe faults %d | SNS faults %d | webhook deliveries %d (events delivered"
                            + " more than once %d) | PaymentIntents %d | events %d | SNS copies %d | texts %d"
                            + " | dead letters %d | %d ms%n",
                    PURCHASES, CLIENTS, counters.requests.get(), counters.retries.get(), counters.repeats.get(),
                    new java.util.TreeMap<>(counters.statuses), flow.endpoints.stripe.randomFaultsServed(),
                    flow.endpoints.sns.randomFaultsServed(), webhooks.size(), duplicatedEvents,
                    flow.charges() - chargesBefore, flow.events() - eventsBefore, flow.publishedCopies() - copiesBefore,
                    flow.texts() - textsBefore, flow.deadLetters(), purchasedMillis);

            assertThat(flow.endpoints.stripe.randomFaultsServed()).as("Stripe faults served").isPositive();
            assertThat(flow.endpoints.sns.randomFaultsServed()).as("SNS faults served").isPositive();
            assertThat(duplicatedEvents).as("webhook events delivered twice").isGreaterThanOrEqualTo(DUPLICATED_WEBHOOKS);
            assertThat(flow.charges() - chargesBefore).as("PaymentIntents").isEqualTo(PURCHASES);
            assertThat(flow.events() - eventsBefore).as("NotePurchased events").isEqualTo(PURCHASES);
            assertThat(flow.texts() - textsBefore).as("texts").isEqualTo(PURCHASES);
            assertThat(flow.deadLetters()).as("dead letters").isZero();
        }
    }

    /**
     * A client as the web app should be: it sends the purchase with its key, and sends it again (same key) after an
     * answer that says retrying is safe (409 in progress, 5xx), until it gets the receipt. Returns the payment id.
     */
    private static String buy(LocalFlow flow, String body, String key, Counters counters) throws InterruptedException {
        for (int attempt = 1; attempt <= 20; attempt++) {
            counters.requests.incrementAndGet();
            HttpResponse<String> answer = flow.purchase(body, key);
            counters.statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 200) {
                return LocalFlow.json(answer).path("paymentId").asText();
            }
            if (answer.statusCode() != 409 && answer.statusCode() < 500) {
                throw new AssertionError(key + " got " + answer.statusCode() + " " + answer.body());
            }
            counters.retries.incrementAndGet();
            Thread.sleep(20L * attempt);
        }
        throw new AssertionError(key + " did not succeed in 20 attempts");
    }

    private static final class Counters {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger repeats = new AtomicInteger();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    }
}
