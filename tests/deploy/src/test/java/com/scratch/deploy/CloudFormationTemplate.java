package com.scratch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated CloudFormation template ({@code cloudformation-template-update-stack.json}) with accessors
 * named after what the tests look for. Missing pieces fail with the logical IDs that do exist, so a
 * renamed resource is easy to spot.
 */
final class CloudFormationTemplate {

    /** The role the framework generates for all functions of a service. */
    static final String LAMBDA_ROLE = "IamRoleLambdaExecution";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;

    private CloudFormationTemplate(JsonNode root) {
        this.root = root;
    }

    static CloudFormationTemplate read(Path file) {
        try {
            return new CloudFormationTemplate(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template " + file, e);
        }
    }

    /** The whole resource (Type, Properties, DependsOn, ...). */
    JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        assertThat(resource.isObject())
                .as("resource %s in the template; it has %s", logicalId, resourceIds())
                .isTrue();
        return resource;
    }

    /** A condition of the template's {@code Conditions} section, as written. */
    JsonNode condition(String name) {
        JsonNode condition = root.path("Conditions").path(name);
        assertThat(condition.isMissingNode()).as("condition %s in the template", name).isFalse();
        return condition;
    }

    JsonNode properties(String logicalId) {
        return resource(logicalId).path("Properties");
    }

    /** Logical ID → resource, for every resource of the given type, in template order. */
    Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("Resources").properties()) {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        }
        return found;
    }

    /** The properties of the one resource of the given type; fails when there are none or several. */
    JsonNode propertiesOfOnly(String type) {
        Map<String, JsonNode> found = resourcesOfType(type);
        assertThat(found.keySet()).as("resources of type %s", type).hasSize(1);
        return found.values().iterator().next().path("Properties");
    }

    /** The environment variables of a function, e.g. {@code BillingLambdaFunction}. */
    JsonNode environmentOf(String functionLogicalId) {
        return properties(functionLogicalId).path("Environment").path("Variables");
    }

    /** Every statement of the inline policy of {@link #LAMBDA_ROLE}. */
    List<IamStatement> lambdaRoleStatements() {
        JsonNode policies = properties(LAMBDA_ROLE).path("Policies");
        assertThat(policies.size()).as("inline policies of %s", LAMBDA_ROLE).isEqualTo(1);
        List<IamStatement> statements = new ArrayList<>();
        policies.get(0).path("PolicyDocument").path("Statement")
                .forEach(statement -> statements.add(IamStatement.from(statement)));
        return statements;
    }

    /** The statements of {@link #LAMBDA_ROLE} with an action of the given service, e.g. {@code "ssm"}. */
    List<IamStatement> lambdaRoleStatementsFor(String servicePrefix) {
        return lambdaRoleStatements().stream()
                .filter(statement -> statement.concernsService(servicePrefix))
                .toList();
    }

    JsonNode output(String name) {
        JsonNode output = root.path("Outputs").path(name);
        assertThat(output.isObject())
                .as("output %s in the template; it has %s", name, names(root.path("Outputs")))
                .isTrue();
        return output;
    }

    String exportNameOf(String outputName) {
        return output(outputName).path("Export").path("Name").asText();
    }

    List<String> resourceIds() {
        return names(root.path("Resources"));
    }

    /** The whole template, as generated. */
    JsonNode json() {
        return root;
    }

    // Intrinsic functions as they appear in the generated JSON, for exact comparisons.

    static JsonNode ref(String logicalId) {
        return intrinsic("Ref", NODES.textNode(logicalId));
    }

    static JsonNode sub(String template) {
        return intrinsic("Fn::Sub", NODES.textNode(template));
    }

    static JsonNode importValue(String exportName) {
        return intrinsic("Fn::ImportValue", NODES.textNode(exportName));
    }

    static JsonNode getAtt(String logicalId, String attribute) {
        return intrinsic("Fn::GetAtt", NODES.arrayNode().add(logicalId).add(attribute));
    }

    private static JsonNode intrinsic(String function, JsonNode argument) {
        ObjectNode node = NODES.objectNode();
        node.set(function, argument);
        return node;
    }

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }
}
