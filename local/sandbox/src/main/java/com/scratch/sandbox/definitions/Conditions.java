package com.scratch.sandbox.definitions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack's {@code Conditions}, evaluated for the local stage as CloudFormation would: a resource or output whose
 * {@code Condition} is false is not created. Supports what a condition can be once the framework's variables are
 * resolved: {@code !Equals}, {@code !Or}, {@code !And}, {@code !Not} and {@code !Condition} over literals; anything
 * else (a {@code !Ref} of a parameter) is refused with the condition's name.
 */
final class Conditions {

    private final Path file;
    private final Map<String, Object> declared;
    private final Map<String, Boolean> evaluated = new LinkedHashMap<>();

    private Conditions(Path file, Map<String, Object> declared) {
        this.file = file;
        this.declared = declared;
    }

    /** The conditions of every {@code resources} fragment. */
    static Conditions of(Path file, List<ConfigMap> resources) {
        Map<String, Object> declared = new LinkedHashMap<>();
        for (ConfigMap fragment : resources) {
            ConfigMap conditions = fragment.map("Conditions");
            conditions.keys().forEach(name -> declared.put(name, conditions.get(name)));
        }
        return new Conditions(file, declared);
    }

    /** Whether a resource or output with this {@code Condition} (null: none) exists. */
    boolean holds(Object condition) {
        if (condition == null) {
            return true;
        }
        if (!(condition instanceof String name)) {
            throw refused("a Condition must name a condition, was " + condition);
        }
        return named(name);
    }

    private boolean named(String name) {
        Boolean known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        if (!declared.containsKey(name)) {
            throw refused("no condition " + name + " in Conditions");
        }
        boolean value = evaluate(name, declared.get(name));
        evaluated.put(name, value);
        return value;
    }

    private boolean evaluate(String name, Object expression) {
        if (expression instanceof CfnOther other) {
            List<?> operands = other.value() instanceof List<?> list ? list : List.of(other.value());
            switch (other.tag()) {
                case "!Equals":
                    if (operands.size() == 2 && isLiteral(operands.get(0)) && isLiteral(operands.get(1))) {
                        return String.valueOf(operands.get(0)).equals(String.valueOf(operands.get(1)));
                    }
                    break;
                case "!Or":
                    return operands.stream().anyMatch(operand -> evaluate(name, operand));
                case "!And":
                    return operands.stream().allMatch(operand -> evaluate(name, operand));
                case "!Not":
                    if (operands.size() == 1) {
                        return !evaluate(name, operands.get(0));
                    }
                    break;
                case "!Condition":
                    if (operands.size() == 1 && operands.get(0) instanceof String otherName) {
                        return named(otherName);
                    }
                    break;
                default:
                    break;
            }
        }
        if (expression instanceof Map<?, ?> map && map.size() == 1 && map.get("Condition") instanceof String other) {
            return named(other);
        }
        throw refused("condition " + name + " is " + expression + ": only !Equals of literals, !Or, !And, !Not and"
                + " !Condition can be evaluated locally");
    }

    private static boolean isLiteral(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private InvalidServerlessDefinitionException refused(String problem) {
        return new InvalidServerlessDefinitionException(file, problem);
    }
}
