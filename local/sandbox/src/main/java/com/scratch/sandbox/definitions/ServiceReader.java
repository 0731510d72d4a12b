package com.scratch.sandbox.definitions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one service folder's {@code serverless.yml} into a {@link ServiceDefinition}. */
final class ServiceReader {

    static final String TOPIC_TYPE = "AWS::SNS::Topic";
    static final String QUEUE_TYPE = "AWS::SQS::Queue";
    static final String TABLE_TYPE = "AWS::DynamoDB::Table";

    private ServiceReader() {
    }

    static ServiceDefinition read(Path directory, String stage, Map<String, String> environment) {
        Path file = directory.resolve(ServerlessProject.DEFINITION_FILE);
        Object raw = CloudFormationYaml.read(file);
        // Everything is resolved, not only what the runner reads: a definition osls would refuse is refused here too.
        ConfigMap config = ConfigMap.root(file, new VariableResolver(file, raw, stage, environment).resolve(raw));
        String name = config.requiredString("service");
        ConfigMap provider = config.map("provider");
        Path artifact = directory.resolve(config.map("package").requiredString("artifact")).normalize();
        List<ConfigMap> resources = config.maps("resources");

        Conditions conditions = Conditions.of(file, resources);
        Map<String, TopicDefinition> topics = topicResources(resources, conditions, name, stage);
        Map<String, QueueDefinition> queues = queueResources(resources, conditions, name, stage);
        Map<String, TableDefinition> tables = tableResources(file, resources, conditions, name, stage);
        FunctionReader functionReader = new FunctionReader(name, stage, directory, artifact, provider, topics, queues,
                tables);
        ConfigMap functionsConfig = config.map("functions");
        List<FunctionDefinition> functions = new ArrayList<>();
        for (String functionName : functionsConfig.keys()) {
            functions.add(functionReader.read(functionName, functionsConfig.map(functionName)));
        }
        return new ServiceDefinition(name, directory, artifact, provider.requiredString("runtime"), functions,
                List.copyOf(topics.values()), List.copyOf(queues.values()), List.copyOf(tables.values()),
                topicExports(resources, conditions, topics));
    }

    /** The {@code AWS::SNS::Topic} resources by logical id; {@code resources} may be a list of fragments. */
    private static Map<String, TopicDefinition> topicResources(List<ConfigMap> resources, Conditions conditions,
            String service, String stage) {
        Map<String, TopicDefinition> topics = new LinkedHashMap<>();
        for (ConfigMap fragment : resources) {
            ConfigMap declared = fragment.map("Resources");
            for (String logicalId : declared.keys()) {
                ConfigMap resource = declared.map(logicalId);
                if (TOPIC_TYPE.equals(resource.get("Type")) && conditions.holds(resource.get("Condition"))) {
                    String topicName = resource.map("Properties").string("TopicName")
                            .orElse(service + "-" + stage + "-" + logicalId);
                    topics.put(logicalId, new TopicDefinition(service, logicalId, topicName));
                }
            }
        }
        return topics;
    }

    /** The {@code AWS::SQS::Queue} resources by logical id. */
    private static Map<String, QueueDefinition> queueResources(List<ConfigMap> resources, Conditions conditions,
            String service, String stage) {
        Map<String, QueueDefinition> queues = new LinkedHashMap<>();
        for (ConfigMap fragment : resources) {
            ConfigMap declared = fragment.map("Resources");
            for (String logicalId : declared.keys()) {
                ConfigMap resource = declared.map(logicalId);
                if (QUEUE_TYPE.equals(resource.get("Type")) && conditions.holds(resource.get("Condition"))) {
                    String queueName = resource.map("Properties").string("QueueName")
                            .orElse(service + "-" + stage + "-" + logicalId);
                    queues.put(logicalId, new QueueDefinition(service, logicalId, queueName));
                }
            }
        }
        return queues;
    }

    /** The {@code AWS::DynamoDB::Table} resources by logical id, each with the one HASH key the stand-in needs. */
    private static Map<String, TableDefinition> tableResources(Path file, List<ConfigMap> resources,
            Conditions conditions, String service, String stage) {
        Map<String, TableDefinition> tables = new LinkedHashMap<>();
        for (ConfigMap fragment : resources) {
            ConfigMap declared = fragment.map("Resources");
            for (String logicalId : declared.keys()) {
                ConfigMap resource = declared.map(logicalId);
                if (TABLE_TYPE.equals(resource.get("Type")) && conditions.holds(resource.get("Condition"))) {
                    ConfigMap properties = resource.map("Properties");
                    String tableName = properties.string("TableName").orElse(service + "-" + stage + "-" + logicalId);
                    String hashKey = properties.maps("KeySchema").stream()
                            .filter(key -> "HASH".equals(key.get("KeyType")))
                            .map(key -> key.requiredString("AttributeName"))
                            .findFirst()
                            .orElseThrow(() -> new InvalidServerlessDefinitionException(file, "resources.Resources."
                                    + logicalId + ".Properties.KeySchema has no HASH key"));
                    tables.put(logicalId, new TableDefinition(service, logicalId, tableName, hashKey));
                }
            }
        }
        return tables;
    }

    /** Export name → topic, for each output that exports {@code !Ref} of a topic under a plain-string name. */
    private static Map<String, TopicDefinition> topicExports(List<ConfigMap> resources, Conditions conditions,
            Map<String, TopicDefinition> topics) {
        Map<String, TopicDefinition> exports = new LinkedHashMap<>();
        for (ConfigMap fragment : resources) {
            ConfigMap outputs = fragment.map("Outputs");
            for (String outputName : outputs.keys()) {
                ConfigMap output = outputs.map(outputName);
                if (conditions.holds(output.get("Condition"))
                        && output.get("Value") instanceof CfnRef ref && topics.containsKey(ref.logicalId())
                        && output.map("Export").get("Name") instanceof String exportName) {
                    exports.put(exportName, topics.get(ref.logicalId()));
                }
            }
        }
        return exports;
    }
}
