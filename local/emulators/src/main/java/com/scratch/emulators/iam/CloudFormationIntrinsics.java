package com.scratch.emulators.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions of one packaged template to what CloudFormation would give in the local account
 * and region: pseudo parameters, {@code Ref} and {@code Fn::GetAtt} of the template's own topics, queues,
 * DynamoDB tables, functions and roles (their ARNs follow from their names), {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}
 * and {@code Fn::ImportValue} (from the exports of the other packaged stacks). Anything else fails with
 * {@link UnresolvableIntrinsicException} naming it: a policy is never evaluated with a guess in it.
 */
final class CloudFormationIntrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final JsonNode resources;
    private final Map<String, String> exports;

    CloudFormationIntrinsics(JsonNode template, Map<String, String> exports) {
        this.resources = template.path("Resources");
        this.exports = Objects.requireNonNull(exports, "exports == null");
    }

    /** The text value of a node: a string, or an intrinsic that resolves to one. */
    String text(JsonNode node) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        if (node.isObject() && node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            switch (function) {
                case "Ref":
                    return ref(argument.asText());
                case "Fn::GetAtt":
                    return getAtt(argument);
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Join":
                    return join(argument);
                case "Fn::Select":
                    return list(argument.path(1)).get(argument.path(0).asInt());
                case "Fn::ImportValue": {
                    String exportName = text(argument);
                    String value = exports.get(exportName);
                    if (value == null) {
                        throw new UnresolvableIntrinsicException("Fn::ImportValue " + exportName
                                + ": no packaged stack exports it (exports: " + exports.keySet() + ")");
                    }
                    return value;
                }
                default:
                    break;
            }
        }
        throw new UnresolvableIntrinsicException("Cannot resolve " + node + " locally");
    }

    /** A node that may be one value or a list of them ({@code Action}, {@code Resource}), each resolved. */
    List<String> list(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(text(element)));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(text(node));
        }
        return values;
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return LocalAccount.REGION;
            case "AWS::AccountId":
                return LocalAccount.ACCOUNT_ID;
            case "AWS::Partition":
                return LocalAccount.PARTITION;
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        JsonNode resource = resource(name, "Ref");
        String type = resource.path("Type").asText();
        return switch (type) {
            case "AWS::SNS::Topic" -> arn("sns", name(resource, "TopicName", name));
            case "AWS::SQS::Queue" -> "https://sqs." + LocalAccount.REGION + ".amazonaws.com/" + LocalAccount.ACCOUNT_ID
                    + "/" + name(resource, "QueueName", name);
            case "AWS::DynamoDB::Table" -> name(resource, "TableName", name);
            case "AWS::Lambda::Function" -> name(resource, "FunctionName", name);
            case "AWS::IAM::Role" -> name(resource, "RoleName", name);
            default -> throw new UnresolvableIntrinsicException("Ref " + name + ": a " + type + " has no local value");
        };
    }

    private String getAtt(JsonNode argument) {
        String logicalId;
        String attribute;
        if (argument.isArray()) {
            logicalId = argument.path(0).asText();
            attribute = text(argument.path(1));
        } else {
            String[] parts = argument.asText().split("\\.", 2);
            logicalId = parts[0];
            attribute = parts.length > 1 ? parts[1] : "";
        }
        return getAtt(logicalId, attribute);
    }

    private String getAtt(String logicalId, String attribute) {
        JsonNode resource = resource(logicalId, "Fn::GetAtt");
        String type = resource.path("Type").asText();
        String value = switch (type + "." + attribute) {
            case "AWS::SNS::Topic.TopicArn" -> arn("sns", name(resource, "TopicName", logicalId));
            case "AWS::SNS::Topic.TopicName" -> name(resource, "TopicName", logicalId);
            case "AWS::SQS::Queue.Arn" -> arn("sqs", name(resource, "QueueName", logicalId));
            case "AWS::SQS::Queue.QueueName" -> name(resource, "QueueName", logicalId);
            // A table's StreamArn holds a creation timestamp no local endpoint can know: unresolvable.
            case "AWS::DynamoDB::Table.Arn" -> arn("dynamodb", "table/" + name(resource, "TableName", logicalId));
            case "AWS::Lambda::Function.Arn" -> arn("lambda", "function:" + name(resource, "FunctionName", logicalId));
            case "AWS::IAM::Role.Arn" -> "arn:" + LocalAccount.PARTITION + ":iam::" + LocalAccount.ACCOUNT_ID + ":role/"
                    + name(resource, "RoleName", logicalId);
            default -> null;
        };
        if (value == null) {
            throw new UnresolvableIntrinsicException("Fn::GetAtt " + logicalId + "." + attribute + " of a " + type
                    + " has no local value");
        }
        return value;
    }

    private String sub(JsonNode argument) {
        String template = argument.isArray() ? argument.path(0).asText() : argument.asText();
        JsonNode variables = argument.isArray() ? argument.path(1) : null;
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value;
            if (variables != null && variables.has(variable)) {
                value = text(variables.get(variable));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                String[] parts = variable.split("\\.", 2);
                value = getAtt(parts[0], parts[1]);
            } else {
                value = ref(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        // ${!Literal} is how Fn::Sub writes a literal ${Literal}
        return out.toString().replace("${!", "${");
    }

    private String join(JsonNode argument) {
        return String.join(argument.path(0).asText(), list(argument.path(1)));
    }

    private JsonNode resource(String logicalId, String function) {
        JsonNode resource = resources.path(logicalId);
        if (!resource.isObject()) {
            throw new UnresolvableIntrinsicException(function + " " + logicalId + ": no such resource in the stack");
        }
        return resource;
    }

    /** A resource's physical name, which CloudFormation would make up when the template gives none. */
    private String name(JsonNode resource, String property, String logicalId) {
        JsonNode name = resource.path("Properties").path(property);
        if (name.isMissingNode()) {
            throw new UnresolvableIntrinsicException(logicalId + " has no " + property
                    + ": CloudFormation would generate one, which no local endpoint can know");
        }
        return text(name);
    }

    private static String arn(String service, String resource) {
        return "arn:" + LocalAccount.PARTITION + ":" + service + ":" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID
                + ":" + resource;
    }
}
