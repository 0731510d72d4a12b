package com.scratch.billing.stripe;

import java.util.Optional;

/** The card was refused. Final for this card: retrying the same request will not change the answer. */
public final class CardDeclinedException extends RuntimeException {

    private final String code;
    private final String declineCode;

    public CardDeclinedException(String code, String declineCode, String message) {
        super(message);
        this.code = code;
        this.declineCode = declineCode;
    }

    /** Stripe's error code, e.g. {@code card_declined} or {@code expired_card}. */
    public String code() {
        return code;
    }

    /** Stripe's decline code when it gives one, e.g. {@code insufficient_funds}. */
    public Optional<String> declineCode() {
        return Optional.ofNullable(declineCode);
    }
}
