package com.scratch.lambda;

/**
 * One SNS message of an SNS event ({@code Records[].Sns}): the parts our functions read.
 *
 * @param messageId SNS's id of the message, the same on every redelivery of it ({@code MessageId})
 * @param topicArn the topic it was published to ({@code TopicArn})
 * @param message the published text ({@code Message})
 */
public record SnsNotification(String messageId, String topicArn, String message) {
}
