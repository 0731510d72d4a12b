package com.scratch.billing.api;

/** The request cannot be a purchase; {@link #field()} names the part at fault. Nothing was charged. */
public final class InvalidPurchaseRequestException extends RuntimeException {

    private final String field;

    public InvalidPurchaseRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
