package com.scratch.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * How AWS SDK calls are traced: the one seam between our clients and a tracing vendor.
 *
 * <p>Today that is X-Ray ({@link #xray(Map)}). The X-Ray SDK for Java is in maintenance until its end of support
 * on 2027-02-25; moving to OpenTelemetry means adding an implementation here, not touching every client.
 *
 * <pre>{@code
 * SsmClient ssm = AwsClients.ssm(environment, ClientTracing.xray(environment));
 * }</pre>
 */
public interface ClientTracing {

    /** The interceptors to register on every SDK client. */
    List<ExecutionInterceptor> interceptors();

    /**
     * X-Ray subsegments for every call; safe outside Lambda with no segment open.
     *
     * @param environment the function's environment: whether it runs in Lambda ({@code AWS_LAMBDA_FUNCTION_NAME})
     *     and what to do without a segment ({@code AWS_XRAY_CONTEXT_MISSING})
     */
    static ClientTracing xray(Map<String, String> environment) {
        return XRayClientTracing.fromEnvironment(environment);
    }

    /** No tracing, for tools that never run in Lambda. */
    static ClientTracing none() {
        return List::of;
    }
}
