package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.iam.LocalAccount;
import com.scratch.emulators.internal.RandomIds;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * One table: its definition and its items. Items are stored by their key and never changed in place: a write
 * computes a new item while it holds the key ({@link ConcurrentHashMap#compute}), so a conditional write checks
 * its condition and writes with no other write to that key in between, as DynamoDB guarantees per item.
 */
final class DynamoDbTable {

    /** The table's {@code TimeToLiveSpecification}: recorded and described, never acted on. */
    record TimeToLive(String attributeName, boolean enabled) {
    }

    private final String name;
    private final String hashKey;
    private final String hashKeyType;
    private final BillingMode billingMode;
    private final Instant created;
    private final String tableId = RandomIds.uuid();
    private final Map<String, ObjectNode> items = new ConcurrentHashMap<>();
    private TimeToLive timeToLive;

    /**
     * @param billingMode how the table is billed, with the throughput it was created with (0 and 0 on demand)
     */
    record BillingMode(String mode, long readCapacityUnits, long writeCapacityUnits) {
    }

    DynamoDbTable(String name, String hashKey, String hashKeyType, BillingMode billingMode, Instant created) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.hashKey = Objects.requireNonNull(hashKey, "hashKey == null");
        this.hashKeyType = Objects.requireNonNull(hashKeyType, "hashKeyType == null");
        this.billingMode = Objects.requireNonNull(billingMode, "billingMode == null");
        this.created = Objects.requireNonNull(created, "created == null");
    }

    String name() {
        return name;
    }

    String hashKey() {
        return hashKey;
    }

    String hashKeyType() {
        return hashKeyType;
    }

    String arn() {
        return arnOf(name);
    }

    static String arnOf(String table) {
        return "arn:" + LocalAccount.PARTITION + ":dynamodb:" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID
                + ":table/" + table;
    }

    /** The storage key of a validated key value: numbers are in normal form already, so 1.0 and 1 are one key. */
    static String storageKey(JsonNode keyValue) {
        String type = AttributeValues.type(keyValue);
        return type + ":" + keyValue.get(type).asText();
    }

    Optional<ObjectNode> get(String storageKey) {
        return Optional.ofNullable(items.get(storageKey));
    }

    /**
     * Replaces the item under {@code storageKey} with what {@code change} makes of the current one (null when there
     * is none; returning null deletes it), atomically for that key. {@code change} may throw to leave it as it was.
     */
    void change(String storageKey, BiFunction<String, ObjectNode, ObjectNode> change) {
        items.compute(storageKey, change);
    }

    int itemCount() {
        return items.size();
    }

    void clear() {
        items.clear();
    }

    synchronized Optional<TimeToLive> timeToLive() {
        return Optional.ofNullable(timeToLive);
    }

    synchronized void timeToLive(TimeToLive specification) {
        this.timeToLive = specification;
    }

    /** The {@code TableDescription} DescribeTable and CreateTable answer with. */
    ObjectNode description(String status) {
        ObjectNode table = JsonNodeFactory.instance.objectNode();
        ObjectNode definition = table.putArray("AttributeDefinitions").addObject();
        definition.put("AttributeName", hashKey);
        definition.put("AttributeType", hashKeyType);
        table.put("TableName", name);
        ObjectNode key = table.putArray("KeySchema").addObject();
        key.put("AttributeName", hashKey);
        key.put("KeyType", "HASH");
        table.put("TableStatus", status);
        // Epoch seconds, fractional, as the SDK reads every awsJson timestamp.
        table.put("CreationDateTime", created.toEpochMilli() / 1000.0);
        ObjectNode throughput = table.putObject("ProvisionedThroughput");
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", billingMode.readCapacityUnits());
        throughput.put("WriteCapacityUnits", billingMode.writeCapacityUnits());
        long size = items.values().stream().mapToLong(AttributeValues::itemSize).sum();
        table.put("TableSizeBytes", size);
        table.put("ItemCount", items.size());
        table.put("TableArn", arn());
        table.put("TableId", tableId);
        if ("PAY_PER_REQUEST".equals(billingMode.mode())) {
            table.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST");
        }
        table.put("DeletionProtectionEnabled", false);
        return table;
    }
}
