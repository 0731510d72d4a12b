package com.scratch.sandbox.runtime;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds the {@code Context} a handler receives. The interface belongs to the function's own class loader (it is
 * shaded into the deployment jar), so the context is a dynamic proxy of that interface. Its
 * {@code getXrayTraceId()} is the invocation's trace header, as Lambda's runtime interface client returns the
 * {@code Lambda-Runtime-Trace-Id} it got with the invocation: the function's tracing hangs its spans from it.
 */
final class LambdaContexts {

    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    private static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private LambdaContexts() {
    }

    /** @param traceHeader the function's segment's trace header; null when the function is not traced */
    static Object create(ClassLoader loader, FunctionSpec spec, long deadlineNanos, String traceHeader)
            throws ClassNotFoundException {
        String requestId = UUID.randomUUID().toString();
        Object logger = logger(loader, spec.name());
        return Proxy.newProxyInstance(loader, new Class<?>[] {loader.loadClass(CONTEXT)}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getAwsRequestId": return requestId;
                case "getFunctionName": return spec.name();
                case "getFunctionVersion": return "$LATEST";
                case "getInvokedFunctionArn": return "arn:aws:lambda:us-east-1:000000000000:function:" + spec.name();
                case "getLogGroupName": return "/aws/lambda/" + spec.name();
                case "getLogStreamName": return "local/" + spec.name();
                case "getMemoryLimitInMB": return spec.memorySizeMb();
                case "getRemainingTimeInMillis": return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
                case "getLogger": return logger;
                case "getXrayTraceId": return traceHeader;
                case "toString": return "LocalContext[" + spec.name() + ", " + requestId + "]";
                case "hashCode": return System.identityHashCode(proxy);
                case "equals": return proxy == args[0];
                default: return null;
            }
        });
    }

    private static Object logger(ClassLoader loader, String functionName) throws ClassNotFoundException {
        return Proxy.newProxyInstance(loader, new Class<?>[] {loader.loadClass(LOGGER)}, (proxy, method, args) -> {
            if ("log".equals(method.getName()) && args != null && args.length > 0) {
                Object line = args[0];
                String text = line instanceof byte[] ? new String((byte[]) line, StandardCharsets.UTF_8) : String.valueOf(line);
                System.out.println("[" + functionName + "] " + text.stripTrailing());
                return null;
            }
            if ("toString".equals(method.getName())) {
                return "LocalLambdaLogger[" + functionName + "]";
            }
            return null;
        });
    }
}
