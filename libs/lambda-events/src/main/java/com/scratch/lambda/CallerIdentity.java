package com.scratch.lambda;

/**
 * The caller of an API Gateway request as its authorizer saw it ({@code requestContext.identity}); each part null
 * when the request did not carry it.
 *
 * @param cognitoIdentityId the Cognito identity of a signed-in user
 * @param userArn the IAM principal's ARN under the {@code aws_iam} authorizer
 * @param caller the IAM caller's id (principal id, or role id and session)
 */
public record CallerIdentity(String cognitoIdentityId, String userArn, String caller) {

    /** A request without an identity: no authorizer, or a direct invocation. */
    public static final CallerIdentity NONE = new CallerIdentity(null, null, null);
}
