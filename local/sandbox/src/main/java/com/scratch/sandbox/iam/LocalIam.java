package com.scratch.sandbox.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.iam.AccessRefusal;
import com.scratch.emulators.iam.LocalPrincipal;
import com.scratch.emulators.iam.PackagedPolicies;
import com.scratch.emulators.serverless.ServerlessPackager;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.definitions.FunctionDefinition;
import com.scratch.sandbox.definitions.ServerlessProject;
import com.scratch.sandbox.definitions.ServiceDefinition;
import com.scratch.sandbox.startup.CorruptDataFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What AWS would allow each local function: its role's policy from the CloudFormation {@code osls package} generates
 * for the local stage (cached by the definitions' hash, so only a changed definition packages again), credentials of
 * its own, and one line for every refused call naming the function, the action, the resource and the statement that
 * would allow it.
 *
 * <pre>
 * billing  IAM  refused sns:Publish on arn:aws:sns:us-east-1:000000000000:local-note-purchased: no statement allows it;
 *          allowed by adding to services/billing-api/serverless.yml provider.iam.role.statements:
 *          {Effect: Allow, Action: sns:Publish, Resource: 'arn:aws:sns:us-east-1:000000000000:local-note-purchased'}
 * </pre>
 * (one line in the output).
 */
public final class LocalIam {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessControl access;
    /** Local function name → its principal. */
    private final Map<String, LocalPrincipal> principals;

    private LocalIam(AccessControl access, Map<String, LocalPrincipal> principals) {
        this.access = access;
        this.principals = principals;
    }

    /** Packages every service (in parallel when the cache misses) and gives each function its principal. */
    public static LocalIam load(ServerlessProject project, Path repositoryRoot, Path cacheDirectory, String stage,
            InvocationLog log) {
        ServerlessPackager packager = ServerlessPackager.cachedByDefinitions(repositoryRoot, cacheDirectory);
        List<CompletableFuture<JsonNode>> packaging = project.services().stream()
                .map(service -> CompletableFuture.supplyAsync(() -> readTemplate(packager.template(service.directory(), stage))))
                .toList();
        List<JsonNode> templates = packaging.stream().map(LocalIam::result).toList();
        PackagedPolicies policies = PackagedPolicies.of(templates);

        AccessControl access = new AccessControl();
        Map<String, LocalPrincipal> principals = new LinkedHashMap<>();
        Map<String, Path> definitionFiles = new LinkedHashMap<>();
        for (ServiceDefinition service : project.services()) {
            for (FunctionDefinition function : service.functions()) {
                LocalPrincipal principal = policies.principal(function.lambdaName(), function.name());
                access.register(principal);
                principals.put(function.name(), principal);
                definitionFiles.put(function.name(),
                        repositoryRoot.relativize(service.directory().resolve(ServerlessProject.DEFINITION_FILE)));
            }
        }
        access.onRefusal(refusal -> log.iamRefused(caller(refusal), describe(refusal, definitionFiles)));
        return new LocalIam(access, principals);
    }

    /**
     * A packaged template, most often the cached one.
     *
     * @throws CorruptDataFileException when it is not a JSON object (a cache file cut short or edited)
     */
    private static JsonNode readTemplate(Path template) {
        JsonNode tree;
        try {
            tree = JSON.readTree(template.toFile());
        } catch (JsonProcessingException e) {
            throw corrupt(template, "is not valid JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + template, e);
        }
        if (tree == null || !tree.isObject()) {
            throw corrupt(template, "is not a CloudFormation template", null);
        }
        return tree;
    }

    private static CorruptDataFileException corrupt(Path template, String problem, Throwable cause) {
        return new CorruptDataFileException("Packaged template " + template + " " + problem,
                "delete it (a cache: the next start packages the service again)", cause);
    }

    /** What the packaging thread returned or threw, as it threw it. */
    private static JsonNode result(CompletableFuture<JsonNode> packaging) {
        try {
            return packaging.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public AccessControl access() {
        return access;
    }

    /** The variables that make the function sign as itself: what Lambda puts in a function's environment. */
    public Map<String, String> credentialsOf(String functionName) {
        LocalPrincipal principal = principals.get(functionName);
        if (principal == null) {
            throw new IllegalArgumentException("No local function " + functionName + "; there are " + principals.keySet());
        }
        return Map.of("AWS_ACCESS_KEY_ID", principal.accessKeyId(), "AWS_SECRET_ACCESS_KEY", principal.secretAccessKey());
    }

    private static String caller(AccessRefusal refusal) {
        if (refusal instanceof AccessRefusal.NotAuthorized denied) {
            return denied.principal().functionName();
        }
        if (refusal instanceof AccessRefusal.BadSignature bad) {
            return bad.principal().functionName();
        }
        return "?";
    }

    static String describe(AccessRefusal refusal, Map<String, Path> definitionFiles) {
        if (!(refusal instanceof AccessRefusal.NotAuthorized denied)) {
            return "a request: " + refusal.message() + " (" + refusal.kind() + ": only the local functions' own keys are accepted)";
        }
        String action = denied.action();
        String what = action + " on " + denied.resource();
        if (denied.denyingStatement().isPresent()) {
            return what + ": denied by " + denied.denyingStatement().get().name() + " of its role, which no Allow overrides";
        }
        // A phone number (an SMS) is no ARN: only "*" allows it.
        String resource = denied.resource().startsWith("arn:") ? denied.resource() : "*";
        return what + ": no statement allows it; allowed by adding to "
                + definitionFiles.getOrDefault(denied.principal().functionName(), Path.of("serverless.yml"))
                + " provider.iam.role.statements: {Effect: Allow, Action: " + action + ", Resource: '" + resource + "'}";
    }
}
