package com.scratch.billing.purchase;

/**
 * The request cannot be a purchase; {@link #field()} names the part at fault ({@code body}, {@code storage},
 * {@code source}, {@code paymentMethod} or {@code Idempotency-Key}). Nothing was charged. The message describes
 * the caller's own input, so the caller gets it.
 */
public final class InvalidPurchaseRequestException extends PurchaseFailedException {

    private final transient String field;

    public InvalidPurchaseRequestException(String field, String message) {
        super(message, null);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(400, "invalid_request", getMessage()).with("field", field);
    }
}
