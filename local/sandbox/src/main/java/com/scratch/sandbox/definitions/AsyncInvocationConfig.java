package com.scratch.sandbox.definitions;

import java.util.Objects;
import java.util.Optional;

/**
 * What Lambda does when an asynchronous invocation of a function (an SNS delivery, for one) fails: how many
 * times it tries again, and where the invocation record goes once every attempt failed.
 *
 * <pre>{@code
 * AsyncInvocationConfig notify = project.service("notify-job").orElseThrow()
 *         .function("notify").orElseThrow().asyncInvocation();
 * notify.maximumRetryAttempts();                  // 2
 * notify.onFailureQueue().orElseThrow().queueName(); // "notify-job-local-notify-failures"
 * }</pre>
 *
 * @param maximumRetryAttempts the function's {@code maximumRetryAttempts}, else Lambda's default 2
 * @param onFailureQueue the queue of {@code destinations.onFailure} when it is an SQS queue of the same
 *     service ({@code type: sqs}, {@code arn: !GetAtt <queue>.Arn}); empty when there is no on-failure
 *     destination, or one the local runner does not model
 */
public record AsyncInvocationConfig(int maximumRetryAttempts, Optional<QueueDefinition> onFailureQueue) {

    /** Lambda's default, and the most it allows. */
    public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 2;

    public AsyncInvocationConfig {
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > DEFAULT_MAXIMUM_RETRY_ATTEMPTS) {
            throw new IllegalArgumentException("maximumRetryAttempts must be 0 to 2: " + maximumRetryAttempts);
        }
        Objects.requireNonNull(onFailureQueue, "onFailureQueue == null");
    }

    /** What Lambda does for a function that sets nothing: two retries, then the event is dropped. */
    public static AsyncInvocationConfig lambdaDefaults() {
        return new AsyncInvocationConfig(DEFAULT_MAXIMUM_RETRY_ATTEMPTS, Optional.empty());
    }
}
