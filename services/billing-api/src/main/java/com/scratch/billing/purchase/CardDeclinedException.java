package com.scratch.billing.purchase;

import java.util.Optional;

/**
 * The card was refused. Final for this card: retrying the same request will not change the answer. The message
 * is the provider's, written to be shown to the buyer.
 */
public final class CardDeclinedException extends PurchaseFailedException {

    private final transient String code;
    private final transient String declineCode;

    public CardDeclinedException(String code, String declineCode, String message) {
        super(message, null);
        this.code = code;
        this.declineCode = declineCode;
    }

    /** The provider's error code, e.g. {@code card_declined} or {@code expired_card}. */
    public String code() {
        return code;
    }

    /** The issuer's reason when there is one, e.g. {@code insufficient_funds}. */
    public Optional<String> declineCode() {
        return Optional.ofNullable(declineCode);
    }

    @Override
    public FailureAnswer answer() {
        FailureAnswer answer = FailureAnswer.of(402, "card_declined", getMessage()).with("code", code);
        return declineCode().map(reason -> answer.with("declineCode", reason)).orElse(answer);
    }
}
