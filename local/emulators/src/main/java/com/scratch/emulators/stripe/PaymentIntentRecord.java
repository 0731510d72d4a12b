package com.scratch.emulators.stripe;

import java.util.Objects;

/**
 * A PaymentIntent the emulator created, declined ones included (they stay in {@code requires_payment_method}).
 *
 * <pre>{@code
 * assertThat(stripe.paymentIntents()).extracting(PaymentIntentRecord::status).containsExactly("succeeded");
 * }</pre>
 *
 * @param id {@code pi_...}
 * @param amount in the currency's smallest unit, for example cents
 * @param currency lower case, for example {@code usd}
 * @param status {@code succeeded}, {@code requires_payment_method}, {@code requires_confirmation} or
 *     {@code requires_capture}
 * @param description the description sent, or null
 * @param idempotencyKey the {@code Idempotency-Key} of the creating request, or null
 */
public record PaymentIntentRecord(String id, long amount, String currency, String status, String description,
                                  String idempotencyKey) {

    public PaymentIntentRecord {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(currency, "currency == null");
        Objects.requireNonNull(status, "status == null");
    }
}
