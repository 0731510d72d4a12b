package com.scratch.aws;

import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** {@link ClientTracing#none()}: traces nothing. */
enum NoClientTracing implements ClientTracing {
    INSTANCE;

    @Override
    public List<ExecutionInterceptor> interceptors() {
        return List.of();
    }

    @Override
    public InvocationSpan invocation(String name, String traceHeader) {
        return InvocationSpan.NONE;
    }

    @Override
    public RemoteCall remoteCall(String name, String method, String urlPath) {
        return RemoteCall.NONE;
    }

    @Override
    public void annotate(String key, Object value) {
    }
}
