package com.scratch.emulators.stripe;

import java.util.Map;
import java.util.Objects;

/**
 * One request a {@link StripeEmulator} received, failed ones included.
 *
 * <pre>{@code
 * StripeRequest request = stripe.requests().get(0);
 * request.form().get("payment_method_data[card][token]"); // "tok_visa"
 * }</pre>
 *
 * @param method {@code GET} or {@code POST}
 * @param path for example {@code /v1/payment_intents}
 * @param form the form body (POST) or query (GET) as flat Stripe keys such as {@code metadata[order_id]}
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param apiKey the bearer key sent, or null; {@link #toString()} masks it
 */
public record StripeRequest(String method, String path, Map<String, String> form, String idempotencyKey, String apiKey) {

    public StripeRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        form = Map.copyOf(Objects.requireNonNull(form, "form == null"));
    }

    @Override
    public String toString() {
        return "StripeRequest[method=" + method + ", path=" + path + ", form=" + form
                + ", idempotencyKey=" + idempotencyKey + ", apiKey=" + ApiKeys.mask(apiKey) + "]";
    }
}
