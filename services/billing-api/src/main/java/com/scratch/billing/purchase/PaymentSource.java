package com.scratch.billing.purchase;

import java.util.Objects;

/** How the buyer pays: a one-time card token from the browser ({@code tok_...}) or a PaymentMethod ({@code pm_...}). */
public sealed interface PaymentSource {

    String id();

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
