package com.scratch.sandbox.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A topic message a function failed on every attempt, as Lambda hands it to the function's on-failure
 * destination: an invocation record (see {@link InvocationRecords}) for an SQS queue.
 *
 * @param function the function's key under {@code functions:}, e.g. {@code notify}
 * @param queueName the queue of the function's {@code destinations.onFailure}, named as deployed for the local
 *     stage; empty when it has none, in which case Lambda would have dropped the event
 * @param messageId the SNS message the event carried, as listed by {@code /_local/events}
 * @param body the invocation record, the JSON text Lambda would send as the SQS message body
 * @param failedAt when the last attempt failed
 */
public record DeadLetter(String function, Optional<String> queueName, String messageId, String body, Instant failedAt) {

    public DeadLetter {
        Objects.requireNonNull(function, "function == null");
        Objects.requireNonNull(queueName, "queueName == null");
        Objects.requireNonNull(messageId, "messageId == null");
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(failedAt, "failedAt == null");
    }
}
