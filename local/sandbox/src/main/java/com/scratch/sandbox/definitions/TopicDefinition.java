package com.scratch.sandbox.definitions;

import java.util.Objects;

/**
 * An SNS topic a service's stack creates.
 *
 * <pre>{@code
 * TopicDefinition topic = billing.topic("NotePurchasedTopic").orElseThrow();
 * topic.topicName(); // "local-note-purchased" for stage local
 * }</pre>
 *
 * @param service the name of the service that creates it
 * @param logicalId its CloudFormation logical id: the key under {@code resources.Resources}, or
 *     {@code SNSTopic<Name>} (the framework's naming) for a topic created by an {@code sns: <name>} event
 * @param topicName its {@code TopicName}, variables resolved. Without one CloudFormation would make up
 *     {@code <stack>-<logicalId>-<random>}; locally it is {@code <service>-<stage>-<logicalId>}, which stays
 *     the same from run to run.
 */
public record TopicDefinition(String service, String logicalId, String topicName) {

    public TopicDefinition {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(logicalId, "logicalId == null");
        Objects.requireNonNull(topicName, "topicName == null");
    }
}
