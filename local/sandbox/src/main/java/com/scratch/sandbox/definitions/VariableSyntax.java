package com.scratch.sandbox.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Serverless variables are written, apart from what they mean: where a {@code ${...}} starts and ends, whether
 * it is a variable at all, how its fallbacks are separated, and how one source reads
 * ({@code file(shared.yml):custom.stage}). {@link VariableResolver} gives them their values.
 */
final class VariableSyntax {

    /** One source of a variable: {@code type(argument):address}, the argument and the address optional. */
    record Source(String type, String argument, String address) {
    }

    private static final Pattern VARIABLE_START = Pattern.compile("[a-z][a-zA-Z0-9]*[:(]");
    private static final Pattern SOURCE = Pattern.compile("([a-z][a-zA-Z0-9]*)(?:\\(([^)]*)\\))?(?::(.*))?",
            Pattern.DOTALL);
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private VariableSyntax() {
    }

    /**
     * As in osls, only a {@code ${...}} whose content starts with a lowercase source name followed by {@code :} or
     * {@code (} is a variable: CloudFormation's {@code ${AWS::Region}} in a {@code !Sub} is not.
     */
    static boolean isVariable(String expression) {
        return VARIABLE_START.matcher(expression).lookingAt();
    }

    /** The expression inside {@code text} when all of {@code text} is one variable, or null. */
    static String wholeVariable(String text) {
        if (!text.startsWith("${") || closingBrace(text, 0) != text.length() - 1) {
            return null;
        }
        String expression = text.substring(2, text.length() - 1);
        return isVariable(expression) ? expression : null;
    }

    /** The index of the "}" that closes the "${" at {@code start}, or -1. */
    static int closingBrace(String text, int start) {
        int depth = 0;
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits "a, b, 'c'" at the commas outside nested variables, parentheses and quotes. */
    static List<String> fallbacks(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(expression.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(expression.substring(from));
        return parts;
    }

    /** A fallback that is a number or a boolean, as the value it stands for. */
    static Optional<Object> scalar(String source) {
        if (INTEGER.matcher(source).matches()) {
            return Optional.of(Integer.valueOf(source));
        }
        if (DECIMAL.matcher(source).matches()) {
            return Optional.of(Double.valueOf(source));
        }
        if (source.equals("true") || source.equals("false")) {
            return Optional.of(Boolean.valueOf(source));
        }
        return Optional.empty();
    }

    /** A source such as {@code self:custom.stage} or {@code file(shared.yml):custom}; empty when it is not one. */
    static Optional<Source> source(String text) {
        Matcher matcher = SOURCE.matcher(text);
        if (!matcher.matches() || matcher.group(2) == null && matcher.group(3) == null) {
            return Optional.empty();
        }
        return Optional.of(new Source(matcher.group(1), matcher.group(2),
                matcher.group(3) == null ? "" : matcher.group(3).strip()));
    }
}
