package com.scratch.sandbox.definitions;

import java.util.Objects;

/**
 * A DynamoDB table a service's stack creates ({@code AWS::DynamoDB::Table}); the local runner creates it in its
 * DynamoDB stand-in before any function starts, as CloudFormation would before the functions exist.
 *
 * <pre>{@code
 * TableDefinition table = billing.table("PurchaseAnnouncementsTable").orElseThrow();
 * table.tableName(); // "billing-api-local-announcements" for stage local
 * table.hashKey();   // "id"
 * }</pre>
 *
 * @param service the name of the service that creates it
 * @param logicalId its CloudFormation logical id
 * @param tableName its {@code TableName}, variables resolved; without one, {@code <service>-<stage>-<logicalId>}
 * @param hashKey the attribute of its {@code KeySchema} with {@code KeyType: HASH}
 */
public record TableDefinition(String service, String logicalId, String tableName, String hashKey) {

    public TableDefinition {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(logicalId, "logicalId == null");
        Objects.requireNonNull(tableName, "tableName == null");
        Objects.requireNonNull(hashKey, "hashKey == null");
    }
}
