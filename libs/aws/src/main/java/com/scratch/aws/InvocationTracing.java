package com.scratch.aws;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Each invocation of one function as a span named {@value #SPAN_NAME}, annotated the same way in every function:
 * {@value #STAGE} and {@value #COLD_START}, true on the container's first invocation only (the one that paid for the
 * init). The function adds what it learns meanwhile (a {@code paymentId}, an {@code eventId}) with
 * {@link ClientTracing#annotate}, which lands on this span while no call is open.
 *
 * <p>A span of the function's own, rather than annotations on the segment: in Lambda the function's segment is the
 * runtime's, which the function cannot write to. Build one per container with the function's
 * {@link ClientTracing}; thread-safe.
 *
 * <pre>{@code
 * InvocationTracing invocations = new InvocationTracing(tracing, "dev");
 * try (InvocationSpan span = invocations.start(context)) {
 *     ... the handler's work
 * }
 * }</pre>
 */
public final class InvocationTracing {

    /** What Powertools names the handler's subsegment, so that traces read the same with or without it. */
    public static final String SPAN_NAME = "## handleRequest";
    public static final String STAGE = "stage";
    public static final String COLD_START = "cold_start";

    private final ClientTracing tracing;
    private final String stage;
    private final AtomicBoolean firstInvocation = new AtomicBoolean(true);

    /** @param stage the stage the function runs in, as its traces are searched by ({@code dev}, {@code prod}) */
    public InvocationTracing(ClientTracing tracing, String stage) {
        this.tracing = Objects.requireNonNull(tracing, "tracing == null");
        this.stage = Objects.requireNonNull(stage, "stage == null");
    }

    /**
     * Opens this invocation's span, already annotated with the stage and whether it is the cold start, under the
     * segment Lambda opened for it: the one its trace header names ({@code Context.getXrayTraceId()}, the runtime's
     * {@code Lambda-Runtime-Trace-Id}). Whether it is the cold start counts even when the invocation is not traced.
     *
     * @param context the invocation's; null (some tests) traces nothing
     */
    public InvocationSpan start(Context context) {
        return start(context == null ? null : context.getXrayTraceId());
    }

    /** The same from the trace header itself; null traces nothing. */
    public InvocationSpan start(String traceHeader) {
        InvocationSpan span = tracing.invocation(SPAN_NAME, traceHeader);
        tracing.annotate(STAGE, stage);
        tracing.annotate(COLD_START, firstInvocation.getAndSet(false));
        return span;
    }
}
