package com.scratch.aws;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.FacadeSegment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.ThrowableDescription;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.ContextMissingStrategy;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import com.amazonaws.xray.strategy.LogErrorContextMissingStrategy;
import com.amazonaws.xray.strategy.RuntimeErrorContextMissingStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The X-Ray implementation of {@link ClientTracing}, and the only class of the project that imports the X-Ray SDK:
 * the invocation as a subsegment of the function's segment, SDK calls through the {@link TracingInterceptor},
 * registered explicitly on each client (the self-registering {@code -instrumentor} jar is deliberately not used),
 * remote calls as subsegments in the {@code remote} namespace with X-Ray's {@code http} fields, annotations on the
 * current subsegment. The interceptor also puts the trace header on each SDK request ({@code X-Amzn-Trace-Id:
 * Root=<trace>;Parent=<the call's subsegment>;Sampled=1}): that is what SNS passes on to a topic's subscribers, so
 * that the function SNS invokes continues the publisher's trace.
 *
 * <p>In Lambda the global recorder is used: the runtime opens the (facade) segment, and the function's environment
 * is the process environment the global recorder reads. Outside Lambda (tests, local runs) a recorder of our own is
 * built from the environment map, so that several functions in one JVM each have theirs: it sends to
 * {@code AWS_XRAY_DAEMON_ADDRESS} when that is set, and reacts to a missing segment as
 * {@code AWS_XRAY_CONTEXT_MISSING} says, by default ignoring it (no segment is ever open there unless a test opens
 * one, and the recorder's default reaction is an error line on every call).
 */
final class XRayClientTracing implements ClientTracing {

    static final String DAEMON_ADDRESS_VARIABLE = "AWS_XRAY_DAEMON_ADDRESS";
    static final String CONTEXT_MISSING_VARIABLE = "AWS_XRAY_CONTEXT_MISSING";
    static final String REMOTE_NAMESPACE = "remote";

    private final AWSXRayRecorder recorder;

    XRayClientTracing(AWSXRayRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder == null");
    }

    /** The recorder this tracing records with (for tests of this package). */
    AWSXRayRecorder recorder() {
        return recorder;
    }

    static XRayClientTracing fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment == null");
        if (environment.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
            return new XRayClientTracing(AWSXRay.getGlobalRecorder());
        }
        AWSXRayRecorderBuilder recorder = AWSXRayRecorderBuilder.standard()
                .withContextMissingStrategy(contextMissing(environment.get(CONTEXT_MISSING_VARIABLE)));
        String daemonAddress = environment.get(DAEMON_ADDRESS_VARIABLE);
        if (daemonAddress != null && !daemonAddress.isBlank()) {
            recorder.withEmitter(emitter(daemonAddress.strip()));
        }
        return new XRayClientTracing(recorder.build());
    }

    @Override
    public List<ExecutionInterceptor> interceptors() {
        return List.of(new TracingInterceptor(recorder, null, null));
    }

    @Override
    public InvocationSpan invocation(String name) {
        Objects.requireNonNull(name, "name == null");
        Subsegment subsegment = recorder.beginSubsegment(name);
        return () -> end(recorder, subsegment);
    }

    @Override
    public RemoteCall remoteCall(String name, String method, String urlPath) {
        Objects.requireNonNull(name, "name == null");
        Subsegment subsegment = recorder.beginSubsegment(name);
        subsegment.setNamespace(REMOTE_NAMESPACE);
        subsegment.putHttp("request", Map.of("method", method, "url", urlPath));
        return new XRayRemoteCall(recorder, subsegment);
    }

    @Override
    public void annotate(String key, Object value) {
        Objects.requireNonNull(key, "key == null");
        Entity entity = recorder.getTraceEntity();
        // Lambda's facade segment is the runtime's and refuses writes: annotate inside a subsegment there.
        if (entity == null || entity instanceof FacadeSegment || value == null) {
            return;
        }
        if (value instanceof Boolean) {
            entity.putAnnotation(key, (Boolean) value);
        } else if (value instanceof Number) {
            entity.putAnnotation(key, (Number) value);
        } else {
            entity.putAnnotation(key, value.toString());
        }
    }

    /**
     * Ends a subsegment this class began. {@code endSubsegment(subsegment)} sends it as X-Ray wants (on its own when
     * its parent is Lambda's facade segment, else with its parent) but leaves it current: give the thread its parent
     * back, or the next call would nest inside this one. Except Lambda's facade segment: X-Ray's Lambda context makes
     * a new one for each invocation only when the thread has none, and the runtime runs every invocation on the same
     * thread, so a facade left current would be the next invocation's parent and fail its first subsegment
     * ({@code ClassCastException: FacadeSegment cannot be cast to Subsegment}). X-Ray's own Lambda context clears it.
     */
    private static void end(AWSXRayRecorder recorder, Subsegment subsegment) {
        boolean current = recorder.getTraceEntity() == subsegment;
        recorder.endSubsegment(subsegment);
        if (!current) {
            return;
        }
        if (subsegment.getParent() instanceof FacadeSegment) {
            recorder.clearTraceEntity();
        } else {
            recorder.setTraceEntity(subsegment.getParent());
        }
    }

    private static ContextMissingStrategy contextMissing(String configured) {
        String strategy = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
        switch (strategy) {
            case "RUNTIME_ERROR":
                return new RuntimeErrorContextMissingStrategy();
            case "LOG_ERROR":
                return new LogErrorContextMissingStrategy();
            default:
                return new IgnoreErrorContextMissingStrategy();
        }
    }

    private static Emitter emitter(String daemonAddress) {
        DaemonConfiguration daemon = new DaemonConfiguration();
        try {
            daemon.setDaemonAddress(daemonAddress);
        } catch (IllegalArgumentException e) {
            throw new InvalidDaemonAddressException(DAEMON_ADDRESS_VARIABLE, daemonAddress, e);
        }
        try {
            return Emitter.create(daemon);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the UDP socket to the X-Ray daemon at " + daemonAddress, e);
        }
    }

    /** A remote call as an X-Ray subsegment, marked as X-Ray marks HTTP calls when it ends. */
    private static final class XRayRemoteCall implements RemoteCall {

        private final AWSXRayRecorder recorder;
        private final Subsegment subsegment;
        private Integer status;
        private Throwable failure;

        XRayRemoteCall(AWSXRayRecorder recorder, Subsegment subsegment) {
            this.recorder = recorder;
            this.subsegment = subsegment;
        }

        @Override
        public void status(int httpStatus) {
            status = httpStatus;
            subsegment.putHttp("response", Map.of("status", httpStatus));
        }

        @Override
        public void requestId(String requestId) {
            if (requestId != null) {
                subsegment.putMetadata(REMOTE_NAMESPACE, "request_id", requestId);
            }
        }

        @Override
        public void failed(Throwable cause) {
            failure = cause;
            subsegment.addException(cause);
        }

        @Override
        public void failed(Throwable cause, String message) {
            failure = cause;
            // Described as X-Ray describes it (type, stack trimmed to the recorder's length), then the message
            // replaced and the causes left out: theirs may say what the caller's message leaves out on purpose.
            ThrowableDescription description = recorder.getThrowableSerializationStrategy()
                    .describeInContext(subsegment, cause, List.of()).get(0);
            description.setMessage(message);
            description.setCause(null);
            subsegment.getCause().addException(description);
        }

        @Override
        public void close() {
            // Set all three: the SDK's addException marks a fault, which a declined card (402) is not.
            boolean answered = status != null;
            boolean clientError = answered && status >= 400 && status < 500;
            subsegment.setThrottle(answered && status == 429);
            subsegment.setError(clientError);
            // A 5xx, or no answer at all (or one the caller could not use): the remote's side or the way there.
            subsegment.setFault(!clientError && (answered && status >= 500 || failure != null));
            end(recorder, subsegment);
        }
    }
}
