package com.scratch.aws;

import com.fasterxml.jackson.core.JsonFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The X-Ray implementation of {@link ClientTracing}, without the X-Ray SDK: each span is a subsegment document
 * written with jackson-core's streaming generator ({@link XRaySegmentDocuments}) and sent to the daemon over UDP
 * ({@link XRayDaemonEmitter}) as it ends. The SDK cost a cold start about 150 ms (its recorder's constructor reads
 * sampling rules with the JVM's first Jackson {@code ObjectMapper}, and loads commons-logging's discovery,
 * {@code SecureRandom} and centralized sampling), and its support ends on 2027-02-25.
 *
 * <p>The invocation's span hangs from the segment Lambda opened for it, named by the invocation's trace header
 * ({@code Context.getXrayTraceId()}: {@code Root} the trace, {@code Parent} the function's segment, {@code Sampled});
 * that segment is the runtime's, which the function never writes to nor sends. SDK calls are subsegments in the
 * {@code aws} namespace ({@link XRaySdkInterceptor}, which also puts the trace header on each request: SNS passes it
 * on to a topic's subscribers, so that the function SNS invokes continues the publisher's trace); remote calls are
 * subsegments in the {@code remote} namespace with X-Ray's {@code http} fields. Every span is sent as an independent
 * subsegment ({@code parent_id} naming its parent), one datagram each, the children before the invocation's span.
 *
 * <p>What is current is per thread: the invocation's span while it is open, a remote call while it is open (an SDK
 * call never stays current); ending a span gives the thread back the one that was current before it, and the
 * invocation's span leaves the thread with what it had before the invocation (nothing, in Lambda), so that the
 * container's next invocation hangs from its own header and nowhere else. An invocation with no usable header, and a
 * call with no span open, is not traced, and {@code AWS_XRAY_CONTEXT_MISSING} says what else happens
 * ({@link XRayContextMissing}), except for a call in Lambda: there a call with no span open is outside every
 * invocation, at init (the key's prefetch) or on a thread of the function's own (its refresh), and is simply not
 * traced, as X-Ray's own Lambda context did at init; an error line on every cold start would be noise. A trace sampled out ({@code Sampled=0}) records and sends nothing, but its calls
 * still send {@code Root=<trace>;Sampled=0} on, as the X-Ray SDK did, so that downstream keeps the decision.
 *
 * <p>Thread-safe; build one per container ({@link #fromEnvironment}), which opens its UDP socket once.
 */
final class XRayClientTracing implements ClientTracing {

    static final String REMOTE_NAMESPACE = "remote";
    static final String AWS_NAMESPACE = "aws";

    private final XRayDaemonEmitter emitter;
    private final XRaySegmentDocuments documents;
    private final XRayContextMissing contextMissing;
    private final XRayContextMissing callOutsideInvocations;
    private final Clock clock;
    private final ThreadLocal<XRaySpan> current = new ThreadLocal<>();
    private final List<ExecutionInterceptor> interceptors;

    /**
     * @param contextMissing what an invocation with no usable header does, and a call with no span open
     * @param inLambda whether a call with no span open is outside every invocation, and so not traced, silently
     */
    XRayClientTracing(XRayDaemonEmitter emitter, XRaySegmentDocuments documents, XRayContextMissing contextMissing,
            boolean inLambda, Clock clock) {
        this.emitter = Objects.requireNonNull(emitter, "emitter == null");
        this.documents = Objects.requireNonNull(documents, "documents == null");
        this.contextMissing = Objects.requireNonNull(contextMissing, "contextMissing == null");
        this.callOutsideInvocations = inLambda ? XRayContextMissing.IGNORE : contextMissing;
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.interceptors = List.of(new XRaySdkInterceptor(this));
    }

    /**
     * From the function's environment: in Lambda when it has {@code AWS_LAMBDA_FUNCTION_NAME}; the daemon at
     * {@code AWS_XRAY_DAEMON_ADDRESS} (127.0.0.1:2000 without it); {@code AWS_XRAY_CONTEXT_MISSING}.
     *
     * @throws InvalidDaemonAddressException when the daemon address is not one
     */
    static XRayClientTracing fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment == null");
        boolean inLambda = environment.containsKey("AWS_LAMBDA_FUNCTION_NAME");
        XRayDaemonAddress daemon = XRayDaemonAddress.parse(environment.get(XRayDaemonAddress.VARIABLE));
        return new XRayClientTracing(XRayDaemonEmitter.open(daemon),
                new XRaySegmentDocuments(new JsonFactory(), XRayDaemonEmitter.maxDocumentBytes(),
                        System.getProperty("user.dir")),
                XRayContextMissing.of(environment.get(XRayContextMissing.VARIABLE), inLambda), inLambda,
                Clock.systemUTC());
    }

    @Override
    public List<ExecutionInterceptor> interceptors() {
        return interceptors;
    }

    @Override
    public InvocationSpan invocation(String name, String traceHeader) {
        Objects.requireNonNull(name, "name == null");
        Optional<TraceHeader> header = TraceHeader.parse(traceHeader);
        if (header.isEmpty()) {
            contextMissing.missing(name + " (trace header: " + traceHeader + ")");
            return InvocationSpan.NONE;
        }
        XRaySpan before = current.get();
        XRaySpan span = new XRaySpan(header.get().root(), header.get().parent(), XRayIds.newId(), name,
                header.get().sampled(), clock.instant(), before);
        current.set(span);
        return new InvocationSpan() {
            private boolean closed;

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                // Whatever a call left open, the invocation is over: the thread goes back to what it had before it.
                restore(before);
                send(span);
            }
        };
    }

    @Override
    public RemoteCall remoteCall(String name, String method, String urlPath) {
        Objects.requireNonNull(name, "name == null");
        XRaySpan span = child(name, name + " " + method + " " + urlPath);
        if (span == null) {
            return RemoteCall.NONE;
        }
        span.namespace(REMOTE_NAMESPACE);
        span.httpRequest().put("method", method);
        span.httpRequest().put("url", urlPath);
        current.set(span);
        return new XRayRemoteCall(span);
    }

    @Override
    public void annotate(String key, Object value) {
        Objects.requireNonNull(key, "key == null");
        XRaySpan span = current.get();
        if (span == null || !span.sampled() || value == null) {
            return;
        }
        span.annotations().put(key, value instanceof Boolean || value instanceof Number ? value : value.toString());
    }

    /**
     * A new span under this thread's current one, not made current; null (after {@link XRayContextMissing} had its
     * say) when none is open.
     *
     * @param what the call, for the context-missing line
     */
    XRaySpan child(String name, String what) {
        XRaySpan parent = current.get();
        if (parent == null) {
            callOutsideInvocations.missing(what);
            return null;
        }
        return new XRaySpan(parent.traceId(), parent.id(), XRayIds.newId(), name, parent.sampled(), clock.instant(),
                parent);
    }

    /** Ends a child span: if it is current, its parent is again; sent unless its trace is sampled out. */
    void end(XRaySpan span) {
        if (current.get() == span) {
            restore(span.previous());
        }
        send(span);
    }

    private void restore(XRaySpan span) {
        if (span == null) {
            current.remove();
        } else {
            current.set(span);
        }
    }

    private void send(XRaySpan span) {
        span.end(clock.instant());
        if (!span.sampled()) {
            return;
        }
        documents.write(span).ifPresentOrElse(emitter::send, () -> emitter.dropped(new IllegalStateException(
                "the document of " + span.name() + " is over " + XRayDaemonEmitter.MAX_DATAGRAM_BYTES
                        + " bytes even without its stacks")));
    }

    /** A remote call as a subsegment, marked as X-Ray marks HTTP calls when it ends. */
    private final class XRayRemoteCall implements RemoteCall {

        private final XRaySpan span;
        private Integer status;
        private boolean failed;
        private boolean closed;

        XRayRemoteCall(XRaySpan span) {
            this.span = span;
        }

        @Override
        public void status(int httpStatus) {
            status = httpStatus;
            span.httpResponse().put("status", httpStatus);
        }

        @Override
        public void requestId(String requestId) {
            if (requestId != null) {
                span.putMetadata(REMOTE_NAMESPACE, "request_id", requestId);
            }
        }

        @Override
        public void failed(Throwable cause) {
            failed = true;
            span.exceptions().addAll(XRayExceptionDescription.describe(cause, false));
        }

        @Override
        public void failed(Throwable cause, String message) {
            failed = true;
            span.exceptions().add(XRayExceptionDescription.withMessage(cause, message));
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            span.markByStatus(status, failed);
            end(span);
        }
    }
}
