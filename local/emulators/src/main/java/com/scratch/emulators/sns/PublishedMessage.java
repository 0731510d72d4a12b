package com.scratch.emulators.sns;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message published to a topic, as {@link SnsEmulator#published(String)} and publish listeners see it.
 *
 * <pre>{@code
 * PublishedMessage message = sns.published(topicArn).get(0);
 * message.attributes().get("eventType").stringValue(); // "payment.succeeded"
 * }</pre>
 *
 * @param messageId the id returned to the publisher
 * @param topicArn the topic it went to
 * @param subject the subject, or null when none was sent
 * @param message the message body
 * @param attributes the message attributes by name
 * @param publishedAt when the emulator accepted it
 * @param traceHeader the X-Ray trace header ({@code X-Amzn-Trace-Id}) the Publish request carried, as SNS passes it
 *     on to the topic's subscribers; null when the publisher sent none (it traces nothing)
 */
public record PublishedMessage(String messageId, String topicArn, String subject, String message,
                               Map<String, MessageAttribute> attributes, Instant publishedAt, String traceHeader) {

    /** The HTTP header an X-Ray-instrumented client puts its trace context in, and SNS reads it from. */
    public static final String TRACE_HEADER = "X-Amzn-Trace-Id";

    public PublishedMessage {
        Objects.requireNonNull(messageId, "messageId == null");
        Objects.requireNonNull(topicArn, "topicArn == null");
        Objects.requireNonNull(message, "message == null");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes == null"));
        Objects.requireNonNull(publishedAt, "publishedAt == null");
    }
}
