package com.scratch.billing.webhook;

/**
 * A webhook request that is not a genuine, fresh Stripe event: no or a bad {@code Stripe-Signature}, a signature
 * older than the tolerance (a replay), or a body that is not an event (400), or one too large to be one (413).
 * Nothing is announced.
 */
public final class WebhookRejectedException extends RuntimeException {

    private final int status;

    WebhookRejectedException(String message, Throwable cause) {
        this(400, message, cause);
    }

    private WebhookRejectedException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** A body over {@code limit} bytes: refused before it is read. */
    static WebhookRejectedException tooLarge(long size, int limit) {
        return new WebhookRejectedException(413, "The body is " + size + " bytes, over the " + limit + " a Stripe"
                + " event of this endpoint can be", null);
    }

    /** 400, or 413 for a body too large. */
    public int status() {
        return status;
    }
}
