package com.scratch.emulators.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.internal.RejectedRequest;

/**
 * Errors {@link StripeEmulator#failNext(int, StripeFault)} can serve instead of a real answer. Faults are
 * never stored for idempotent replay, so a retry with the same {@code Idempotency-Key} gets a real answer.
 * {@code StripeClient} does not retry by default ({@code maxNetworkRetries = 0}).
 *
 * <pre>{@code
 * stripe.failNext(1, StripeFault.RATE_LIMIT);
 * assertThatThrownBy(() -> client.v1().paymentIntents().create(params)).isInstanceOf(RateLimitException.class);
 * }</pre>
 */
public enum StripeFault {
    /** 500 {@code api_error}: {@code ApiException}. */
    API_ERROR,
    /** 429 with code {@code rate_limit}: {@code RateLimitException}. */
    RATE_LIMIT,
    /** 401 invalid API key: {@code AuthenticationException}. */
    AUTHENTICATION;

    /** The answer that stands for this fault on Stripe's wire; {@code maskedKey} is the caller's key as a 401 shows it. */
    RejectedRequest toError(String maskedKey) {
        return switch (this) {
            case API_ERROR -> StripeErrors.reject(500, StripeErrors.error("api_error",
                    "An unknown error occurred (fault injected by StripeEmulator)."));
            case RATE_LIMIT -> {
                ObjectNode error = StripeErrors.error("invalid_request_error",
                        "Request rate limit exceeded (fault injected by StripeEmulator).");
                error.put("code", "rate_limit");
                yield StripeErrors.reject(429, error);
            }
            case AUTHENTICATION -> StripeErrors.invalidApiKey(maskedKey == null ? "****" : maskedKey);
        };
    }
}
