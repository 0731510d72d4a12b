package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RejectedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The DynamoDB operations the emulator answers, on its tables. Each request is checked in the order DynamoDB
 * (and dynalite) checks it: the shape of the request and its expressions first, then that the table exists, then
 * the key against the table's schema, then the condition against the stored item. Thread-safe.
 */
final class DynamoDbOperations {

    static final List<String> OPERATIONS = List.of("PutItem", "GetItem", "UpdateItem", "DeleteItem", "CreateTable",
            "DescribeTable", "UpdateTimeToLive", "DescribeTimeToLive", "ListTables");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final List<String> RETURN_VALUES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
    // Members of the legacy API (before expressions) and features the emulator does not model: refused, not ignored.
    private static final List<String> UNSUPPORTED_ITEM_MEMBERS = List.of("Expected", "ConditionalOperator",
            "AttributeUpdates", "AttributesToGet", "ProjectionExpression");
    private static final List<String> UNSUPPORTED_TABLE_MEMBERS = List.of("GlobalSecondaryIndexes",
            "LocalSecondaryIndexes", "StreamSpecification", "SSESpecification", "Tags", "TableClass",
            "OnDemandThroughput", "WarmThroughput", "ResourcePolicy");

    private final Map<String, DynamoDbTable> tables = new ConcurrentHashMap<>();
    private final Clock clock;

    DynamoDbOperations(Clock clock) {
        this.clock = clock;
    }

    HttpReply handle(String operation, JsonNode body) {
        ObjectNode answer = switch (operation) {
            case "PutItem" -> putItem(body);
            case "GetItem" -> getItem(body);
            case "UpdateItem" -> updateItem(body);
            case "DeleteItem" -> deleteItem(body);
            case "CreateTable" -> createTable(body);
            case "DescribeTable" -> describeTable(body);
            case "UpdateTimeToLive" -> updateTimeToLive(body);
            case "DescribeTimeToLive" -> describeTimeToLive(body);
            case "ListTables" -> listTables(body);
            default -> throw DynamoDbErrors.error(400, "com.amazon.coral.service#UnknownOperationException",
                    "DynamoDbEmulator does not support " + (operation.isEmpty() ? "this request" : operation)
                            + "; it answers " + String.join(", ", OPERATIONS));
        };
        return HttpReply.of(200, DynamoDbErrors.CONTENT_TYPE, answer.toString());
    }

    /** Creates a table as {@code CreateTable} with one S hash key and on-demand billing would; false if it exists. */
    boolean createTable(String name, String hashKey) {
        return tables.putIfAbsent(name, new DynamoDbTable(name, hashKey, "S",
                new DynamoDbTable.BillingMode("PAY_PER_REQUEST", 0, 0), clock.instant())) == null;
    }

    Optional<DynamoDbTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    void clear() {
        tables.clear();
    }

    /** The message of a ValidationException, to quote it in another one; null for any other answer. */
    static String messageOf(RejectedRequest rejected) {
        try {
            JsonNode body = JSON.readTree(rejected.reply().bodyText());
            return body.path("__type").asText().endsWith("#ValidationException") ? body.path("message").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    // ---- items

    private ObjectNode putItem(JsonNode body) {
        String tableName = tableName(body);
        JsonNode rawItem = required(body, "Item", "item");
        refuseUnsupported(body, UNSUPPORTED_ITEM_MEMBERS);
        ExpressionAttributes attributes = ExpressionAttributes.of(body, List.of("ConditionExpression"));
        ObjectNode item = AttributeValues.validatedMap(rawItem, "Item");
        String returnValues = returnValues(body);
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoDbErrors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        boolean oldOnFailure = returnValuesOnConditionCheckFailure(body);
        if (AttributeValues.itemSize(item) > AttributeValues.MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
        Condition condition = condition(body, attributes);
        attributes.requireAllUsed();

        DynamoDbTable table = itemTable(tableName);
        JsonNode key = item.get(table.hashKey());
        if (key == null) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Missing the key "
                    + table.hashKey() + " in the item");
        }
        if (!AttributeValues.type(key).equals(table.hashKeyType())) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Type mismatch for key "
                    + table.hashKey() + " expected: " + table.hashKeyType() + " actual: " + AttributeValues.type(key));
        }
        if ("S".equals(AttributeValues.type(key)) && key.get("S").asText().isEmpty()) {
            throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key"
                    + " attribute cannot contain an empty string value. Key: " + table.hashKey());
        }
        checkKeySize(key);
        AtomicReference<ObjectNode> old = new AtomicReference<>();
        table.change(DynamoDbTable.storageKey(key), (storageKey, current) -> {
            check(condition, current, oldOnFailure);
            old.set(current);
            return item;
        });
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        if (returnValues.equals("ALL_OLD") && old.get() != null) {
            answer.set("Attributes", old.get().deepCopy());
        }
        return answer;
    }

    private ObjectNode getItem(JsonNode body) {
        String tableName = tableName(body);
        JsonNode rawKey = required(body, "Key", "key");
        refuseUnsupported(body, UNSUPPORTED_ITEM_MEMBERS);
        ExpressionAttributes.of(body, List.of()).requireAllUsed();
        JsonNode consistentRead = body.path("ConsistentRead");
        if (!consistentRead.isMissingNode() && !consistentRead.isNull() && !consistentRead.isBoolean()) {
            throw DynamoDbErrors.serialization("Unexpected value type in payload for ConsistentRead");
        }
        ObjectNode key = AttributeValues.validatedMap(rawKey, "Key");
        DynamoDbTable table = itemTable(tableName);
        // Every read is strongly consistent here: there is one copy of each item. An eventually consistent read
        // of real DynamoDB may return an older version shortly after a write.
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        table.get(storageKey(table, key)).ifPresent(item -> answer.set("Item", item.deepCopy()));
        return answer;
    }

    private ObjectNode updateItem(JsonNode body) {
        String tableName = tableName(body);
        JsonNode rawKey = required(body, "Key", "key");
        refuseUnsupported(body, UNSUPPORTED_ITEM_MEMBERS);
        ExpressionAttributes attributes = ExpressionAttributes.of(body, List.of("UpdateExpression", "ConditionExpression"));
        ObjectNode key = AttributeValues.validatedMap(rawKey, "Key");
        String returnValues = returnValues(body);
        boolean oldOnFailure = returnValuesOnConditionCheckFailure(body);
        String updateExpression = optionalText(body, "UpdateExpression");
        List<UpdateAction> actions = updateExpression == null ? List.of() : UpdateParser.parse(updateExpression, attributes);
        Condition condition = condition(body, attributes);
        attributes.requireAllUsed();

        DynamoDbTable table = itemTable(tableName);
        String storageKey = storageKey(table, key);
        for (UpdateAction action : actions) {
            if (action.attribute().equals(table.hashKey())) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Cannot update attribute "
                        + table.hashKey() + ". This attribute is part of the key");
            }
        }
        AtomicReference<ObjectNode> old = new AtomicReference<>();
        AtomicReference<ObjectNode> updated = new AtomicReference<>();
        table.change(storageKey, (k, current) -> {
            check(condition, current, oldOnFailure);
            // An update of an item that does not exist creates it, from its key, as in DynamoDB.
            ObjectNode item = current == null ? key.deepCopy() : current.deepCopy();
            actions.forEach(action -> action.apply(item));
            if (AttributeValues.itemSize(item) > AttributeValues.MAX_ITEM_BYTES) {
                throw DynamoDbErrors.validation("Item size to update has exceeded the maximum allowed size");
            }
            old.set(current);
            updated.set(item);
            return item;
        });
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode returned = switch (returnValues) {
            case "ALL_NEW" -> updated.get().deepCopy();
            case "ALL_OLD" -> old.get() == null ? null : old.get().deepCopy();
            case "UPDATED_NEW" -> only(updated.get(), actions);
            case "UPDATED_OLD" -> only(old.get(), actions);
            default -> null;
        };
        if (returned != null && returned.size() > 0) {
            answer.set("Attributes", returned);
        }
        return answer;
    }

    private ObjectNode deleteItem(JsonNode body) {
        String tableName = tableName(body);
        JsonNode rawKey = required(body, "Key", "key");
        refuseUnsupported(body, UNSUPPORTED_ITEM_MEMBERS);
        ExpressionAttributes attributes = ExpressionAttributes.of(body, List.of("ConditionExpression"));
        ObjectNode key = AttributeValues.validatedMap(rawKey, "Key");
        String returnValues = returnValues(body);
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoDbErrors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        boolean oldOnFailure = returnValuesOnConditionCheckFailure(body);
        Condition condition = condition(body, attributes);
        attributes.requireAllUsed();

        DynamoDbTable table = itemTable(tableName);
        AtomicReference<ObjectNode> old = new AtomicReference<>();
        table.change(storageKey(table, key), (k, current) -> {
            check(condition, current, oldOnFailure);
            old.set(current);
            return null;
        });
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        if (returnValues.equals("ALL_OLD") && old.get() != null) {
            answer.set("Attributes", old.get().deepCopy());
        }
        return answer;
    }

    private static void check(Condition condition, ObjectNode current, boolean oldOnFailure) {
        if (condition != null && !condition.test(current)) {
            throw DynamoDbErrors.conditionalCheckFailed(oldOnFailure ? current : null);
        }
    }

    private static Condition condition(JsonNode body, ExpressionAttributes attributes) {
        String expression = optionalText(body, "ConditionExpression");
        return expression == null ? null : ConditionParser.parse(expression, attributes);
    }

    private static ObjectNode only(ObjectNode item, List<UpdateAction> actions) {
        if (item == null) {
            return null;
        }
        ObjectNode selected = JsonNodeFactory.instance.objectNode();
        actions.forEach(action -> {
            if (item.has(action.attribute())) {
                selected.set(action.attribute(), item.get(action.attribute()).deepCopy());
            }
        });
        return selected;
    }

    /** The table an item operation names; DynamoDB does not name it back in this message. */
    private DynamoDbTable itemTable(String name) {
        DynamoDbTable table = tables.get(name);
        if (table == null) {
            throw DynamoDbErrors.resourceNotFound();
        }
        return table;
    }

    /** A {@code Key} map checked against the table's schema: exactly its hash key, of its type. */
    private static String storageKey(DynamoDbTable table, ObjectNode key) {
        JsonNode value = key.get(table.hashKey());
        if (key.size() != 1 || value == null || !AttributeValues.type(value).equals(table.hashKeyType())) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        if ("S".equals(table.hashKeyType()) && value.get("S").asText().isEmpty()) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: The AttributeValue for a key"
                    + " attribute cannot contain an empty string value. Key: " + table.hashKey());
        }
        checkKeySize(value);
        return DynamoDbTable.storageKey(value);
    }

    private static void checkKeySize(JsonNode key) {
        if ("S".equals(AttributeValues.type(key)) && key.get("S").asText().getBytes(StandardCharsets.UTF_8).length > 2048) {
            // Sic: DynamoDB's message has no space before 2048.
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Size of hashkey has exceeded"
                    + " the maximum size limit of2048 bytes");
        }
    }

    private static String returnValues(JsonNode body) {
        String returnValues = optionalText(body, "ReturnValues");
        if (returnValues == null) {
            return "NONE";
        }
        if (!RETURN_VALUES.contains(returnValues)) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + returnValues
                    + "' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: " + RETURN_VALUES);
        }
        return returnValues;
    }

    private static boolean returnValuesOnConditionCheckFailure(JsonNode body) {
        String value = optionalText(body, "ReturnValuesOnConditionCheckFailure");
        if (value == null || value.equals("NONE")) {
            return false;
        }
        if (!value.equals("ALL_OLD")) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + value
                    + "' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum"
                    + " value set: [ALL_OLD, NONE]");
        }
        return true;
    }

    // ---- tables

    private ObjectNode createTable(JsonNode body) {
        String name = tableName(body);
        JsonNode definitions = required(body, "AttributeDefinitions", "attributeDefinitions");
        JsonNode keySchema = required(body, "KeySchema", "keySchema");
        refuseUnsupported(body, UNSUPPORTED_TABLE_MEMBERS);
        if (body.path("DeletionProtectionEnabled").asBoolean(false)) {
            throw unsupported("DeletionProtectionEnabled");
        }
        if (!definitions.isArray() || !keySchema.isArray()) {
            throw DynamoDbErrors.serialization("Unexpected value type in payload for AttributeDefinitions or KeySchema");
        }
        if (keySchema.size() < 1 || keySchema.size() > 2) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + keySchema + "' at 'keySchema' failed"
                    + " to satisfy constraint: Member must have length " + (keySchema.size() < 1
                    ? "greater than or equal to 1" : "less than or equal to 2"));
        }
        for (int i = 0; i < definitions.size(); i++) {
            String type = definitions.get(i).path("AttributeType").asText();
            if (!Set.of("S", "N", "B").contains(type)) {
                throw DynamoDbErrors.validation("1 validation error detected: Value '" + type + "' at 'attributeDefinitions."
                        + (i + 1) + ".member.attributeType' failed to satisfy constraint: Member must satisfy enum value"
                        + " set: [B, N, S]");
            }
        }
        String billing = Optional.ofNullable(optionalText(body, "BillingMode")).orElse("PROVISIONED");
        JsonNode throughput = body.path("ProvisionedThroughput");
        long read = throughput.path("ReadCapacityUnits").asLong(0);
        long write = throughput.path("WriteCapacityUnits").asLong(0);
        if (billing.equals("PAY_PER_REQUEST")) {
            if (throughput.isObject()) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor"
                        + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        } else if (billing.equals("PROVISIONED")) {
            if (read <= 0 || write <= 0) {
                throw DynamoDbErrors.validation("One or more parameter values were invalid: ReadCapacityUnits and"
                        + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
        } else {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + billing + "' at 'billingMode' failed"
                    + " to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        List<String> definedNames = new ArrayList<>();
        definitions.forEach(definition -> definedNames.add(definition.path("AttributeName").asText()));
        List<String> keyNames = new ArrayList<>();
        keySchema.forEach(element -> keyNames.add(element.path("AttributeName").asText()));
        if (keyNames.size() > definedNames.size()) {
            throw DynamoDbErrors.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        if (!definedNames.containsAll(keyNames)) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Some index key attributes are not"
                    + " defined in AttributeDefinitions. Keys: [" + String.join(", ", keyNames) + "], AttributeDefinitions: ["
                    + String.join(", ", definedNames) + "]");
        }
        if (!"HASH".equals(keySchema.get(0).path("KeyType").asText())) {
            throw DynamoDbErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (keySchema.size() == 2) {
            throw unsupported("a RANGE (sort) key");
        }
        if (keyNames.size() != definedNames.size()) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Number of attributes in KeySchema"
                    + " does not exactly match number of attributes defined in AttributeDefinitions");
        }
        String keyType = definitions.get(0).path("AttributeType").asText();
        if (keyType.equals("B")) {
            throw unsupported("a binary (B) hash key");
        }
        DynamoDbTable table = new DynamoDbTable(name, keyNames.get(0), keyType,
                new DynamoDbTable.BillingMode(billing, read, write), clock.instant());
        if (tables.putIfAbsent(name, table) != null) {
            throw DynamoDbErrors.tableExists(name);
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        // DynamoDB answers CREATING and the table turns ACTIVE later; here it is usable at once, and DescribeTable
        // (what SDK waiters poll) says ACTIVE.
        answer.set("TableDescription", table.description("CREATING"));
        return answer;
    }

    private ObjectNode describeTable(JsonNode body) {
        DynamoDbTable table = controlTable(tableName(body));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("Table", table.description("ACTIVE"));
        return answer;
    }

    private ObjectNode updateTimeToLive(JsonNode body) {
        String name = tableName(body);
        JsonNode specification = required(body, "TimeToLiveSpecification", "timeToLiveSpecification");
        JsonNode enabled = specification.path("Enabled");
        String attribute = optionalText(specification, "AttributeName");
        if (!enabled.isBoolean()) {
            throw DynamoDbErrors.missingMember("timeToLiveSpecification.enabled");
        }
        if (attribute == null) {
            throw DynamoDbErrors.missingMember("timeToLiveSpecification.attributeName");
        }
        DynamoDbTable table = controlTable(name);
        synchronized (table) {
            Optional<DynamoDbTable.TimeToLive> current = table.timeToLive().filter(DynamoDbTable.TimeToLive::enabled);
            if (enabled.asBoolean()) {
                if (current.isPresent() && !current.get().attributeName().equals(attribute)) {
                    throw DynamoDbErrors.validation("TimeToLive is active on a different AttributeName: current"
                            + " AttributeName is " + current.get().attributeName());
                }
                if (current.isPresent()) {
                    throw DynamoDbErrors.validation("TimeToLive is already enabled");
                }
            } else if (current.isEmpty()) {
                throw DynamoDbErrors.validation("TimeToLive is already disabled");
            }
            table.timeToLive(new DynamoDbTable.TimeToLive(attribute, enabled.asBoolean()));
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode echoed = answer.putObject("TimeToLiveSpecification");
        echoed.put("Enabled", enabled.asBoolean());
        echoed.put("AttributeName", attribute);
        return answer;
    }

    private ObjectNode describeTimeToLive(JsonNode body) {
        DynamoDbTable table = controlTable(tableName(body));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode description = answer.putObject("TimeToLiveDescription");
        Optional<DynamoDbTable.TimeToLive> current = table.timeToLive().filter(DynamoDbTable.TimeToLive::enabled);
        // DynamoDB says ENABLING for up to an hour after UpdateTimeToLive; here it is ENABLED at once.
        description.put("TimeToLiveStatus", current.isPresent() ? "ENABLED" : "DISABLED");
        current.ifPresent(ttl -> description.put("AttributeName", ttl.attributeName()));
        return answer;
    }

    private ObjectNode listTables(JsonNode body) {
        JsonNode limitNode = body.path("Limit");
        int limit = limitNode.isMissingNode() || limitNode.isNull() ? 100 : limitNode.asInt();
        if (limit < 1 || limit > 100) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
                    + " satisfy constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1"
                    : "less than or equal to 100"));
        }
        String start = optionalText(body, "ExclusiveStartTableName");
        TreeSet<String> names = new TreeSet<>(tables.keySet());
        List<String> page = new ArrayList<>();
        for (String name : start == null ? names : names.tailSet(start, false)) {
            if (page.size() == limit) {
                break;
            }
            page.add(name);
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        page.forEach(answer.putArray("TableNames")::add);
        if (!page.isEmpty() && names.higher(page.get(page.size() - 1)) != null && page.size() == limit) {
            answer.put("LastEvaluatedTableName", page.get(page.size() - 1));
        }
        return answer;
    }

    /** The table a control-plane operation names; DynamoDB names it back in this message. */
    private DynamoDbTable controlTable(String name) {
        DynamoDbTable table = tables.get(name);
        if (table == null) {
            throw DynamoDbErrors.tableNotFound(name);
        }
        return table;
    }

    // ---- request members

    private static String tableName(JsonNode body) {
        String name = optionalText(body, "TableName");
        if (name == null) {
            throw DynamoDbErrors.missingMember("tableName");
        }
        if (name.length() < 3 || name.length() > 255) {
            throw DynamoDbErrors.validation("TableName must be at least 3 characters long and at most 255 characters long");
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to"
                    + " satisfy constraint: Member must satisfy regular expression pattern: " + TABLE_NAME.pattern());
        }
        return name;
    }

    private static JsonNode required(JsonNode body, String member, String shownAs) {
        JsonNode value = body.path(member);
        if (value.isMissingNode() || value.isNull()) {
            throw DynamoDbErrors.missingMember(shownAs);
        }
        return value;
    }

    private static String optionalText(JsonNode body, String member) {
        JsonNode value = body.path(member);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw DynamoDbErrors.serialization((value.isNumber() ? "NUMBER_VALUE" : value.isBoolean()
                    ? (value.asBoolean() ? "TRUE_VALUE" : "FALSE_VALUE") : "Unexpected value")
                    + " cannot be converted to String");
        }
        return value.asText();
    }

    private static void refuseUnsupported(JsonNode body, List<String> members) {
        for (String member : members) {
            if (!body.path(member).isMissingNode() && !body.path(member).isNull()) {
                throw unsupported(member);
            }
        }
        for (String member : List.of("ReturnConsumedCapacity", "ReturnItemCollectionMetrics")) {
            String value = body.path(member).asText("NONE");
            if (body.has(member) && !body.get(member).isNull() && !value.equals("NONE")) {
                throw unsupported(member + " " + value);
            }
        }
    }

    private static RejectedRequest unsupported(String what) {
        return DynamoDbErrors.validation(what + " is not supported by DynamoDbEmulator");
    }
}
