package com.scratch.sandbox.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.sns.PublishedMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The SNS event Lambda hands a subscribed function: one record per message, with Lambda's own spelling of
 * the keys ({@code Sns}, {@code SigningCertUrl}, {@code UnsubscribeUrl}), which the runtime serializer expects.
 */
final class SnsEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SNS writes milliseconds, and the runtime's Joda-based parser takes no more than that. */
    private static final DateTimeFormatter SNS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SnsEvents() {
    }

    static String of(PublishedMessage message, String subscriptionArn) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject()
                .put("EventSource", "aws:sns")
                .put("EventVersion", "1.0")
                .put("EventSubscriptionArn", subscriptionArn);
        ObjectNode sns = record.putObject("Sns")
                .put("Type", "Notification")
                .put("MessageId", message.messageId())
                .put("TopicArn", message.topicArn())
                .put("Subject", message.subject())
                .put("Message", message.message())
                .put("Timestamp", SNS_TIME.format(message.publishedAt()))
                .put("SignatureVersion", "1")
                .put("Signature", "LOCAL")
                .put("SigningCertUrl", "http://127.0.0.1/sandbox.pem")
                .put("UnsubscribeUrl", "http://127.0.0.1/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn);
        ObjectNode attributes = sns.putObject("MessageAttributes");
        message.attributes().forEach((name, attribute) -> attributes.putObject(name)
                .put("Type", attribute.dataType())
                .put("Value", attribute.stringValue()));
        return event.toString();
    }
}
