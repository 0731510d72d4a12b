package com.scratch.sandbox.definitions;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Lambda function: which jar and handler to run, with what environment and limits, and what triggers it.
 *
 * <pre>{@code
 * FunctionDefinition billing = project.service("billing-api").orElseThrow().function("billing").orElseThrow();
 * billing.handlerClass();                                // "com.scratch.billing.BillingHandler"
 * billing.environment().get("NOTE_PURCHASED_TOPIC_ARN"); // TopicArnOf[logicalId=NotePurchasedTopic]
 * billing.httpRoutes().get(0).path();                    // "/billing"
 * billing.lambdaName();                                  // "billing-api-local-billing"
 * }</pre>
 *
 * @param service the name of its service
 * @param name its key under {@code functions:}
 * @param lambdaName the name Lambda knows it by: its {@code name:}, else the framework's
 *     {@code <service>-<stage>-<name>}
 * @param handlerClass the part of {@code handler} before {@code ::}
 * @param handlerMethod the part after {@code ::}, {@code handleRequest} when there is none
 * @param environment {@code provider.environment} then the function's own {@code environment}; a function
 *     value replaces the provider value of the same name in place, so the order is that of the file
 * @param httpRoutes its {@code http} events
 * @param topicSubscriptions its {@code sns} events
 * @param memorySize in MB: the function's, else the provider's, else the framework's default 1024
 * @param timeoutSeconds the function's, else the provider's, else the framework's default 6
 * @param artifact the absolute path of the jar: the function's {@code package.artifact}, else the service's
 * @param asyncInvocation its {@code maximumRetryAttempts} and {@code destinations.onFailure}: what happens when
 *     an asynchronous invocation (an SNS delivery) fails
 */
public record FunctionDefinition(String service, String name, String lambdaName, String handlerClass,
        String handlerMethod, Map<String, EnvironmentValue> environment, List<HttpRoute> httpRoutes,
        List<TopicSubscription> topicSubscriptions, int memorySize, int timeoutSeconds, Path artifact,
        AsyncInvocationConfig asyncInvocation) {

    /** The handler method when {@code handler} names only a class. */
    public static final String DEFAULT_HANDLER_METHOD = "handleRequest";

    /** The framework's default {@code memorySize}. */
    public static final int DEFAULT_MEMORY_SIZE = 1024;

    /** The framework's default {@code timeout}, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 6;

    public FunctionDefinition {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(lambdaName, "lambdaName == null");
        Objects.requireNonNull(handlerClass, "handlerClass == null");
        Objects.requireNonNull(handlerMethod, "handlerMethod == null");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(environment, "environment == null")));
        environment.forEach((variable, value) -> Objects.requireNonNull(value, () -> variable + " == null"));
        httpRoutes = List.copyOf(Objects.requireNonNull(httpRoutes, "httpRoutes == null"));
        topicSubscriptions = List.copyOf(Objects.requireNonNull(topicSubscriptions, "topicSubscriptions == null"));
        Objects.requireNonNull(artifact, "artifact == null");
        Objects.requireNonNull(asyncInvocation, "asyncInvocation == null");
        if (memorySize <= 0) {
            throw new IllegalArgumentException("memorySize must be positive: " + memorySize);
        }
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds must be positive: " + timeoutSeconds);
        }
    }
}
