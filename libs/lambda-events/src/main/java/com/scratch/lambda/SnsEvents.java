package com.scratch.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the SNS event Lambda hands a subscribed function ({@code {"Records": [{"Sns": {...}}]}}, Lambda's PascalCase
 * keys) from the invocation's bytes, with plain Jackson trees ({@link JsonTrees}), as {@link ProxyEvents} reads API Gateway's: the
 * runtime's serialiser for {@code SNSEvent} (Joda dates, mixins) is never loaded. Unknown fields are ignored; a
 * field we read with the wrong type, or a record without its message, is an error that names it.
 */
public final class SnsEvents {

    private SnsEvents() {
    }

    /** @throws MalformedSnsEventException naming what is wrong, when the bytes are not an SNS event */
    public static List<SnsNotification> read(InputStream payload) throws IOException {
        JsonNode event;
        try {
            event = JsonTrees.read(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedSnsEventException("The invocation's payload is not JSON", e);
        }
        if (event == null || !event.isObject()) {
            throw new MalformedSnsEventException("The invocation's payload is not an SNS event: a JSON object is "
                    + "expected, was " + (event == null || event.isMissingNode() ? "nothing" : event.getNodeType()), null);
        }
        JsonNode records = event.get("Records");
        if (records == null || !records.isArray()) {
            throw new MalformedSnsEventException("The SNS event's Records must be an array, was "
                    + (records == null ? "missing" : records.getNodeType()), null);
        }
        List<SnsNotification> notifications = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            notifications.add(notification(records.get(i), "Records[" + i + "]"));
        }
        return notifications;
    }

    private static SnsNotification notification(JsonNode record, String path) {
        JsonNode sns = record.get("Sns");
        if (sns == null || !sns.isObject()) {
            throw new MalformedSnsEventException("The SNS event's " + path + ".Sns must be an object, was "
                    + (sns == null ? "missing" : sns.getNodeType()), null);
        }
        return new SnsNotification(text(sns, path + ".Sns.MessageId", "MessageId"),
                text(sns, path + ".Sns.TopicArn", "TopicArn"), text(sns, path + ".Sns.Message", "Message"));
    }

    private static String text(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual()) {
            // The type only, never the value.
            throw new MalformedSnsEventException("The SNS event's " + path + " must be a string, was "
                    + (value == null ? "missing" : value.getNodeType()), null);
        }
        return value.asText();
    }
}
