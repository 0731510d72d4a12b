package com.scratch.billing.stripe;

import com.scratch.config.EnvironmentVariables;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The config the Stripe client runs with: how it talks to Stripe. Explicit because stripe-java's
 * {@code StripeClient} defaults to no network retries and an 80 s read timeout, which does not fit a function
 * behind API Gateway's 29 s limit.
 *
 * @param apiBase where to send requests instead of Stripe (env {@code STRIPE_API_BASE}; a local stand-in)
 * @param maxNetworkRetries retries of connection failures, 409 and 5xx, always with the same idempotency key
 */
public record StripeConfig(Optional<String> apiBase, int maxNetworkRetries, Duration connectTimeout,
        Duration readTimeout) {

    public static final String API_BASE_VARIABLE = "STRIPE_API_BASE";

    public StripeConfig {
        Objects.requireNonNull(apiBase, "apiBase == null");
        Objects.requireNonNull(connectTimeout, "connectTimeout == null");
        Objects.requireNonNull(readTimeout, "readTimeout == null");
    }

    public static StripeConfig fromEnvironment(Map<String, String> environment) {
        return new StripeConfig(EnvironmentVariables.optional(environment, API_BASE_VARIABLE), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }
}
