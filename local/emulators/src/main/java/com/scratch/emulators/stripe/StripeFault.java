package com.scratch.emulators.stripe;

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
    AUTHENTICATION
}
