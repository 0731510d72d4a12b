package com.scratch.emulators.dynamodb;

import com.scratch.emulators.dynamodb.ExpressionTokens.Kind;
import com.scratch.emulators.dynamodb.ExpressionTokens.Token;
import com.scratch.emulators.internal.RejectedRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code ConditionExpression} with DynamoDB's precedence (comparisons, then {@code NOT}, then {@code AND},
 * then {@code OR}; parentheses first). Only what the emulator evaluates is accepted: {@code attribute_exists},
 * {@code attribute_not_exists}, {@code = <> < <= > >=} between top-level attributes and values, {@code AND},
 * {@code OR}, {@code NOT} and parentheses. Everything else DynamoDB knows ({@code begins_with}, {@code contains},
 * {@code size}, {@code attribute_type}, {@code BETWEEN}, {@code IN}, nested paths) is refused with a
 * ValidationException naming it, so a caller never gets an answer the real service would not give.
 */
final class ConditionParser {

    static final String SUPPORTED = "it supports attribute_exists, attribute_not_exists,"
            + " = <> < <= > >=, AND, OR, NOT and parentheses, over top-level attributes";

    private static final Set<String> KNOWN_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
            "attribute_type", "begins_with", "contains", "size");

    private final ExpressionTokens tokens;
    private final ExpressionAttributes attributes;

    private ConditionParser(String expression, ExpressionAttributes attributes) {
        this.attributes = attributes;
        this.tokens = new ExpressionTokens(expression, attributes);
    }

    /** Parses {@code expression}, marking the names and values it uses in {@code attributes}. */
    static Condition parse(String expression, ExpressionAttributes attributes) {
        attributes.reading("ConditionExpression");
        if (expression.isEmpty()) {
            throw attributes.invalid("The expression can not be empty;");
        }
        ConditionParser parser = new ConditionParser(expression, attributes);
        Condition condition = parser.or().condition();
        Token rest = parser.tokens.peek();
        if (rest.kind() != Kind.END) {
            throw parser.tokens.syntaxError(rest);
        }
        return condition;
    }

    /** A condition, and whether it was written as one parenthesised group (for the redundant-parentheses check). */
    private record Parsed(Condition condition, boolean group) {
    }

    private Parsed or() {
        Parsed left = and();
        while (tokens.peek().isWord("OR")) {
            tokens.next();
            left = new Parsed(new Condition.Or(left.condition(), and().condition()), false);
        }
        return left;
    }

    private Parsed and() {
        Parsed left = not();
        while (tokens.peek().isWord("AND")) {
            tokens.next();
            left = new Parsed(new Condition.And(left.condition(), not().condition()), false);
        }
        return left;
    }

    private Parsed not() {
        if (tokens.peek().isWord("NOT")) {
            tokens.next();
            return new Parsed(new Condition.Not(not().condition()), false);
        }
        return primary();
    }

    private Parsed primary() {
        Token token = tokens.peek();
        if (token.kind() == Kind.OPEN) {
            tokens.next();
            Parsed inner = or();
            tokens.expect(Kind.CLOSE);
            if (inner.group()) {
                // DynamoDB refuses ((a = :v)): one pair of parentheses says all there is to say.
                throw attributes.invalid("The expression has redundant parentheses;");
            }
            return new Parsed(inner.condition(), true);
        }
        if (token.kind() == Kind.WORD && tokens.peek(1).kind() == Kind.OPEN) {
            return new Parsed(function(), false);
        }
        Condition.Operand left = operand();
        Token operator = tokens.next();
        if (operator.kind() == Kind.COMPARATOR) {
            Condition.Operand right = operand();
            if (left instanceof Condition.Attribute a && right instanceof Condition.Attribute b && a.equals(b)) {
                throw attributes.invalid("The first operand must be distinct from the remaining operands for this"
                        + " operator or function; operator: " + operator.text() + ", first operand: [" + a.name() + "]");
            }
            return new Parsed(new Condition.Comparison(operator.text(), left, right), false);
        }
        if (operator.isWord("BETWEEN") || operator.isWord("IN")) {
            throw unsupported("the " + operator.text().toUpperCase(Locale.ROOT) + " operator");
        }
        throw tokens.syntaxError(operator);
    }

    private Condition function() {
        Token name = tokens.next();
        String function = name.text();
        if (!KNOWN_FUNCTIONS.contains(function)) {
            throw attributes.invalid("Invalid function name; function: " + function);
        }
        if (!function.equals("attribute_exists") && !function.equals("attribute_not_exists")) {
            throw unsupported("the function " + function);
        }
        tokens.expect(Kind.OPEN);
        Token argument = tokens.peek();
        if (argument.kind() == Kind.VALUE_REF) {
            attributes.value(argument.text());
            throw attributes.invalid("Operator or function requires a document path; operator or function: " + function);
        }
        String attribute = tokens.topLevelPath(SUPPORTED);
        int operands = 1;
        while (tokens.peek().kind() == Kind.COMMA) {
            tokens.next();
            operand();
            operands++;
        }
        tokens.expect(Kind.CLOSE);
        if (operands != 1) {
            throw attributes.invalid("Incorrect number of operands for operator or function; operator or function: "
                    + function + ", number of operands: " + operands);
        }
        return new Condition.Exists(attribute, function.equals("attribute_exists"));
    }

    private Condition.Operand operand() {
        Token token = tokens.peek();
        if (token.kind() == Kind.VALUE_REF) {
            tokens.next();
            return new Condition.Value(attributes.value(token.text()));
        }
        if (token.kind() == Kind.WORD && tokens.peek(1).kind() == Kind.OPEN) {
            if (!KNOWN_FUNCTIONS.contains(token.text())) {
                throw attributes.invalid("Invalid function name; function: " + token.text());
            }
            throw unsupported("the function " + token.text());
        }
        return new Condition.Attribute(tokens.topLevelPath(SUPPORTED));
    }

    private RejectedRequest unsupported(String what) {
        return attributes.invalid(what + " is not supported by DynamoDbEmulator (" + SUPPORTED + ")");
    }
}
