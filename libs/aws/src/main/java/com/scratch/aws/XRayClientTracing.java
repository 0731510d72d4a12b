package com.scratch.aws;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * X-Ray tracing of SDK calls through the {@link TracingInterceptor}, registered explicitly on each client (the
 * self-registering {@code -instrumentor} jar is deliberately not used).
 *
 * <p>In Lambda the global recorder is used: the runtime opens the segment. Outside Lambda (tests, local runs)
 * no segment is ever open, and the recorder's default reaction to that is an error line on every call; there we
 * use a recorder that ignores the missing context, unless {@code AWS_XRAY_CONTEXT_MISSING} says otherwise.
 */
final class XRayClientTracing implements ClientTracing {

    private final AWSXRayRecorder recorder;

    XRayClientTracing(AWSXRayRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder == null");
    }

    static XRayClientTracing fromEnvironment(Map<String, String> environment) {
        boolean inLambda = environment.containsKey("AWS_LAMBDA_FUNCTION_NAME");
        boolean strategyChosen = environment.containsKey("AWS_XRAY_CONTEXT_MISSING");
        if (inLambda || strategyChosen) {
            return new XRayClientTracing(AWSXRay.getGlobalRecorder());
        }
        return new XRayClientTracing(AWSXRayRecorderBuilder.standard()
                .withContextMissingStrategy(new IgnoreErrorContextMissingStrategy())
                .build());
    }

    @Override
    public List<ExecutionInterceptor> interceptors() {
        return List.of(new TracingInterceptor(recorder, null, null));
    }
}
