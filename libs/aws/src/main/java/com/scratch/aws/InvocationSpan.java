package com.scratch.aws;

/**
 * One invocation of the function as a span of its trace, from {@link ClientTracing#invocation}. Until it is closed it
 * is the thread's current span: the calls the invocation makes (SDK clients, {@link RemoteCall}s) nest under it, and
 * {@link ClientTracing#annotate} made outside those calls lands on it. Close it on the thread that opened it, once
 * the invocation's work is done.
 *
 * <pre>{@code
 * try (InvocationSpan span = tracing.invocation(InvocationTracing.SPAN_NAME, context.getXrayTraceId())) {
 *     tracing.annotate("paymentId", "pi_123");
 *     ... the invocation's calls
 * }
 * }</pre>
 */
public interface InvocationSpan extends AutoCloseable {

    /** A span that records nothing. */
    InvocationSpan NONE = () -> {
    };

    /** Ends the span and gives the thread back the span that was current before it (in Lambda, none: the
     * runtime's segment is never current). */
    @Override
    void close();
}
