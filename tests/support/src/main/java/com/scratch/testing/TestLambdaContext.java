package com.scratch.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The {@code Context} Lambda passes a handler, with what a test reads back from the logs: the function's name, the
 * request id, the ARN Lambda builds from them (account 123456789012, us-east-1) and 1024 MB; and the invocation's
 * X-Ray trace header, which Lambda's runtime hands over in {@link #getXrayTraceId()} (null: no trace, as outside
 * Lambda).
 */
public record TestLambdaContext(String functionName, String awsRequestId, String xrayTraceId) implements Context {

    /** An invocation with no trace header. */
    public TestLambdaContext(String functionName, String awsRequestId) {
        this(functionName, awsRequestId, null);
    }

    /** The same invocation, with this trace header ({@code Root=...;Parent=...;Sampled=1}). */
    public TestLambdaContext withXrayTraceId(String traceHeader) {
        return new TestLambdaContext(functionName, awsRequestId, traceHeader);
    }

    @Override
    public String getXrayTraceId() {
        return xrayTraceId;
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
        return "2026/12/04/[$LATEST]0123456789abcdef";
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
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
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
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
