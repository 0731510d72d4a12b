package com.scratch.billing.purchase;

import java.util.Objects;

/** How the buyer pays: a one-time card token from the browser ({@code tok_...}) or a PaymentMethod ({@code pm_...}). */
public sealed interface PaymentSource {

    String id();

    /**
     * The id as it may be recorded (logs, metrics, traces): its type prefix and its last 4 characters, e.g.
     * {@code pm_...sa77}. A whole token or payment method id is never recorded.
     */
    default String masked() {
        String id = id();
        int prefix = id.indexOf('_') + 1;
        if (id.length() <= prefix + 4) {
            return id.substring(0, prefix) + "...";
        }
        return id.substring(0, prefix) + "..." + id.substring(id.length() - 4);
    }

    /** A Stripe.js card token. Single use, so it also identifies one purchase attempt. */
    record CardToken(String id) implements PaymentSource {
        public CardToken {
            Objects.requireNonNull(id, "id == null");
        }
    }

    /** A Stripe PaymentMethod id. */
    record PaymentMethod(String id) implements PaymentSource {
        public PaymentMethod {
            Objects.requireNonNull(id, "id == null");
        }
    }
}
