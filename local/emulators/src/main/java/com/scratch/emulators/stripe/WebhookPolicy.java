package com.scratch.emulators.stripe;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link StripeEmulator} delivers webhooks: how often it tries, how long it waits between tries and for an
 * answer. Real Stripe retries for up to three days and waits 10 to 20 seconds for an answer; a test wants the
 * same behaviour in milliseconds. Attempt {@code n} (from 1) that fails is followed by attempt {@code n + 1}
 * after {@code firstRetryDelay * 2^(n-1)}: 100 ms, 200 ms, 400 ms, ... with the defaults.
 *
 * <pre>{@code
 * // a receiver that never answers costs 3 x 200 ms plus 10 + 20 ms of backoff
 * stripe.setWebhookPolicy(new WebhookPolicy(3, Duration.ofMillis(10), Duration.ofMillis(200), Duration.ofMillis(200)));
 * }</pre>
 *
 * @param attempts how many times one event is sent to one endpoint before the emulator gives up, at least 1
 * @param firstRetryDelay the wait after the first failed attempt; it doubles after each further failure
 * @param connectTimeout how long to wait for the receiver to accept the connection
 * @param readTimeout how long to wait for the receiver's answer once the event is sent (Stripe: about 10-20 s)
 */
public record WebhookPolicy(int attempts, Duration firstRetryDelay, Duration connectTimeout, Duration readTimeout) {

    private static final WebhookPolicy DEFAULTS =
            new WebhookPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2));

    public WebhookPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts < 1: " + attempts);
        }
        requirePositive(firstRetryDelay, "firstRetryDelay");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /** 5 attempts, 100 ms doubling (1.5 s of backoff in all), 1 s to connect, 2 s to answer. */
    public static WebhookPolicy defaults() {
        return DEFAULTS;
    }

    /** The wait before attempt {@code attempt + 1} when attempt {@code attempt} (from 1) failed. */
    Duration delayAfter(int attempt) {
        // Capped shift: a policy of many attempts must not overflow into a negative wait.
        return firstRetryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " == null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
