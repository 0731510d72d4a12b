package com.scratch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template as CloudFormation would create it from given parameter values: conditions evaluated, resources whose
 * condition is false left out, and the intrinsic functions the bootstrap template uses ({@code Ref}, {@code Fn::Sub},
 * {@code Fn::If}, {@code Fn::FindInMap}, {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Join})
 * replaced by their values. What only exists once deployed stays a placeholder: {@code Ref} of a resource is
 * {@code "{Ref LogicalId}"}, {@code Fn::GetAtt} is {@code "{GetAtt LogicalId.Attribute}"}.
 */
final class ResolvedTemplate {

    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "123456789012";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode NO_VALUE = NODES.missingNode();

    private final JsonNode template;
    private final String region;
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();

    /** @param given the parameter values; the others take their defaults */
    ResolvedTemplate(JsonNode template, Map<String, String> given) {
        this(template, given, REGION);
    }

    /** The same, created in {@code region} ({@code AWS::Region}). */
    ResolvedTemplate(JsonNode template, Map<String, String> given, String region) {
        this.template = template;
        this.region = region;
        template.path("Parameters").fields().forEachRemaining(parameter -> {
            String name = parameter.getKey();
            JsonNode spec = parameter.getValue();
            String value = given.containsKey(name) ? given.get(name) : spec.path("Default").asText(null);
            if (value == null) {
                throw new IllegalArgumentException("parameter " + name + " has no default: give it a value");
            }
            if (spec.has("AllowedValues") && !spec.path("AllowedValues").toString().contains('"' + value + '"')) {
                throw new IllegalArgumentException(name + "=" + value + " is not one of " + spec.path("AllowedValues"));
            }
            if (spec.has("AllowedPattern") && !value.matches(spec.path("AllowedPattern").asText())) {
                throw new IllegalArgumentException(name + "=" + value + " does not match " + spec.path("AllowedPattern"));
            }
            parameters.put(name, value);
        });
        given.keySet().stream().filter(name -> !parameters.containsKey(name)).findAny().ifPresent(name -> {
            throw new IllegalArgumentException("the template has no parameter " + name);
        });
        template.path("Conditions").fields().forEachRemaining(
                condition -> conditions.put(condition.getKey(), isTrue(condition.getValue())));
    }

    boolean condition(String name) {
        return conditions.get(name);
    }

    /** The resource with its properties resolved, or a missing node when its condition is false. */
    JsonNode resource(String logicalId) {
        JsonNode resource = template.path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new IllegalArgumentException("no resource " + logicalId);
        }
        if (resource.has("Condition") && !condition(resource.path("Condition").asText())) {
            return NO_VALUE;
        }
        return resolve(resource);
    }

    JsonNode output(String name) {
        return resolve(template.path("Outputs").path(name).path("Value"));
    }

    JsonNode resolve(JsonNode node) {
        if (node.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            node.forEach(item -> {
                JsonNode value = resolve(item);
                if (!value.isMissingNode()) {
                    resolved.add(value);
                }
            });
            return resolved;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode argument = node.get(key);
            switch (key) {
                case "Ref":
                    return ref(argument.asText());
                case "Fn::Sub":
                    return TextNode.valueOf(sub(argument));
                case "Fn::If":
                    return condition(argument.get(0).asText()) ? resolve(argument.get(1)) : resolve(argument.get(2));
                case "Fn::FindInMap":
                    return template.path("Mappings").path(text(argument.get(0))).path(text(argument.get(1)))
                            .path(text(argument.get(2)));
                case "Fn::Join":
                    StringBuilder joined = new StringBuilder();
                    JsonNode items = resolve(argument.get(1));
                    for (int i = 0; i < items.size(); i++) {
                        joined.append(i == 0 ? "" : argument.get(0).asText()).append(items.get(i).asText());
                    }
                    return TextNode.valueOf(joined.toString());
                case "Fn::GetAtt":
                    return TextNode.valueOf("{GetAtt " + argument.get(0).asText() + "." + argument.get(1).asText() + "}");
                default:
                    if (key.startsWith("Fn::")) {
                        throw new IllegalArgumentException("no evaluation of " + key + " here: " + node);
                    }
            }
        }
        ObjectNode resolved = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = resolve(field.getValue());
            if (!value.isMissingNode()) {
                resolved.set(field.getKey(), value);
            }
        }
        return resolved;
    }

    private JsonNode ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        String pseudo = switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Partition" -> "aws";
            default -> parameters.get(name);
        };
        if (pseudo != null) {
            return TextNode.valueOf(pseudo);
        }
        if (template.path("Resources").has(name)) {
            return TextNode.valueOf("{Ref " + name + "}");
        }
        throw new IllegalArgumentException("Ref of nothing: " + name);
    }

    private String sub(JsonNode argument) {
        String text = argument.isArray() ? argument.get(0).asText() : argument.asText();
        Map<String, String> variables = new HashMap<>();
        if (argument.isArray()) {
            argument.get(1).fields().forEachRemaining(variable -> variables.put(variable.getKey(), text(variable.getValue())));
        }
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (variables.containsKey(name)) {
                value = variables.get(name);
            } else if (name.contains(".")) {
                value = "{GetAtt " + name + "}";
            } else {
                value = ref(name).asText();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString().replace("${!", "${");
    }

    private String text(JsonNode node) {
        return resolve(node).asText();
    }

    private boolean isTrue(JsonNode condition) {
        String function = condition.fieldNames().next();
        JsonNode argument = condition.get(function);
        return switch (function) {
            case "Fn::Equals" -> text(argument.get(0)).equals(text(argument.get(1)));
            case "Fn::Not" -> !isTrue(argument.get(0));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode operand : argument) {
                    all &= isTrue(operand);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode operand : argument) {
                    any |= isTrue(operand);
                }
                yield any;
            }
            case "Condition" -> isTrue(template.path("Conditions").path(argument.asText()));
            default -> throw new IllegalArgumentException("not a condition: " + condition);
        };
    }
}
