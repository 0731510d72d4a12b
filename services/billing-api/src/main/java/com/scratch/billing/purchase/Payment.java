package com.scratch.billing.purchase;

import java.util.Objects;

/** A completed charge. */
public record Payment(String id, long amount, String currency) {

    public Payment {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(currency, "currency == null");
    }
}
