package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed {@code ConditionExpression}: what {@link ConditionParser} understands, evaluated against the item as it
 * is (null when there is none, which makes every attribute missing).
 */
sealed interface Condition {

    boolean test(JsonNode item);

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return !condition.test(item);
        }
    }

    /** {@code attribute_exists(path)} when {@code exists}, else {@code attribute_not_exists(path)}. */
    record Exists(String attribute, boolean exists) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return (item != null && item.has(attribute)) == exists;
        }
    }

    /** {@code left <operator> right}, each a top-level attribute or a value. */
    record Comparison(String operator, Operand left, Operand right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return AttributeValues.compare(operator, left.resolve(item), right.resolve(item));
        }
    }

    /** One side of a comparison. */
    sealed interface Operand {
        /** The value, or null when it names an attribute the item does not have. */
        JsonNode resolve(JsonNode item);
    }

    record Attribute(String name) implements Operand {
        @Override
        public JsonNode resolve(JsonNode item) {
            return item == null ? null : item.get(name);
        }
    }

    record Value(JsonNode value) implements Operand {
        @Override
        public JsonNode resolve(JsonNode item) {
            return value;
        }
    }
}
