package com.scratch.bench.warm;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.Map;

/**
 * The Lambda {@code Context} a benchmark hands the handler: the function's name and memory from its environment, as
 * the runtime gives them, one request id for every invocation (the handlers only copy it into their log lines), and
 * the invocation's trace header, which the runtime puts both here and in {@code com.amazonaws.xray.traceHeader}
 * ({@link Invocations#next()} sets that one): billing's tracing reads it here, the baseline's X-Ray SDK there.
 */
record LambdaContext(String functionName, int memoryLimitInMB, String awsRequestId) implements Context {

    static LambdaContext fromEnvironment(Map<String, String> environment) {
        return new LambdaContext(environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "billing"),
                Integer.parseInt(environment.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")),
                "8f5e0a7c-2d4b-4c1e-9a3f-6b7d8e9f0a1b");
    }

    @Override
    public String getXrayTraceId() {
        return System.getProperty(InvocationEvents.TRACE_HEADER_PROPERTY);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2026/12/04/[$LATEST]bench";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 28_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitInMB;
    }

    @Override
    public LambdaLogger getLogger() {
        return Discarding.INSTANCE;
    }

    private enum Discarding implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
    }
}
