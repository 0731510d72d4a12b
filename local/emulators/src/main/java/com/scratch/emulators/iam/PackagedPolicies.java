package com.scratch.emulators.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.emulators.serverless.ServerlessPackager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each function's role policy as the framework deploys it, read from the packaged templates of one stage and
 * resolved to the local account: what {@link AccessControl} holds a local function to.
 *
 * <pre>{@code
 * PackagedPolicies policies = PackagedPolicies.of(List.of(billingTemplate, notifyTemplate));
 * LocalPrincipal billing = policies.principal("billing-api-local-billing", "billing");
 * }</pre>
 */
public final class PackagedPolicies {

    private static final String FUNCTION_TYPE = "AWS::Lambda::Function";

    /** Deployed function name → its role's name and policy. */
    private final Map<String, FunctionRole> roles;

    private record FunctionRole(String roleName, IamPolicy policy) {
    }

    private PackagedPolicies(Map<String, FunctionRole> roles) {
        this.roles = roles;
    }

    /**
     * The policies of the services in {@code serviceDirectories}, packaged for {@code stage} (from the cache when the
     * definitions have not changed).
     */
    public static PackagedPolicies forStage(ServerlessPackager packager, List<java.nio.file.Path> serviceDirectories, String stage) {
        return of(serviceDirectories.stream().map(directory -> packager.read(directory, stage)).toList());
    }

    /** Reads every function of every template; {@code Fn::ImportValue} resolves against the exports of them all. */
    public static PackagedPolicies of(List<JsonNode> templates) {
        Map<String, String> exports = new LinkedHashMap<>();
        List<CloudFormationIntrinsics> resolvers = new ArrayList<>();
        // Exports first: a stack may import what a later one in the list exports.
        for (JsonNode template : templates) {
            CloudFormationIntrinsics intrinsics = new CloudFormationIntrinsics(template, exports);
            resolvers.add(intrinsics);
            template.path("Outputs").forEach(output -> {
                if (output.path("Export").has("Name")) {
                    try {
                        exports.put(intrinsics.text(output.path("Export").path("Name")), intrinsics.text(output.path("Value")));
                    } catch (UnresolvableIntrinsicException e) {
                        // an export of something without a local value (an API URL): nobody here can import it
                    }
                }
            });
        }
        Map<String, FunctionRole> roles = new LinkedHashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            JsonNode resources = templates.get(i).path("Resources");
            CloudFormationIntrinsics intrinsics = resolvers.get(i);
            resources.fields().forEachRemaining(entry -> {
                JsonNode function = entry.getValue();
                if (FUNCTION_TYPE.equals(function.path("Type").asText())) {
                    String functionName = intrinsics.text(function.path("Properties").path("FunctionName"));
                    roles.put(functionName, role(resources, function.path("Properties").path("Role"), intrinsics, functionName));
                }
            });
        }
        return new PackagedPolicies(roles);
    }

    /** The deployed names of the functions, e.g. {@code billing-api-local-billing}. */
    public List<String> functionNames() {
        return List.copyOf(roles.keySet());
    }

    public IamPolicy policyOf(String deployedFunctionName) {
        return role(deployedFunctionName).policy();
    }

    /**
     * A principal for the function with fresh credentials, named as Lambda names it in a refusal: the session of
     * its assumed role is the deployed function name.
     *
     * @param localName how the sandbox calls the function in its output ({@code billing})
     */
    public LocalPrincipal principal(String deployedFunctionName, String localName) {
        FunctionRole role = role(deployedFunctionName);
        return LocalPrincipal.forFunction(localName, LocalAccount.ACCOUNT_ID, role.roleName(), deployedFunctionName, role.policy());
    }

    private FunctionRole role(String deployedFunctionName) {
        FunctionRole role = roles.get(Objects.requireNonNull(deployedFunctionName, "deployedFunctionName == null"));
        if (role == null) {
            throw new IllegalArgumentException("No function " + deployedFunctionName + " in the packaged templates; they have "
                    + roles.keySet());
        }
        return role;
    }

    /** The role a function's {@code Role} property points at ({@code Fn::GetAtt [IamRoleLambdaExecution, Arn]}). */
    private static FunctionRole role(JsonNode resources, JsonNode roleProperty, CloudFormationIntrinsics intrinsics,
            String functionName) {
        JsonNode getAtt = roleProperty.path("Fn::GetAtt");
        String roleId = getAtt.isArray() ? getAtt.path(0).asText() : getAtt.asText().split("\\.")[0];
        JsonNode role = resources.path(roleId);
        if (roleId.isEmpty() || !"AWS::IAM::Role".equals(role.path("Type").asText())) {
            throw new UnresolvableIntrinsicException("Function " + functionName + " does not use a role of its own stack ("
                    + roleProperty + "): its policy cannot be read from the template");
        }
        List<PolicyStatement> statements = new ArrayList<>();
        for (JsonNode policy : role.path("Properties").path("Policies")) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                statements.add(statement(statement, statements.size() + 1, intrinsics, functionName));
            }
        }
        if (role.path("Properties").path("ManagedPolicyArns").size() > 0) {
            throw new UnresolvableIntrinsicException("The role of " + functionName + " has managed policies ("
                    + role.path("Properties").path("ManagedPolicyArns") + "), which are not in the template");
        }
        String roleName = role.path("Properties").has("RoleName")
                ? intrinsics.text(role.path("Properties").path("RoleName")) : roleId;
        return new FunctionRole(roleName, new IamPolicy(statements));
    }

    private static PolicyStatement statement(JsonNode statement, int position, CloudFormationIntrinsics intrinsics,
            String functionName) {
        if (statement.has("Condition")) {
            throw new InvalidPolicyException("Statement " + position + " of the role of " + functionName
                    + " has a Condition, which local IAM does not evaluate");
        }
        return new PolicyStatement(statement.path("Sid").asText(""), position, Effect.parse(statement.path("Effect").asText()),
                intrinsics.list(statement.path("Action")), intrinsics.list(statement.path("NotAction")),
                intrinsics.list(statement.path("Resource")), intrinsics.list(statement.path("NotResource")));
    }
}
