package com.scratch.sandbox.definitions;

import java.util.List;
import java.util.Map;

/** Reads the {@code http} and {@code sns} events of a function. */
final class EventReader {

    private final String service;
    private final Map<String, TopicDefinition> topics;

    /** @param topics the service's topics by logical id; {@code sns: <name>} adds the topic it creates */
    EventReader(String service, Map<String, TopicDefinition> topics) {
        this.service = service;
        this.topics = topics;
    }

    /** {@code http: {path, method, cors, authorizer}} or {@code http: POST billing}. */
    HttpRoute httpRoute(ConfigMap event, String type) {
        if (event.get(type) instanceof String shortForm) {
            String[] parts = shortForm.strip().split("\\s+");
            if (parts.length != 2) {
                throw event.invalid(type, "must read '<METHOD> <path>', not '" + shortForm + "'");
            }
            return new HttpRoute(parts[0], parts[1], List.of(), null);
        }
        ConfigMap http = event.map(type);
        return new HttpRoute(http.requiredString("method"), http.requiredString("path"), corsHeaders(http), authorizer(http));
    }

    /** As the framework does it: {@code cors: true} allows its default headers; an object may name its own. */
    private static List<String> corsHeaders(ConfigMap http) {
        Object cors = http.get("cors");
        if (cors instanceof Map<?, ?> settings && settings.get("headers") instanceof List<?> headers) {
            return headers.stream().map(String::valueOf).toList();
        }
        boolean enabled = Boolean.TRUE.equals(cors) || cors instanceof Map || "true".equals(cors);
        return enabled ? HttpRoute.DEFAULT_CORS_HEADERS : List.of();
    }

    private static String authorizer(ConfigMap http) {
        if (!(http.get("authorizer") instanceof Map)) {
            return http.string("authorizer").orElse(null);
        }
        ConfigMap authorizer = http.map("authorizer");
        return authorizer.string("name")
                .or(() -> authorizer.string("arn"))
                .or(() -> authorizer.string("type"))
                .orElseThrow(() -> http.invalid("authorizer", "has neither name, arn nor type"));
    }

    /**
     * The forms osls accepts: {@code sns: <arn>}, {@code sns: <topicName>},
     * {@code sns: {arn: <arn> | !Ref | !GetAtt | !ImportValue, topicName}}, {@code sns: {topicName}}.
     */
    TopicSubscription topicSubscription(ConfigMap event, String type) {
        if (event.get(type) instanceof String topic) {
            return topic.startsWith("arn:") ? new TopicSubscription.TopicByArn(topic) : createdTopic(topic);
        }
        ConfigMap sns = event.map(type);
        Object arn = sns.get("arn");
        if (arn == null) {
            return createdTopic(sns.requiredString("topicName"));
        }
        if (arn instanceof String literal && literal.startsWith("arn:")) {
            return new TopicSubscription.TopicByArn(literal);
        }
        if (arn instanceof CfnImportValue imported) {
            return new TopicSubscription.ImportedTopic(imported.exportName());
        }
        if (arn instanceof CfnRef ref && topics.containsKey(ref.logicalId())) {
            return new TopicSubscription.TopicInService(ref.logicalId());
        }
        if (arn instanceof CfnGetAtt getAtt && getAtt.attribute().equals("TopicArn")
                && topics.containsKey(getAtt.logicalId())) {
            return new TopicSubscription.TopicInService(getAtt.logicalId());
        }
        throw sns.invalid("arn", "must be an ARN, !ImportValue, or !Ref / !GetAtt <topic>.TopicArn of an "
                + ServiceReader.TOPIC_TYPE + " of this service; found " + arn);
    }

    /** The topic the framework creates for {@code sns: <name>}, named as osls names it. */
    private TopicSubscription createdTopic(String topicName) {
        String logicalId = "SNSTopic" + upperFirst(topicName.replaceAll("[^0-9A-Za-z]", ""));
        // Several functions may subscribe to the same name: the framework creates the topic once.
        topics.putIfAbsent(logicalId, new TopicDefinition(service, logicalId, topicName));
        return new TopicSubscription.TopicInService(logicalId);
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
