package com.scratch.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.scratch.aws.ClientTracing;
import com.scratch.aws.InvocationSpan;
import com.scratch.aws.InvocationTracing;
import com.scratch.events.NotePurchased;
import com.scratch.events.PurchaseMessage;
import java.util.Objects;

/**
 * notify's part of a purchase's trace: each invocation a span ({@link InvocationTracing}: {@code stage},
 * {@code cold_start}) with the text's SNS Publish and the ledger's calls under it, annotated with the purchase it
 * texts about, {@value #EVENT_ID} and {@value #PAYMENT_ID}, so that billing's trace and notify's are found by the same
 * {@code paymentId}. SNS hands Lambda one record per invocation, so these are that one purchase's (in a batch of
 * several, as tests send, the last one read). Thread-safe.
 */
final class NotifyTracing {

    static final String EVENT_ID = "eventId";
    static final String PAYMENT_ID = "paymentId";

    private final ClientTracing tracing;
    private final InvocationTracing invocations;

    NotifyTracing(ClientTracing tracing, String stage) {
        this.tracing = Objects.requireNonNull(tracing, "tracing == null");
        this.invocations = new InvocationTracing(tracing, stage);
    }

    /** The invocation's span, under the segment its trace header (in {@code context}) names. */
    InvocationSpan invocation(Context context) {
        return invocations.start(context);
    }

    /** Annotates the invocation's span with the purchase; the original message has no ids to give. */
    void reading(PurchaseMessage message) {
        if (message instanceof NotePurchased event) {
            tracing.annotate(EVENT_ID, event.eventId());
            tracing.annotate(PAYMENT_ID, event.paymentId());
        }
    }
}
