package com.scratch.emulators.dynamodb;

import com.scratch.emulators.internal.RejectedRequest;

/**
 * Errors {@link DynamoDbEmulator#failNext(int, DynamoDbFault)} can serve instead of a real answer. The DynamoDB
 * client retries {@link #THROTTLING} and {@link #INTERNAL_ERROR} by default (DynamoDB's own retry policy, more
 * attempts than other services), so tests that do not want to wait should build their client with
 * {@code AwsRetryStrategy.doNotRetry()}.
 *
 * <pre>{@code
 * dynamo.failNext(1, DynamoDbFault.THROTTLING);
 * assertThatThrownBy(() -> client.putItem(request)).isInstanceOf(ProvisionedThroughputExceededException.class);
 * }</pre>
 */
public enum DynamoDbFault {
    /**
     * 400 {@code ProvisionedThroughputExceededException}: what DynamoDB answers an item operation when one key's
     * partition takes more than it may (in either billing mode) or a provisioned table's capacity is used up. An
     * on-demand table over its account quota gets {@code ThrottlingException} instead, as do control-plane calls;
     * the SDK counts both as throttling and retries them.
     */
    THROTTLING(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your"
                    + " provisioning level with the UpdateTable API. (fault injected by DynamoDbEmulator)"),
    /** 500 {@code InternalServerError}: retried by the SDK because of the 5xx status. */
    INTERNAL_ERROR(500, "com.amazonaws.dynamodb.v20120810#InternalServerError",
            "Internal server error (fault injected by DynamoDbEmulator)"),
    /** 400 {@code AccessDeniedException}, as DynamoDB sends it: not retried. */
    ACCESS_DENIED(400, "com.amazon.coral.service#AccessDeniedException",
            "User is not authorized to perform this operation (fault injected by DynamoDbEmulator).");

    private final int status;
    private final String errorType;
    private final String message;

    DynamoDbFault(int status, String errorType, String message) {
        this.status = status;
        this.errorType = errorType;
        this.message = message;
    }

    /** The answer that stands for this fault on DynamoDB's wire. */
    RejectedRequest toError() {
        if (this == ACCESS_DENIED) {
            return DynamoDbErrors.accessDenied(message);
        }
        return DynamoDbErrors.error(status, errorType, message);
    }
}
