package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.emulators.internal.RejectedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, as its expressions use
 * them: a {@code #name} or {@code :value} an expression uses must be defined, and every one defined must be used
 * by some expression of the request, or DynamoDB refuses the request. Not shared between threads.
 */
final class ExpressionAttributes {

    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");
    private static final Set<String> RESERVED_WORDS = reservedWords();

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> unusedNames = new LinkedHashSet<>();
    private final Set<String> unusedValues = new LinkedHashSet<>();
    /** Which expression is being read, for messages: {@code "ConditionExpression"}. */
    private String expression = "";

    /**
     * Reads both maps from a request body, with DynamoDB's checks of their keys and values.
     *
     * @param expressionMembers the expression members the operation has, for example {@code UpdateExpression} and
     *     {@code ConditionExpression}
     */
    static ExpressionAttributes of(JsonNode body, List<String> expressionMembers) {
        List<String> expressions = expressionMembers.stream()
                .filter(member -> !body.path(member).isMissingNode() && !body.path(member).isNull()).toList();
        ExpressionAttributes attributes = new ExpressionAttributes();
        JsonNode names = body.path("ExpressionAttributeNames");
        JsonNode values = body.path("ExpressionAttributeValues");
        if (!names.isMissingNode() && !names.isNull()) {
            if (expressions.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (!names.isObject()) {
                throw DynamoDbErrors.serialization("Unexpected value type in payload for ExpressionAttributeNames");
            }
        }
        if (!values.isMissingNode() && !values.isNull()) {
            if (expressions.isEmpty()) {
                throw DynamoDbErrors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                        + String.join(" and ", expressionMembers) + (expressionMembers.size() > 1 ? " are" : " is") + " null");
            }
            if (!values.isObject()) {
                throw DynamoDbErrors.serialization("Unexpected value type in payload for ExpressionAttributeValues");
            }
        }
        if (names.isObject()) {
            if (names.size() == 0) {
                throw DynamoDbErrors.validation("ExpressionAttributeNames must not be empty");
            }
            for (Map.Entry<String, JsonNode> name : (Iterable<Map.Entry<String, JsonNode>>) names::fields) {
                if (!NAME_KEY.matcher(name.getKey()).matches()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                            + name.getKey() + "\"");
                }
                if (!name.getValue().isTextual()) {
                    throw DynamoDbErrors.serialization("Unexpected value type in payload for ExpressionAttributeNames");
                }
                attributes.names.put(name.getKey(), name.getValue().asText());
                attributes.unusedNames.add(name.getKey());
            }
        }
        if (values.isObject()) {
            if (values.size() == 0) {
                throw DynamoDbErrors.validation("ExpressionAttributeValues must not be empty");
            }
            for (Map.Entry<String, JsonNode> value : (Iterable<Map.Entry<String, JsonNode>>) values::fields) {
                if (!VALUE_KEY.matcher(value.getKey()).matches()) {
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                            + value.getKey() + "\"");
                }
                attributes.unusedValues.add(value.getKey());
            }
            for (Map.Entry<String, JsonNode> value : (Iterable<Map.Entry<String, JsonNode>>) values::fields) {
                JsonNode normal;
                try {
                    normal = AttributeValues.validated(value.getValue());
                } catch (RejectedRequest invalid) {
                    String message = DynamoDbOperations.messageOf(invalid);
                    if (message == null) {
                        throw invalid;
                    }
                    throw DynamoDbErrors.validation("ExpressionAttributeValues contains invalid value: " + message
                            + " for key " + value.getKey());
                }
                attributes.values.put(value.getKey(), normal);
            }
        }
        return attributes;
    }

    /** Marks the start of reading one expression member, for the messages of its errors. */
    void reading(String expressionMember) {
        this.expression = expressionMember;
    }

    /** "Invalid ConditionExpression: " + message, as DynamoDB prefixes every error found in an expression. */
    RejectedRequest invalid(String message) {
        return DynamoDbErrors.validation("Invalid " + expression + ": " + message);
    }

    /** The attribute a {@code #name} stands for. */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name == null) {
            throw invalid("An expression attribute name used in the document path is not defined; attribute name: "
                    + placeholder);
        }
        unusedNames.remove(placeholder);
        return name;
    }

    /** A plain attribute name written in the expression: a DynamoDB reserved word must go through a {@code #name}. */
    String plainName(String name) {
        if (RESERVED_WORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw invalid("Attribute name is a reserved keyword; reserved keyword: " + name);
        }
        return name;
    }

    /** The value a {@code :value} stands for. */
    JsonNode value(String placeholder) {
        JsonNode value = values.get(placeholder);
        if (value == null) {
            throw invalid("An expression attribute value used in expression is not defined; attribute value: "
                    + placeholder);
        }
        unusedValues.remove(placeholder);
        return value;
    }

    /** After every expression of the request is read: a name or value none of them used is an error. */
    void requireAllUsed() {
        if (!unusedNames.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        if (!unusedValues.isEmpty()) {
            throw DynamoDbErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    private static Set<String> reservedWords() {
        try (InputStream in = ExpressionAttributes.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
