package com.scratch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of an IAM policy document. {@code Action} and {@code Resource} may be a single value
 * or a list in CloudFormation; here they are always lists. A resource stays a {@link JsonNode} because
 * it is often an intrinsic function ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}).
 */
record IamStatement(String effect, List<String> actions, List<JsonNode> resources) {

    static final JsonNode ANY_RESOURCE = TextNode.valueOf("*");

    IamStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    static IamStatement from(JsonNode statement) {
        List<String> actions = new ArrayList<>();
        listOf(statement.path("Action")).forEach(action -> actions.add(action.asText()));
        return new IamStatement(statement.path("Effect").asText(), actions, listOf(statement.path("Resource")));
    }

    boolean isAllow() {
        return "Allow".equals(effect);
    }

    /** True when any action belongs to the given service prefix, e.g. {@code "ssm"}. */
    boolean concernsService(String servicePrefix) {
        return actions.stream().anyMatch(action -> action.startsWith(servicePrefix + ":"));
    }

    boolean onlyConcernsService(String servicePrefix) {
        return actions.stream().allMatch(action -> action.startsWith(servicePrefix + ":"));
    }

    boolean appliesToAnyResource() {
        return resources.contains(ANY_RESOURCE);
    }

    private static List<JsonNode> listOf(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else if (!node.isMissingNode()) {
            values.add(node);
        }
        return values;
    }
}
