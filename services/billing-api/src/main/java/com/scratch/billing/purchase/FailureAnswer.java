package com.scratch.billing.purchase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the caller is told when a purchase fails: an HTTP status, a stable error code a client can branch on, a
 * message it may show, and details such as the field at fault or the payment id. Nothing in it may be internal:
 * no key, parameter name, or AWS or Stripe error beyond what the buyer's own card or input caused.
 *
 * @param status the HTTP status, 4xx or 5xx
 * @param error the stable code, e.g. {@code card_declined}
 * @param message for people, safe to show
 * @param details more fields of the answer, in order
 */
public record FailureAnswer(int status, String error, String message, Map<String, String> details) {

    /** Added to the message of every answer after which the same request may be sent again. */
    public static final String RETRY_IS_SAFE = "Retrying the same request (with the same Idempotency-Key, if one was"
            + " sent) will not charge twice.";

    public FailureAnswer {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure is answered with 4xx or 5xx, not " + status);
        }
        Objects.requireNonNull(error, "error == null");
        Objects.requireNonNull(message, "message == null");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static FailureAnswer of(int status, String error, String message) {
        return new FailureAnswer(status, error, message, Map.of());
    }

    /** The answer to a fault on our side: nothing the caller did, and nothing to tell it but that retrying is safe. */
    public static FailureAnswer internalError() {
        return of(500, "internal_error", "The purchase failed on our side. " + RETRY_IS_SAFE);
    }

    /** This answer with one more detail. */
    public FailureAnswer with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
        return new FailureAnswer(status, error, message, more);
    }
}
