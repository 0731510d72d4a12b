package com.scratch.billing.purchase;

/**
 * The request body is larger than any purchase can be ({@value #MAX_BODY_BYTES} bytes). Refused before it is
 * read, so a hostile client cannot make the function parse, hold or log megabytes. Nothing was charged.
 */
public final class RequestTooLargeException extends PurchaseFailedException {

    /** A purchase body is under 200 bytes; 8 KB leaves room for any future field and none for abuse. */
    public static final int MAX_BODY_BYTES = 8 * 1024;

    public RequestTooLargeException(long bodyBytes) {
        super("Request body has " + bodyBytes + " bytes, more than " + MAX_BODY_BYTES, null);
    }

    @Override
    public FailureAnswer answer() {
        return FailureAnswer.of(413, "request_too_large",
                "Request body must be at most " + MAX_BODY_BYTES + " bytes").with("field", "body");
    }
}
