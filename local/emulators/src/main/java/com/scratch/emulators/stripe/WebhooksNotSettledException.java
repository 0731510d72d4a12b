package com.scratch.emulators.stripe;

import java.time.Duration;

/**
 * Thrown by {@link StripeEmulator#awaitWebhooksSettled(Duration)} when events are still queued or on the wire
 * once the wait is over: a receiver that keeps failing with a long {@link WebhookPolicy}, or a wait too short
 * for the policy's timeouts. The message says how many deliveries are outstanding.
 *
 * <pre>{@code
 * assertThatThrownBy(() -> stripe.awaitWebhooksSettled(Duration.ofMillis(50)))
 *         .isInstanceOf(WebhooksNotSettledException.class);
 * }</pre>
 */
public final class WebhooksNotSettledException extends RuntimeException {

    private final int outstanding;

    WebhooksNotSettledException(Duration waited, int outstanding) {
        super(outstanding + " webhook deliveries still queued or in flight after " + waited.toMillis() + " ms");
        this.outstanding = outstanding;
    }

    /** Deliveries queued (retries included) or on the wire when the wait ended. */
    public int outstanding() {
        return outstanding;
    }
}
