/**
 * A local DynamoDB ({@link com.scratch.emulators.dynamodb.DynamoDbEmulator}) for conditional writes: PutItem,
 * GetItem, UpdateItem and DeleteItem with condition expressions, and the table operations around them. Checked
 * against dynalite by {@code DynamoDbEmulatorDynaliteCrossCheckTest}.
 */
package com.scratch.emulators.dynamodb;
