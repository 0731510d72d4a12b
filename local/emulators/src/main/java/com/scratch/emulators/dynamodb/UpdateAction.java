package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One action of a parsed {@code UpdateExpression}, applied to a copy of the item. */
sealed interface UpdateAction {

    /** The top-level attribute the action writes. */
    String attribute();

    void apply(ObjectNode item);

    /** {@code SET attribute = :value}. */
    record Set(String attribute, JsonNode value) implements UpdateAction {
        @Override
        public void apply(ObjectNode item) {
            item.set(attribute, value.deepCopy());
        }
    }

    /** {@code REMOVE attribute}: removing one the item does not have is no error, as in DynamoDB. */
    record Remove(String attribute) implements UpdateAction {
        @Override
        public void apply(ObjectNode item) {
            item.remove(attribute);
        }
    }
}
