package com.scratch.sandbox.definitions;

import java.util.Objects;

/**
 * The topic one {@code sns} event of a function subscribes to.
 *
 * <pre>{@code
 * TopicDefinition topic;
 * if (subscription instanceof TopicSubscription.ImportedTopic imported) {
 *     topic = project.topicsByExportName().get(imported.exportName());
 * } else if (subscription instanceof TopicSubscription.TopicInService inService) {
 *     topic = service.topic(inService.logicalId()).orElseThrow();
 * } // TopicByArn: a topic outside the repository, named by the last part of its ARN
 * }</pre>
 */
public sealed interface TopicSubscription
        permits TopicSubscription.ImportedTopic, TopicSubscription.TopicInService, TopicSubscription.TopicByArn {

    /**
     * {@code sns: {arn: !ImportValue <exportName>, topicName: ...}}: the topic another stack exports, looked up
     * with {@link ServerlessProject#topicsByExportName()}.
     */
    record ImportedTopic(String exportName) implements TopicSubscription {

        public ImportedTopic {
            Objects.requireNonNull(exportName, "exportName == null");
        }
    }

    /**
     * A topic of the same service, by logical id, looked up with {@link ServiceDefinition#topic(String)}:
     * {@code sns: {arn: !Ref <logicalId>}} (or {@code !GetAtt <logicalId>.TopicArn}) names a topic resource;
     * {@code sns: <name>} and {@code sns: {topicName: <name>}} make the framework create a topic of that name,
     * whose logical id is {@code SNSTopic<Name>} and which is listed in {@link ServiceDefinition#topics()}.
     */
    record TopicInService(String logicalId) implements TopicSubscription {

        public TopicInService {
            Objects.requireNonNull(logicalId, "logicalId == null");
        }
    }

    /** {@code sns: arn:aws:sns:...} or {@code sns: {arn: arn:aws:sns:...}}: a topic named by its literal ARN. */
    record TopicByArn(String arn) implements TopicSubscription {

        public TopicByArn {
            Objects.requireNonNull(arn, "arn == null");
        }

        /** The topic name: the last part of the ARN. */
        public String topicName() {
            return arn.substring(arn.lastIndexOf(':') + 1);
        }
    }
}
