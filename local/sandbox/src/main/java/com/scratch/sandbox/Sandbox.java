package com.scratch.sandbox;

import com.scratch.emulators.dynamodb.DynamoDbEmulator;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.sandbox.api.ApiRoute;
import com.scratch.sandbox.api.LocalApiGateway;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.definitions.EnvironmentValue;
import com.scratch.sandbox.definitions.FunctionDefinition;
import com.scratch.sandbox.definitions.ServerlessProject;
import com.scratch.sandbox.definitions.TableDefinition;
import com.scratch.sandbox.definitions.TopicDefinition;
import com.scratch.sandbox.definitions.TopicSubscription;
import com.scratch.sandbox.events.TopicDelivery;
import com.scratch.sandbox.iam.LocalIam;
import com.scratch.sandbox.inspect.LocalRecords;
import com.scratch.sandbox.runtime.FunctionSpec;
import com.scratch.sandbox.runtime.LocalFunction;
import com.scratch.sandbox.startup.ApiPortInUseException;
import com.scratch.sandbox.startup.DataDirectoryLock;
import com.scratch.sandbox.startup.DataDirectoryUnusableException;
import com.scratch.sandbox.startup.FunctionJarsMissingException;
import com.scratch.sandbox.startup.SandboxStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The whole purchase flow on one machine: every function of every {@code services/*\/serverless.yml}, run
 * from its deployment jar for the {@code local} stage, behind a local API, with local SSM, SNS and Stripe
 * endpoints (or, with {@code realAws}, real AWS and Stripe test mode).
 *
 * <pre>{@code
 * try (Sandbox stack = Sandbox.start(SandboxOptions.defaults(root))) {
 *     URI api = stack.apiEndpoint(); // POST {api}/billing
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    static final String CALLER_IDENTITY = "us-east-1:local-developer";
    /** Where billing's webhook function listens; the local Stripe sends its signed events there. */
    static final String STRIPE_WEBHOOK_PATH = "/billing/webhook";

    private final SandboxOptions options;
    private final LocalEndpoints endpoints;
    private final Map<String, String> topicArns;
    private final List<LocalFunction> functions;
    private final TopicDelivery delivery;
    private final LocalApiGateway api;
    private final Duration startup;
    private final LocalIam iam;
    private final DataDirectoryLock dataDirectoryLock;

    private Sandbox(SandboxOptions options, LocalEndpoints endpoints, Map<String, String> topicArns,
            List<LocalFunction> functions, TopicDelivery delivery, LocalApiGateway api, Duration startup, LocalIam iam,
            DataDirectoryLock dataDirectoryLock) {
        this.options = options;
        this.endpoints = endpoints;
        this.topicArns = topicArns;
        this.functions = functions;
        this.delivery = delivery;
        this.api = api;
        this.startup = startup;
        this.iam = iam;
        this.dataDirectoryLock = dataDirectoryLock;
    }

    /**
     * Starts everything; on failure (the API port taken, a bad definition) stops what was started before rethrowing.
     * What the developer can fix is found here, before the first request, and thrown as a
     * {@link SandboxStartException} whose message says what to do: a function jar not built, a data directory that
     * is a file or in use by another sandbox, a data file that cannot be read back, the API port taken.
     *
     * <p>Nothing is set JVM-wide: each function gets its region, endpoints and credentials in its own environment
     * (the map its handler is built with), as Lambda gives each function a process environment of its own.
     */
    public static Sandbox start(SandboxOptions options, InvocationLog log) throws IOException {
        long started = System.nanoTime();
        ServerlessProject project = ServerlessProject.load(options.repositoryRoot(), SandboxOptions.STAGE, System.getenv());
        requireFunctionJars(project, options.repositoryRoot());
        createDataDirectory(options.dataDirectory());
        DataDirectoryLock lock = DataDirectoryLock.acquire(options.dataDirectory());
        List<AutoCloseable> running = new ArrayList<>(List.of(lock));
        try {
            LocalEndpoints endpoints = null;
            LocalIam iam = null;
            Map<String, String> extraEnvironment = new LinkedHashMap<>();
            // As Lambda sets it for a function with active tracing: the functions send their spans there, and each
            // invocation runs under a segment of its own (LocalFunction), in its caller's trace if the caller sent one.
            options.xrayDaemonAddress().ifPresent(address -> extraEnvironment.put("AWS_XRAY_DAEMON_ADDRESS", address));
            Map<String, String> topicArns;
            Map<String, String> tableNames;
            if (options.realAws()) {
                extraEnvironment.put("AWS_REGION", regionOfTheUsualChain());
                topicArns = createRealTopics(project);
                tableNames = createRealTables(project);
            } else {
                endpoints = LocalEndpoints.start(options.dataDirectory(), SandboxOptions.STAGE);
                running.add(endpoints);
                extraEnvironment.putAll(localEnvironment(endpoints));
                topicArns = createLocalTopics(project, endpoints.sns);
                tableNames = createLocalTables(project, endpoints.dynamoDb);
                endpoints.sns.onSms(sms -> log.sms(sms.phoneNumber(), sms.message()));
                if (options.enforceIam()) {
                    iam = LocalIam.load(project, options.repositoryRoot(), options.dataDirectory().resolve("packaged"),
                            SandboxOptions.STAGE, log);
                    endpoints.ssm.enforce(iam.access());
                    endpoints.sns.enforce(iam.access());
                    endpoints.dynamoDb.enforce(iam.access());
                }
            }

            List<LocalFunction> functions = new ArrayList<>();
            List<ApiRoute> routes = new ArrayList<>();
            TopicDelivery delivery = endpoints == null ? null : new TopicDelivery(endpoints.sns, log, options.retryDelays());
            if (delivery != null) {
                running.add(delivery);
            }
            for (FunctionDefinition definition : project.functions()) {
                Map<String, String> environment = new LinkedHashMap<>(extraEnvironment);
                if (iam != null) {
                    // Each function signs as itself, as with the role's keys Lambda puts in its environment.
                    environment.putAll(iam.credentialsOf(definition.name()));
                }
                LocalFunction function = new LocalFunction(spec(definition, topicArns, tableNames, environment));
                functions.add(function);
                running.add(function);
                definition.httpRoutes().forEach(route ->
                        routes.add(new ApiRoute(route.method(), route.path(), route.corsHeaders(),
                                // --no-iam lets unsigned callers through too
                                options.enforceIam() ? route.authorizer() : null, function)));
                if (delivery != null) {
                    for (TopicSubscription subscription : definition.topicSubscriptions()) {
                        delivery.subscribe(topicArn(subscription, project, topicArns, definition), function, definition);
                    }
                }
            }
            LocalApiGateway api = startApi(options.apiPort(), routes, log);
            running.add(api);
            if (endpoints != null) {
                api.serve(LocalRecords.PREFIX, new LocalRecords(endpoints.sns, List.copyOf(topicArns.values()), delivery));
                registerStripeWebhook(routes, api, endpoints);
            }
            return new Sandbox(options, endpoints, topicArns, functions, delivery, api,
                    Duration.ofNanos(System.nanoTime() - started), iam, lock);
        } catch (IOException | RuntimeException | Error e) {
            stopAll(running);
            throw e;
        }
    }

    /** Every function's jar, checked before anything starts: a missing one would otherwise be a 502 on its first call. */
    private static void requireFunctionJars(ServerlessProject project, Path repositoryRoot) {
        Map<Path, List<String>> missing = new LinkedHashMap<>();
        for (FunctionDefinition function : project.functions()) {
            if (!Files.isRegularFile(function.artifact())) {
                missing.computeIfAbsent(relativeTo(repositoryRoot, function.artifact()), jar -> new ArrayList<>())
                        .add(function.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new FunctionJarsMissingException(missing);
        }
    }

    private static Path relativeTo(Path root, Path file) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absoluteFile = file.toAbsolutePath().normalize();
        return absoluteFile.startsWith(absoluteRoot) ? absoluteRoot.relativize(absoluteFile) : file;
    }

    private static void createDataDirectory(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new DataDirectoryUnusableException(directory, "is a file, not a directory", null);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(directory, "cannot be created (" + e + ")", e);
        }
    }

    private static LocalApiGateway startApi(int port, List<ApiRoute> routes, InvocationLog log) {
        try {
            return LocalApiGateway.start(port, routes, CALLER_IDENTITY, log);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new ApiPortInUseException(port, e);
            }
            throw e;
        }
    }

    /** Stops in the reverse order of starting. */
    private static void stopAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                // keep stopping the rest; the first failure is the one rethrown by start()
            }
        }
    }

    /** What every function's environment gets to run against the local endpoints. */
    private static Map<String, String> localEnvironment(LocalEndpoints endpoints) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1"));
        environment.put("AWS_ENDPOINT_URL_SSM", endpoints.ssm.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SNS", endpoints.sns.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb.endpoint().toString());
        environment.put("STRIPE_API_BASE", endpoints.stripe.endpoint().toString());
        // One metrics line per invocation is for CloudWatch, not for the developer's console.
        environment.put("METRICS_DISABLED", "true");
        // Local endpoints never see real credentials, whatever the developer's shell holds. With IAM enforced, each
        // function's own keys replace these; with it off, these are what every function signs with.
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        return environment;
    }

    /**
     * Lambda always sets AWS_REGION, and the functions read no other; a developer's shell may only have a profile
     * (or {@code -Daws.region}), which the usual chain reads.
     */
    private static String regionOfTheUsualChain() {
        return new DefaultAwsRegionProviderChain().getRegion().id();
    }

    private static Map<String, String> createLocalTopics(ServerlessProject project, SnsEmulator sns) {
        Map<String, String> arns = new LinkedHashMap<>();
        project.services().forEach(service -> service.topics().forEach(topic ->
                arns.put(key(topic), sns.createTopic(topic.topicName()))));
        return arns;
    }

    /** The tables the stacks declare, created empty, as CloudFormation creates them before the functions. */
    private static Map<String, String> createLocalTables(ServerlessProject project, DynamoDbEmulator dynamoDb) {
        Map<String, String> names = new LinkedHashMap<>();
        project.services().forEach(service -> service.tables().forEach(table -> {
            dynamoDb.createTable(table.tableName(), table.hashKey());
            names.put(key(table), table.tableName());
        }));
        return names;
    }

    /** The same in the developer's account, on demand, unless the table is there already (from an earlier run). */
    private static Map<String, String> createRealTables(ServerlessProject project) {
        Map<String, String> names = new LinkedHashMap<>();
        try (DynamoDbClient dynamoDb = DynamoDbClient.create()) {
            project.services().forEach(service -> service.tables().forEach(table -> {
                try {
                    dynamoDb.createTable(create -> create.tableName(table.tableName())
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(AttributeDefinition.builder().attributeName(table.hashKey())
                                    .attributeType(ScalarAttributeType.S).build())
                            .keySchema(KeySchemaElement.builder().attributeName(table.hashKey())
                                    .keyType(KeyType.HASH).build()));
                    dynamoDb.waiter().waitUntilTableExists(describe -> describe.tableName(table.tableName()));
                } catch (ResourceInUseException alreadyThere) {
                    // created by an earlier run: use it as it is
                }
                names.put(key(table), table.tableName());
            }));
        }
        return names;
    }

    /**
     * Points the local Stripe's webhook at the function serving {@link #STRIPE_WEBHOOK_PATH}, signed with the secret
     * that function reads from SSM, as registering the endpoint in the Stripe dashboard does for a deployed stage.
     */
    private static void registerStripeWebhook(List<ApiRoute> routes, LocalApiGateway api, LocalEndpoints endpoints) {
        boolean served = routes.stream().anyMatch(route -> route.method().equals("POST")
                && route.path().equals(STRIPE_WEBHOOK_PATH));
        if (served) {
            endpoints.stripe.registerWebhookEndpoint(api.endpoint().resolve(STRIPE_WEBHOOK_PATH), endpoints.webhookSecret);
        }
    }

    private static Map<String, String> createRealTopics(ServerlessProject project) {
        Map<String, String> arns = new LinkedHashMap<>();
        try (SnsClient sns = SnsClient.create()) {
            project.services().forEach(service -> service.topics().forEach(topic ->
                    arns.put(key(topic), sns.createTopic(r -> r.name(topic.topicName())).topicArn())));
        }
        return arns;
    }

    private static String key(TopicDefinition topic) {
        return topic.service() + "/" + topic.logicalId();
    }

    private static String key(TableDefinition table) {
        return table.service() + "/" + table.logicalId();
    }

    private static FunctionSpec spec(FunctionDefinition definition, Map<String, String> topicArns,
            Map<String, String> tableNames, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new LinkedHashMap<>();
        definition.environment().forEach((name, value) ->
                environment.put(name, resolve(value, definition, topicArns, tableNames)));
        environment.putAll(extraEnvironment);
        // Every function writes to this one console: readable lines, each starting with the function's name.
        environment.put("LOG_FORMAT", "TEXT");
        environment.put("LOG_PREFIX", definition.name());
        return new FunctionSpec(definition.name(), definition.handlerClass(), definition.handlerMethod(),
                definition.artifact(), environment, definition.memorySize(), Duration.ofSeconds(definition.timeoutSeconds()));
    }

    private static String resolve(EnvironmentValue value, FunctionDefinition definition, Map<String, String> topicArns,
            Map<String, String> tableNames) {
        if (value instanceof EnvironmentValue.Literal literal) {
            return literal.value();
        }
        if (value instanceof EnvironmentValue.TableNameOf table) {
            return required(tableNames, definition, "table", table.logicalId());
        }
        return required(topicArns, definition, "topic", ((EnvironmentValue.TopicArnOf) value).logicalId());
    }

    private static String required(Map<String, String> byKey, FunctionDefinition definition, String kind,
            String logicalId) {
        String value = byKey.get(definition.service() + "/" + logicalId);
        if (value == null) {
            throw new IllegalStateException(definition.name() + ": no " + kind + " " + logicalId + " in "
                    + definition.service());
        }
        return value;
    }

    private static String topicArn(TopicSubscription subscription, ServerlessProject project,
            Map<String, String> topicArns, FunctionDefinition definition) {
        if (subscription instanceof TopicSubscription.ImportedTopic) {
            String export = ((TopicSubscription.ImportedTopic) subscription).exportName();
            TopicDefinition topic = project.topicsByExportName().get(export);
            if (topic == null) {
                throw new IllegalStateException(definition.name() + " subscribes to export " + export
                        + ", which no service declares");
            }
            return topicArns.get(key(topic));
        }
        if (subscription instanceof TopicSubscription.TopicInService) {
            String logicalId = ((TopicSubscription.TopicInService) subscription).logicalId();
            return topicArns.get(definition.service() + "/" + logicalId);
        }
        return ((TopicSubscription.TopicByArn) subscription).arn();
    }

    public URI apiEndpoint() {
        return api.endpoint();
    }

    public Duration startup() {
        return startup;
    }

    public List<ApiRoute> routes() {
        return api.routes();
    }

    public Map<String, String> topicArns() {
        return Map.copyOf(topicArns);
    }

    /** Topic deliveries to functions; empty when running against real AWS (a real topic cannot call this JVM). */
    public Optional<TopicDelivery> delivery() {
        return Optional.ofNullable(delivery);
    }

    /** Each function's role and keys; empty against real AWS or with IAM switched off. */
    Optional<LocalIam> iam() {
        return Optional.ofNullable(iam);
    }

    /** The local endpoints; empty when running against real AWS. */
    Optional<LocalEndpoints> endpoints() {
        return Optional.ofNullable(endpoints);
    }

    SandboxOptions options() {
        return options;
    }

    /** Stops taking requests, lets deliveries under way finish, then stops the functions and the endpoints. */
    @Override
    public void close() {
        api.close();
        if (delivery != null) {
            delivery.close();
        }
        functions.forEach(LocalFunction::close);
        if (endpoints != null) {
            endpoints.close();
        }
        dataDirectoryLock.close();
    }
}
