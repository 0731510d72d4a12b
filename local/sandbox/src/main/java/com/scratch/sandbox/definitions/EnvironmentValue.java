package com.scratch.sandbox.definitions;

import java.util.Objects;

/**
 * The value of one environment variable of a function, as far as the local runner can give one.
 *
 * <pre>{@code
 * EnvironmentValue value = function.environment().get("NOTE_PURCHASED_TOPIC_ARN");
 * String text = value instanceof EnvironmentValue.TopicArnOf topic
 *         ? localTopicArn(service.topic(topic.logicalId()).orElseThrow())
 *         : ((EnvironmentValue.Literal) value).value();
 * }</pre>
 */
public sealed interface EnvironmentValue
        permits EnvironmentValue.Literal, EnvironmentValue.TopicArnOf, EnvironmentValue.TableNameOf {

    /** A plain value; numbers and booleans are given as their text, as Lambda does. */
    record Literal(String value) implements EnvironmentValue {

        public Literal {
            Objects.requireNonNull(value, "value == null");
        }
    }

    /**
     * {@code !Ref <logicalId>} to an SNS topic of the same service: CloudFormation would put the topic's ARN
     * here; the local runner puts the ARN of its own stand-in for {@link ServiceDefinition#topic(String)}.
     */
    record TopicArnOf(String logicalId) implements EnvironmentValue {

        public TopicArnOf {
            Objects.requireNonNull(logicalId, "logicalId == null");
        }
    }

    /**
     * {@code !Ref <logicalId>} to a DynamoDB table of the same service: CloudFormation puts the table's name here, and
     * so does the local runner, having created {@link ServiceDefinition#table(String)} in its stand-in.
     */
    record TableNameOf(String logicalId) implements EnvironmentValue {

        public TableNameOf {
            Objects.requireNonNull(logicalId, "logicalId == null");
        }
    }
}
