package com.scratch.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * How a function's invocations and calls out are traced: the one seam between the code and a tracing vendor. It
 * covers the invocation itself ({@link #invocation}, a span the rest nests under; {@link InvocationTracing} opens it
 * annotated), the AWS SDK clients ({@link #interceptors()}, registered by {@link AwsClients}), calls to other remote
 * services ({@link #remoteCall}, e.g. Stripe) and the annotations a trace is searched by ({@link #annotate}).
 *
 * <p>Today that is X-Ray ({@link #xray(Map)}): {@code XRayClientTracing} writes X-Ray's segment documents to the
 * daemon itself, without the X-Ray SDK for Java (which cost a cold start about 150 ms, and whose support ends on
 * 2027-02-25). Moving to OpenTelemetry (ADOT) means one new implementation of this interface, not touching the
 * callers.
 *
 * <p>Build one per container and share it: implementations are thread-safe. What is "current" is per thread, as
 * in Lambda, where one thread handles one invocation at a time.
 *
 * <pre>{@code
 * ClientTracing tracing = ClientTracing.xray(environment);
 * SsmClient ssm = AwsClients.ssm(environment, tracing);
 * try (InvocationSpan span = tracing.invocation("## handleRequest", context.getXrayTraceId())) {
 *     try (RemoteCall call = tracing.remoteCall("Stripe", "POST", "/v1/payment_intents")) {
 *         ... call.status(200); call.requestId("req_123");
 *     }
 *     tracing.annotate("paymentId", "pi_123");   // on the invocation's span
 * }
 * }</pre>
 */
public interface ClientTracing {

    /** The interceptors to register on every SDK client: one traced call per SDK operation. */
    List<ExecutionInterceptor> interceptors();

    /**
     * Starts the span of one invocation of the function, under the segment the platform opened for it, which the
     * invocation's trace header names; it becomes the current span of this thread until closed, so the invocation's
     * calls nest inside it and {@link #annotate} made between them lands on it. In Lambda the function's segment is
     * the runtime's and cannot be written to: this span is where the function's own annotations go. Without a usable
     * header (outside Lambda, unless a test or the sandbox passes one) nothing is traced; a header whose trace is
     * sampled out records nothing but is passed on.
     *
     * @param name how the span appears in the trace ({@code ## handleRequest}, as Powertools names it)
     * @param traceHeader the invocation's X-Ray trace header, as Lambda hands it over in
     *     {@code Context.getXrayTraceId()} ({@code Root=1-...;Parent=53995c3f42cd8ad8;Sampled=1}); null for none
     */
    InvocationSpan invocation(String name, String traceHeader);

    /**
     * Starts tracing one call to a remote service that is not an AWS SDK client; it becomes the current span of
     * this thread until closed, so {@link #annotate} and traced calls made meanwhile land inside it. Close it on
     * the thread that opened it, after recording what came back.
     *
     * @param name the remote service, as it should appear in the trace map ({@code Stripe})
     * @param method the HTTP method ({@code POST})
     * @param urlPath the URL's path, without host or query ({@code /v1/payment_intents}): the host is config and
     *     the query may carry what a trace must not
     */
    RemoteCall remoteCall(String name, String method, String urlPath);

    /**
     * Puts an indexed, searchable annotation on this thread's current span: the open {@link RemoteCall} if any,
     * else the open {@link #invocation} span, never the function's segment (in Lambda, the runtime's).
     * SDK calls never stay current. Outside a trace it does nothing.
     *
     * @param value a {@link String}, {@link Number} or {@link Boolean}; anything else is written as its
     *     {@code toString()}
     */
    void annotate(String key, Object value);

    /**
     * X-Ray: a subsegment for every call, sent to the X-Ray daemon over UDP; safe outside Lambda with no trace open.
     *
     * @param environment the function's environment: whether it runs in Lambda ({@code AWS_LAMBDA_FUNCTION_NAME}),
     *     where the daemon listens ({@code AWS_XRAY_DAEMON_ADDRESS}) and what to do without a segment
     *     ({@code AWS_XRAY_CONTEXT_MISSING})
     * @throws InvalidDaemonAddressException when {@code AWS_XRAY_DAEMON_ADDRESS} is not an address
     */
    static ClientTracing xray(Map<String, String> environment) {
        return XRayClientTracing.fromEnvironment(environment);
    }

    /** No tracing, for tools and tests that never run in Lambda. */
    static ClientTracing none() {
        return NoClientTracing.INSTANCE;
    }
}
