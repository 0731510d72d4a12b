package com.scratch.sandbox.definitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The services of a repository, as {@code osls} would see them for one stage.
 *
 * <p>Every folder {@code <root>/services/<name>} that holds a {@code serverless.yml} is one service, read in
 * folder-name order. Variables are resolved for the given stage ({@code opt:stage}); no other command-line
 * option is set, so {@code ${opt:region, 'us-east-1'}} takes its default.
 *
 * <pre>{@code
 * ServerlessProject project = ServerlessProject.load(repositoryRoot, "local");
 * FunctionDefinition billing = project.service("billing-api").orElseThrow().functions().get(0);
 * billing.handlerClass();                 // "com.scratch.billing.BillingHandler"
 * project.topicsByExportName().keySet();  // ["local-ExtNotePurchasedTopicArn"]
 * }</pre>
 *
 * @param services the services, in folder-name order
 */
public record ServerlessProject(List<ServiceDefinition> services) {

    /** The folder under the repository root that holds one folder per service. */
    public static final String SERVICES_FOLDER = "services";

    /** The definition file of a service, in its folder. */
    public static final String DEFINITION_FILE = "serverless.yml";

    public ServerlessProject {
        services = List.copyOf(Objects.requireNonNull(services, "services == null"));
        Set<String> names = new HashSet<>();
        for (ServiceDefinition service : services) {
            if (!names.add(service.name())) {
                throw new InvalidServerlessDefinitionException(service.directory().resolve(DEFINITION_FILE),
                        "another service is also named '" + service.name() + "'");
            }
        }
        // CloudFormation refuses a second export of the same name in one account and region; so do we, now.
        exportedTopics(services);
    }

    /**
     * Reads every service for a stage; {@code ${env:...}} variables read this process's environment, as osls does.
     *
     * @throws UnresolvedVariableException if a variable has no value for this stage
     * @throws InvalidServerlessDefinitionException if a definition is not what this reader understands
     */
    public static ServerlessProject load(Path repositoryRoot, String stage) {
        return load(repositoryRoot, stage, System.getenv());
    }

    /**
     * Reads every service for a stage, with {@code ${env:NAME}} variables taken from {@code environment}.
     *
     * @throws UnresolvedVariableException if a variable has no value for this stage
     * @throws InvalidServerlessDefinitionException if a definition is not what this reader understands
     * @throws UnsupportedEnvironmentValueException if a function's environment holds a value the local runner
     *     cannot give (an intrinsic other than {@code !Ref} to a topic of the same service)
     */
    public static ServerlessProject load(Path repositoryRoot, String stage, Map<String, String> environment) {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot == null");
        Objects.requireNonNull(stage, "stage == null");
        Objects.requireNonNull(environment, "environment == null");
        if (stage.isBlank()) {
            throw new IllegalArgumentException("stage is blank");
        }
        Path servicesFolder = repositoryRoot.toAbsolutePath().normalize().resolve(SERVICES_FOLDER);
        if (!Files.isDirectory(servicesFolder)) {
            throw new IllegalArgumentException(repositoryRoot + " has no " + SERVICES_FOLDER + " folder");
        }
        Map<String, String> environmentCopy = Map.copyOf(environment);
        try (Stream<Path> folders = Files.list(servicesFolder)) {
            List<ServiceDefinition> services = folders
                    .filter(folder -> Files.isRegularFile(folder.resolve(DEFINITION_FILE)))
                    .sorted()
                    .map(folder -> ServiceReader.read(folder, stage, environmentCopy))
                    .toList();
            if (services.isEmpty()) {
                throw new IllegalArgumentException(servicesFolder + " has no service folder with a " + DEFINITION_FILE);
            }
            return new ServerlessProject(services);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + servicesFolder, e);
        }
    }

    /** Every function of every service, service by service. */
    public List<FunctionDefinition> functions() {
        return services.stream().flatMap(service -> service.functions().stream()).toList();
    }

    /** The service with this name (the {@code service:} key, not the folder). */
    public Optional<ServiceDefinition> service(String name) {
        Objects.requireNonNull(name, "name == null");
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /**
     * The topics other stacks can import: each export name (an {@code Outputs} entry whose {@code Value} is a
     * {@code !Ref} to an SNS topic of the same service) mapped to that topic, in service order.
     */
    public Map<String, TopicDefinition> topicsByExportName() {
        return exportedTopics(services);
    }

    private static Map<String, TopicDefinition> exportedTopics(List<ServiceDefinition> services) {
        Map<String, TopicDefinition> topics = new LinkedHashMap<>();
        for (ServiceDefinition service : services) {
            service.topicExports().forEach((exportName, topic) -> {
                TopicDefinition earlier = topics.putIfAbsent(exportName, topic);
                if (earlier != null) {
                    throw new InvalidServerlessDefinitionException(service.directory().resolve(DEFINITION_FILE),
                            "export '" + exportName + "' is already exported by service '" + earlier.service() + "'");
                }
            });
        }
        return Collections.unmodifiableMap(topics);
    }
}
