package com.scratch.sandbox.definitions;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One service: a {@code serverless.yml} with its jar, functions and SNS topics.
 *
 * <pre>{@code
 * ServiceDefinition billing = project.service("billing-api").orElseThrow();
 * billing.artifact();                         // <root>/services/billing-api/target/billing-api.jar
 * billing.topic("NotePurchasedTopic");        // Optional[TopicDefinition[... topicName=local-note-purchased]]
 * notifyJob.queue("NotifyFailuresQueue");     // Optional[QueueDefinition[... queueName=notify-job-local-notify-failures]]
 * }</pre>
 *
 * @param name the {@code service:} key
 * @param directory the absolute folder of the {@code serverless.yml}
 * @param artifact the absolute path of {@code package.artifact}, resolved against {@code directory}; it need
 *     not exist yet (Maven builds it)
 * @param runtime {@code provider.runtime}, e.g. {@code java21}
 * @param functions the functions, in file order
 * @param topics every SNS topic the stack creates: the {@code AWS::SNS::Topic} resources, then the topics the
 *     framework creates for {@code sns: <name>} subscriptions
 * @param queues every {@code AWS::SQS::Queue} resource of the stack
 * @param tables every {@code AWS::DynamoDB::Table} resource of the stack
 * @param topicExports export name → topic, for each {@code resources.Outputs} entry that exports the ARN
 *     ({@code Value: !Ref <topic>}) of one of {@code topics}
 */
public record ServiceDefinition(String name, Path directory, Path artifact, String runtime,
        List<FunctionDefinition> functions, List<TopicDefinition> topics, List<QueueDefinition> queues,
        List<TableDefinition> tables, Map<String, TopicDefinition> topicExports) {

    public ServiceDefinition {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(directory, "directory == null");
        Objects.requireNonNull(artifact, "artifact == null");
        Objects.requireNonNull(runtime, "runtime == null");
        functions = List.copyOf(Objects.requireNonNull(functions, "functions == null"));
        topics = List.copyOf(Objects.requireNonNull(topics, "topics == null"));
        queues = List.copyOf(Objects.requireNonNull(queues, "queues == null"));
        tables = List.copyOf(Objects.requireNonNull(tables, "tables == null"));
        // Insertion order kept so that listings follow the file.
        topicExports = Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(topicExports, "topicExports == null")));
    }

    /** The function with this name (its key under {@code functions:}). */
    public Optional<FunctionDefinition> function(String functionName) {
        Objects.requireNonNull(functionName, "functionName == null");
        return functions.stream().filter(function -> function.name().equals(functionName)).findFirst();
    }

    /** The topic with this CloudFormation logical id, as named by {@link EnvironmentValue.TopicArnOf} and
     * {@link TopicSubscription.TopicInService}. */
    public Optional<TopicDefinition> topic(String logicalId) {
        Objects.requireNonNull(logicalId, "logicalId == null");
        return topics.stream().filter(topic -> topic.logicalId().equals(logicalId)).findFirst();
    }

    /** The table with this CloudFormation logical id, as named by {@link EnvironmentValue.TableNameOf}. */
    public Optional<TableDefinition> table(String logicalId) {
        Objects.requireNonNull(logicalId, "logicalId == null");
        return tables.stream().filter(table -> table.logicalId().equals(logicalId)).findFirst();
    }

    /** The queue with this CloudFormation logical id. */
    public Optional<QueueDefinition> queue(String logicalId) {
        Objects.requireNonNull(logicalId, "logicalId == null");
        return queues.stream().filter(queue -> queue.logicalId().equals(logicalId)).findFirst();
    }
}
