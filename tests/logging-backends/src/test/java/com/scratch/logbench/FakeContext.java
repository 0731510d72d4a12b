package com.scratch.logbench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** What the Lambda runtime hands a handler, as much of it as logging reads: request id, function name and version. */
final class FakeContext implements Context {

    static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    static final String FUNCTION_NAME = "scratch-billing-dev-billing";

    @Override public String getAwsRequestId() { return REQUEST_ID; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + FUNCTION_NAME; }
    @Override public String getLogStreamName() { return "2026/12/04/[$LATEST]0123456789abcdef"; }
    @Override public String getFunctionName() { return FUNCTION_NAME; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION_NAME; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 29_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() { return null; }
}
