package com.scratch.sandbox.definitions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the functions of one service, with the provider-level settings they inherit. */
final class FunctionReader {

    private static final Logger log = LoggerFactory.getLogger(FunctionReader.class);

    private final String service;
    private final String stage;
    private final Path directory;
    private final Path serviceArtifact;
    private final ConfigMap provider;
    private final Map<String, TopicDefinition> topics;
    private final Map<String, QueueDefinition> queues;
    private final Map<String, TableDefinition> tables;

    /**
     * @param topics the service's topics by logical id; topics the framework creates for {@code sns: <name>}
     *     events are added to it
     * @param queues the service's queues by logical id
     * @param tables the service's tables by logical id
     */
    FunctionReader(String service, String stage, Path directory, Path serviceArtifact, ConfigMap provider,
            Map<String, TopicDefinition> topics, Map<String, QueueDefinition> queues,
            Map<String, TableDefinition> tables) {
        this.service = service;
        this.stage = stage;
        this.directory = directory;
        this.serviceArtifact = serviceArtifact;
        this.provider = provider;
        this.topics = topics;
        this.queues = queues;
        this.tables = tables;
    }

    FunctionDefinition read(String name, ConfigMap function) {
        String handler = function.requiredString("handler");
        int separator = handler.indexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        String handlerMethod = separator < 0 ? FunctionDefinition.DEFAULT_HANDLER_METHOD : handler.substring(separator + 2);

        EventReader events = new EventReader(service, topics);
        List<HttpRoute> httpRoutes = new ArrayList<>();
        List<TopicSubscription> subscriptions = new ArrayList<>();
        for (ConfigMap event : function.maps("events")) {
            for (String type : event.keys()) {
                switch (type) {
                    case "http" -> httpRoutes.add(events.httpRoute(event, type));
                    case "sns" -> subscriptions.add(events.topicSubscription(event, type));
                    default -> log.info("Function '{}' of service '{}': the local runner ignores its '{}' event",
                            name, service, type);
                }
            }
        }

        Path artifact = function.map("package").string("artifact")
                .map(path -> directory.resolve(path).normalize()).orElse(serviceArtifact);
        // The framework's naming, unless the function names itself.
        String lambdaName = function.string("name").orElse(service + "-" + stage + "-" + name);
        return new FunctionDefinition(service, name, lambdaName, handlerClass, handlerMethod, environment(name, function),
                httpRoutes, subscriptions,
                function.integer("memorySize").orElse(provider.integer("memorySize").orElse(FunctionDefinition.DEFAULT_MEMORY_SIZE)),
                function.integer("timeout").orElse(provider.integer("timeout").orElse(FunctionDefinition.DEFAULT_TIMEOUT_SECONDS)),
                artifact, asyncInvocation(name, function));
    }

    /** {@code maximumRetryAttempts} and {@code destinations.onFailure}, as osls turns them into an EventInvokeConfig. */
    private AsyncInvocationConfig asyncInvocation(String name, ConfigMap function) {
        int retries = function.integer("maximumRetryAttempts").orElse(AsyncInvocationConfig.DEFAULT_MAXIMUM_RETRY_ATTEMPTS);
        if (retries < 0 || retries > AsyncInvocationConfig.DEFAULT_MAXIMUM_RETRY_ATTEMPTS) {
            throw function.invalid("maximumRetryAttempts", "must be 0, 1 or 2 (Lambda's limits), not " + retries);
        }
        return new AsyncInvocationConfig(retries, onFailureQueue(name, function.map("destinations")));
    }

    /** The queue of {@code onFailure: {type: sqs, arn: !GetAtt <queue>.Arn}}, for a queue of this service. */
    private Optional<QueueDefinition> onFailureQueue(String name, ConfigMap destinations) {
        Object onFailure = destinations.get("onFailure");
        if (onFailure == null) {
            return Optional.empty();
        }
        if (onFailure instanceof Map<?, ?>) {
            ConfigMap target = destinations.map("onFailure");
            if ("sqs".equals(target.get("type")) && target.get("arn") instanceof CfnGetAtt getAtt
                    && getAtt.attribute().equals("Arn") && queues.containsKey(getAtt.logicalId())) {
                return Optional.of(queues.get(getAtt.logicalId()));
            }
        }
        // Another function, topic, bus or a queue of another stack: not modelled, but nothing is lost either,
        // since every failed delivery is kept in the local dead-letter list.
        log.info("Function '{}' of service '{}': the local runner keeps failed invocations in its dead-letter list,"
                + " not in the onFailure destination {}", name, service, onFailure);
        return Optional.empty();
    }

    private Map<String, EnvironmentValue> environment(String function, ConfigMap functionConfig) {
        Map<String, Object> merged = new LinkedHashMap<>();
        ConfigMap providerEnvironment = provider.map("environment");
        providerEnvironment.keys().forEach(variable -> merged.put(variable, providerEnvironment.get(variable)));
        ConfigMap ownEnvironment = functionConfig.map("environment");
        ownEnvironment.keys().forEach(variable -> merged.put(variable, ownEnvironment.get(variable)));

        Map<String, EnvironmentValue> environment = new LinkedHashMap<>();
        merged.forEach((variable, value) -> environment.put(variable, environmentValue(function, variable, value)));
        return environment;
    }

    private EnvironmentValue environmentValue(String function, String variable, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return new EnvironmentValue.Literal(value.toString());
        }
        if (value instanceof CfnRef ref && topics.containsKey(ref.logicalId())) {
            return new EnvironmentValue.TopicArnOf(ref.logicalId());
        }
        if (value instanceof CfnRef ref && tables.containsKey(ref.logicalId())) {
            return new EnvironmentValue.TableNameOf(ref.logicalId());
        }
        String reason;
        if (value == null) {
            reason = "has no value";
        } else if (value instanceof CfnRef) {
            reason = "is " + value + ", which is not an " + ServiceReader.TOPIC_TYPE + " or "
                    + ServiceReader.TABLE_TYPE + " of this service: only CloudFormation knows its value";
        } else if (value instanceof CfnIntrinsic) {
            reason = "is " + value + ": only CloudFormation knows its value";
        } else {
            reason = "is not a string but " + value;
        }
        throw new UnsupportedEnvironmentValueException(service, function, variable,
                reason + ". Give it a plain value (e.g. ${env:" + variable + ", ...}) for the local runner.");
    }
}
