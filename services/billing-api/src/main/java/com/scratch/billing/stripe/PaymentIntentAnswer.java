package com.scratch.billing.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.json.JsonTrees;

/**
 * What billing reads of the PaymentIntent Stripe answers with: its id, status, amount and currency, and why it was
 * canceled. Read from the answer's JSON with {@link JsonTrees} rather than into stripe-java's {@code PaymentIntent},
 * which Gson fills by reflection over the model's whole class graph (about 400 classes, ~250 ms of a cold start;
 * BENCHMARKS.md, figure 1). Fields Stripe adds are ignored.
 *
 * @param cancellationReason null unless canceled, and not always then
 */
record PaymentIntentAnswer(String id, String status, long amount, String currency, String cancellationReason) {

    /**
     * @throws MalformedStripeAnswerException when the answer is not a PaymentIntent (its text is never quoted: it
     *     may carry what the buyer typed)
     */
    static PaymentIntentAnswer read(String json) {
        JsonNode intent;
        try {
            intent = JsonTrees.read(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new MalformedStripeAnswerException("is not JSON");
        }
        if (!intent.isObject() || !"payment_intent".equals(intent.path("object").textValue())) {
            throw new MalformedStripeAnswerException("is not a payment_intent object");
        }
        JsonNode amount = intent.path("amount");
        if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
            throw new MalformedStripeAnswerException("has no whole amount");
        }
        return new PaymentIntentAnswer(text(intent, "id"), text(intent, "status"), amount.longValue(),
                text(intent, "currency"), intent.path("cancellation_reason").textValue());
    }

    private static String text(JsonNode intent, String field) {
        String value = intent.path(field).textValue();
        if (value == null || value.isEmpty()) {
            throw new MalformedStripeAnswerException("has no " + field);
        }
        return value;
    }
}
