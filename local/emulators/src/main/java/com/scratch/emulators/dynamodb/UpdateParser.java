package com.scratch.emulators.dynamodb;

import com.scratch.emulators.dynamodb.ExpressionTokens.Kind;
import com.scratch.emulators.dynamodb.ExpressionTokens.Token;
import com.scratch.emulators.internal.RejectedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@code UpdateExpression}: {@code SET a = :v, b = :w} and {@code REMOVE c, d}, in either order, each
 * section once. What DynamoDB also knows and the emulator does not apply ({@code ADD}, {@code DELETE}, arithmetic,
 * {@code if_not_exists}, {@code list_append}, copying another attribute, nested paths) is refused with a
 * ValidationException naming it.
 */
final class UpdateParser {

    static final String SUPPORTED = "it supports SET attribute = :value and REMOVE attribute, over top-level attributes";

    private static final Set<String> KNOWN_FUNCTIONS = Set.of("if_not_exists", "list_append");

    private final ExpressionTokens tokens;
    private final ExpressionAttributes attributes;

    private UpdateParser(String expression, ExpressionAttributes attributes) {
        this.attributes = attributes;
        this.tokens = new ExpressionTokens(expression, attributes);
    }

    /** Parses {@code expression}, marking the names and values it uses in {@code attributes}. */
    static List<UpdateAction> parse(String expression, ExpressionAttributes attributes) {
        attributes.reading("UpdateExpression");
        if (expression.isEmpty()) {
            throw attributes.invalid("The expression can not be empty;");
        }
        return new UpdateParser(expression, attributes).actions();
    }

    private List<UpdateAction> actions() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        while (tokens.peek().kind() != Kind.END) {
            Token keyword = tokens.next();
            String section = keyword.text().toUpperCase(Locale.ROOT);
            if (keyword.kind() != Kind.WORD || !Set.of("SET", "REMOVE", "ADD", "DELETE").contains(section)) {
                throw tokens.syntaxError(keyword);
            }
            if (!sections.add(section)) {
                throw attributes.invalid("The \"" + section + "\" section can only be used once in an update expression;");
            }
            if (section.equals("ADD") || section.equals("DELETE")) {
                throw unsupported("the " + section + " action");
            }
            do {
                actions.add(section.equals("SET") ? set() : new UpdateAction.Remove(tokens.topLevelPath(SUPPORTED)));
            } while (tokens.peek().kind() == Kind.COMMA && tokens.next() != null);
        }
        Map<String, UpdateAction> byAttribute = new HashMap<>();
        for (UpdateAction action : actions) {
            if (byAttribute.putIfAbsent(action.attribute(), action) != null) {
                throw attributes.invalid("Two document paths overlap with each other; must remove or rewrite one of these"
                        + " paths; path one: [" + action.attribute() + "], path two: [" + action.attribute() + "]");
            }
        }
        return actions;
    }

    private UpdateAction set() {
        String attribute = tokens.topLevelPath(SUPPORTED);
        Token equals = tokens.next();
        if (equals.kind() != Kind.COMPARATOR || !equals.text().equals("=")) {
            throw tokens.syntaxError(equals);
        }
        Token value = tokens.peek();
        if (value.kind() == Kind.WORD && tokens.peek(1).kind() == Kind.OPEN) {
            if (!KNOWN_FUNCTIONS.contains(value.text())) {
                throw attributes.invalid("Invalid function name; function: " + value.text());
            }
            throw unsupported("the function " + value.text());
        }
        if (value.kind() != Kind.VALUE_REF) {
            tokens.topLevelPath(SUPPORTED);
            throw unsupported("SET to another attribute's value (" + value.text() + ")");
        }
        tokens.next();
        UpdateAction.Set action = new UpdateAction.Set(attribute, attributes.value(value.text()));
        Kind after = tokens.peek().kind();
        if (after == Kind.PLUS || after == Kind.MINUS) {
            throw unsupported("arithmetic (" + tokens.peek().text() + ") in SET");
        }
        return action;
    }

    private RejectedRequest unsupported(String what) {
        return attributes.invalid(what + " is not supported by DynamoDbEmulator (" + SUPPORTED + ")");
    }
}
