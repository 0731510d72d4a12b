package com.scratch.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.scratch.emulators.serverless.RepositoryRoot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * One scripted sequence of the operations the idempotency code uses, run through the real {@code DynamoDbClient}
 * against dynalite (a DynamoDB implementation in Node, {@code node_modules/dynalite}, in memory) and against the
 * emulator: every step must end the same way on both, with the same item or the same exception and message.
 * Where dynalite is known to differ from DynamoDB the step says so and checks each side on its own.
 */
class DynamoDbEmulatorDynaliteCrossCheckTest {

    private static final String TABLE = "idempotency";

    private static Process dynalite;
    private static Path dynaliteLog;
    private static DynamoDbEmulator emulator;
    private static DynamoDbClient reference;
    private static DynamoDbClient emulated;

    @BeforeAll
    static void startBoth() throws Exception {
        Path root = RepositoryRoot.find();
        Path cli = root.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            fail("dynalite is not installed: " + cli + " is missing. Run `npm ci` in " + root + " first.");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dynaliteLog = Files.createTempFile("dynalite", ".log");
        // --createTableMs 0: tables turn ACTIVE at once, as the emulator's do.
        try {
            dynalite = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--createTableMs", "0")
                    .redirectErrorStream(true).redirectOutput(dynaliteLog.toFile()).start();
        } catch (IOException e) {
            fail("Could not run node (needed for dynalite; the same node that runs `npm ci`): " + e.getMessage());
        }
        awaitListening(port);
        emulator = DynamoDbEmulator.start();
        reference = client(URI.create("http://127.0.0.1:" + port));
        emulated = client(emulator.endpoint());
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (reference != null) {
            reference.close();
            emulated.close();
            emulator.close();
        }
        if (dynalite != null) {
            dynalite.destroy();
            if (!dynalite.waitFor(10, TimeUnit.SECONDS)) {
                dynalite.destroyForcibly();
            }
        }
        if (dynaliteLog != null) {
            Files.deleteIfExists(dynaliteLog);
        }
    }

    @Test
    void theIdempotencySequenceEndsTheSameWayOnDynaliteAndOnTheEmulator() throws Exception {
        long now = Instant.now().getEpochSecond();

        // create table, then wait for ACTIVE as a deploy would
        Map<String, Outcome> created = both("create table", client -> {
            TableDescription table = client.createTable(r -> r.tableName(TABLE)
                    .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();
            return Map.of("name", s(table.tableName()), "key", s(table.keySchema().toString()),
                    "attributes", s(table.attributeDefinitions().toString()),
                    "billing", s(table.billingModeSummary().billingModeAsString()), "arn", s(table.tableArn()));
        });
        assertThat(created.get("emulator").item().get("arn").s()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/idempotency");
        awaitActive(reference);
        awaitActive(emulated);
        both("describe table", client -> {
            TableDescription table = client.describeTable(r -> r.tableName(TABLE)).table();
            return Map.of("status", s(table.tableStatusAsString()), "items", n(table.itemCount()));
        });
        both("list tables", client -> Map.of("names", s(client.listTables().tableNames().toString())));
        both("create the same table again", client -> {
            client.createTable(r -> r.tableName(TABLE)
                    .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST));
            return Map.of();
        });

        // conditional put on an absent key succeeds; the same put again fails
        Map<String, AttributeValue> inProgress = Map.of("id", s("order-1"), "status", s("INPROGRESS"),
                "owner", s("token-a"), "expiresAt", n(now + 3600));
        both("conditional put on an absent key", client -> {
            client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("attribute_not_exists(id)"));
            return Map.of();
        });
        both("the same conditional put again", client -> {
            client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("attribute_not_exists(id)"));
            return Map.of();
        });
        // DynamoDB puts the item as it was into the exception when asked; dynalite 4.0.0 ignores
        // ReturnValuesOnConditionCheckFailure, so only the outcome is compared and the item checked on the emulator.
        Map<String, Outcome> withOld = both("the same put asking for ALL_OLD on failure", client -> {
            try {
                client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("attribute_not_exists(id)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            } catch (ConditionalCheckFailedException e) {
                throw new ConditionFailedWithItem(e);
            }
            return Map.of();
        });
        assertThat(withOld.get("emulator").failedItem()).isEqualTo(inProgress);
        assertThat(withOld.get("dynalite").failedItem()).isEmpty();

        // a put over an expired record succeeds; over a live one it fails
        Map<String, AttributeValue> expired = Map.of("id", s("order-2"), "status", s("INPROGRESS"), "expiresAt", n(now - 10));
        Map<String, AttributeValue> retry = Map.of("id", s("order-2"), "status", s("INPROGRESS"), "expiresAt", n(now + 3600));
        both("unconditional put of an expired record", client -> {
            client.putItem(r -> r.tableName(TABLE).item(expired));
            return Map.of();
        });
        both("get of the expired record (DynamoDB still returns it)", client ->
                client.getItem(r -> r.tableName(TABLE).key(key("order-2")).consistentRead(true)).item());
        both("put over the expired record", client -> {
            client.putItem(r -> r.tableName(TABLE).item(retry)
                    .conditionExpression("attribute_not_exists(id) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(now))));
            return Map.of();
        });
        both("put over the live record", client -> {
            client.putItem(r -> r.tableName(TABLE).item(retry)
                    .conditionExpression("attribute_not_exists(id) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(now))));
            return Map.of();
        });

        // update guarded by the owner token
        Map<String, String> names = Map.of("#status", "status", "#owner", "owner", "#result", "result");
        both("update by the owner", client -> client.updateItem(r -> r.tableName(TABLE).key(key("order-1"))
                .updateExpression("SET #status = :done, #result = :r REMOVE expiresAt")
                .conditionExpression("#owner = :me AND #status = :progress")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":done", s("COMPLETED"), ":r", s("{\"paid\":true}"),
                        ":me", s("token-a"), ":progress", s("INPROGRESS")))
                .returnValues(ReturnValue.ALL_NEW)).attributes());
        both("update by another owner", client -> client.updateItem(r -> r.tableName(TABLE).key(key("order-1"))
                .updateExpression("SET #status = :done")
                .conditionExpression("#owner = :me")
                .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                .expressionAttributeValues(Map.of(":done", s("FAILED"), ":me", s("token-b")))).attributes());
        both("update of an absent item creates it", client -> client.updateItem(r -> r.tableName(TABLE).key(key("order-3"))
                .updateExpression("SET #status = :s").expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":s", s("INPROGRESS"))).returnValues(ReturnValue.ALL_NEW)).attributes());

        // comparisons: numbers by value, strings by bytes, NOT before AND before OR
        both("numbers compare by value (10 > 9)", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("n"), "v", n(10), "w", s("Zebra")))
                    .conditionExpression("attribute_not_exists(id) OR v > :nine").expressionAttributeValues(Map.of(":nine", n(9))));
            return Map.of();
        });
        both("strings compare by bytes (Zebra < apple)", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("n"), "v", n(10), "w", s("Zebra")))
                    .conditionExpression("w < :apple").expressionAttributeValues(Map.of(":apple", s("apple"))));
            return Map.of();
        });
        both("NOT binds tighter than AND, AND tighter than OR", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("n"), "v", n(11)))
                    .conditionExpression("NOT v = :ten AND v = :ten OR v >= :ten")
                    .expressionAttributeValues(Map.of(":ten", n(10))));
            return Map.of();
        });
        both("a comparison with a missing attribute is false, <> true", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("n"), "v", n(12)))
                    .conditionExpression("(absent < :ten OR absent = :ten) OR NOT absent <> :ten")
                    .expressionAttributeValues(Map.of(":ten", n(10))));
            return Map.of();
        });

        both("numbers are stored in normal form", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("n"), "v", AttributeValue.fromN("01.50"),
                    "big", AttributeValue.fromN("1E+3"), "negative", AttributeValue.fromN("-0.0100"))));
            return client.getItem(r -> r.tableName(TABLE).key(key("n")).consistentRead(true)).item();
        });
        both("update returning UPDATED_NEW", client -> client.updateItem(r -> r.tableName(TABLE).key(key("n"))
                .updateExpression("REMOVE big SET w = :w").expressionAttributeValues(Map.of(":w", s("b")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes());
        both("update returning UPDATED_OLD", client -> client.updateItem(r -> r.tableName(TABLE).key(key("n"))
                .updateExpression("SET w = :w, v = :v").expressionAttributeValues(Map.of(":w", s("c"), ":v", n(2)))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes());
        both("redundant parentheses", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("n"))).conditionExpression("((attribute_exists(id)))"));
            return Map.of();
        });
        sameException("a syntax error", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("n"))).conditionExpression("attribute_exists(id"));
            return Map.of();
        });
        both("an empty string key", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s(""))));
            return Map.of();
        });
        both("a key of another table's type", client ->
                client.getItem(r -> r.tableName(TABLE).key(Map.of("id", n(1)))).item());

        both("every value type is stored and read back", client -> {
            Map<String, AttributeValue> all = Map.of("id", s("types"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
                    "bool", AttributeValue.fromBool(true), "nul", AttributeValue.fromNul(true),
                    "ss", AttributeValue.fromSs(List.of("a", "b")), "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                    "l", AttributeValue.fromL(List.of(s("x"), n(1))), "m", AttributeValue.fromM(Map.of("k", s("v"))),
                    "empty", s(""));
            client.putItem(r -> r.tableName(TABLE).item(all));
            return client.getItem(r -> r.tableName(TABLE).key(key("types")).consistentRead(true)).item();
        });
        both("sets are equal whatever their order", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("types")))
                    .conditionExpression("ss = :ss AND ns = :ns AND bool = :t")
                    .expressionAttributeValues(Map.of(":ss", AttributeValue.fromSs(List.of("b", "a")),
                            ":ns", AttributeValue.fromNs(List.of("2.50", "1")), ":t", AttributeValue.fromBool(true))));
            return Map.of();
        });
        // DynamoDB compares lists and maps by content; dynalite 4.0.0 by object identity, so for it `l = :l` is
        // always false. Checked on the emulator only.
        Map<String, Outcome> deepEquality = both("lists and maps are equal by content (emulator only)", client -> {
            try {
                client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("types2"), "l", AttributeValue.fromL(List.of(s("x"))),
                        "m", AttributeValue.fromM(Map.of("k", n(1))))));
                client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("types2")))
                        .conditionExpression("l = :l AND m = :m")
                        .expressionAttributeValues(Map.of(":l", AttributeValue.fromL(List.of(s("x"))),
                                ":m", AttributeValue.fromM(Map.of("k", AttributeValue.fromN("1.0"))))));
                return Map.of("equal", AttributeValue.fromBool(true));
            } catch (ConditionalCheckFailedException e) {
                return Map.of("equal", AttributeValue.fromBool(false));
            }
        }, false);
        assertThat(deepEquality.get("emulator").item()).containsEntry("equal", AttributeValue.fromBool(true));
        assertThat(deepEquality.get("dynalite").item()).containsEntry("equal", AttributeValue.fromBool(false));
        both("a comparison between two attributes", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("pair"), "low", n(1), "high", n(2))));
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("pair"), "low", n(3), "high", n(2)))
                    .conditionExpression("low < high"));
            return client.getItem(r -> r.tableName(TABLE).key(key("pair")).consistentRead(true)).item();
        });
        both("an unconditional delete of an absent item", client -> client.deleteItem(r -> r.tableName(TABLE)
                .key(key("never-there")).returnValues(ReturnValue.ALL_OLD)).attributes());

        // conditional delete
        both("delete by another owner", client -> {
            client.deleteItem(r -> r.tableName(TABLE).key(key("order-1")).conditionExpression("#owner = :me")
                    .expressionAttributeNames(Map.of("#owner", "owner")).expressionAttributeValues(Map.of(":me", s("token-b"))));
            return Map.of();
        });
        both("get with consistent read", client ->
                client.getItem(r -> r.tableName(TABLE).key(key("order-1")).consistentRead(true)).item());
        both("delete by the owner", client -> client.deleteItem(r -> r.tableName(TABLE).key(key("order-1"))
                .conditionExpression("#owner = :me").expressionAttributeNames(Map.of("#owner", "owner"))
                .expressionAttributeValues(Map.of(":me", s("token-a"))).returnValues(ReturnValue.ALL_OLD)).attributes());
        both("get after the delete", client ->
                client.getItem(r -> r.tableName(TABLE).key(key("order-1")).consistentRead(true)).item());

        // what DynamoDB refuses
        both("unused expression value", client -> {
            client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("attribute_not_exists(id)")
                    .expressionAttributeValues(Map.of(":x", s("unused"))));
            return Map.of();
        });
        both("unused expression name", client -> {
            client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("attribute_not_exists(id)")
                    .expressionAttributeNames(Map.of("#x", "x")));
            return Map.of();
        });
        both("undefined expression value", client -> {
            client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("expiresAt < :now"));
            return Map.of();
        });
        both("undefined expression name", client -> {
            client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("attribute_not_exists(#id)"));
            return Map.of();
        });
        both("a reserved word as a plain name", client -> {
            client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("status = :s")
                    .expressionAttributeValues(Map.of(":s", s("x"))));
            return Map.of();
        });
        both("unknown function", client -> {
            client.putItem(r -> r.tableName(TABLE).item(inProgress).conditionExpression("attribute_missing(id)"));
            return Map.of();
        });
        both("item without its key", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("status", s("x"))));
            return Map.of();
        });
        both("item with a key of the wrong type", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", n(1))));
            return Map.of();
        });
        both("get with a key that is not the table's", client ->
                client.getItem(r -> r.tableName(TABLE).key(Map.of("pk", s("order-1")))).item());
        both("update of the key attribute", client -> client.updateItem(r -> r.tableName(TABLE).key(key("order-3"))
                .updateExpression("SET id = :other").expressionAttributeValues(Map.of(":other", s("x")))).attributes());
        both("item over 400 KB", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("big"), "data", s("x".repeat(400 * 1024)))));
            return Map.of();
        });
        both("item of just under 400 KB", client -> {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("big"), "data", s("x".repeat(400 * 1024 - 10)))));
            return Map.of();
        });
        both("put to an unknown table", client -> {
            client.putItem(r -> r.tableName("no-such-table").item(inProgress));
            return Map.of();
        });
        both("get from an unknown table", client ->
                client.getItem(r -> r.tableName("no-such-table").key(key("order-1"))).item());
        both("describe an unknown table", client -> {
            client.describeTable(r -> r.tableName("no-such-table"));
            return Map.of();
        });
        both("describe time to live", client -> Map.of("status",
                s(client.describeTimeToLive(r -> r.tableName(TABLE)).timeToLiveDescription().timeToLiveStatusAsString())));
    }

    /** What one step ended with on one server: an answer, or an exception with its message. */
    private record Outcome(Map<String, AttributeValue> item, String exception, String message,
            Map<String, AttributeValue> failedItem) {

        static Outcome of(Function<DynamoDbClient, Map<String, AttributeValue>> step, DynamoDbClient client) {
            try {
                return new Outcome(Objects.requireNonNullElse(step.apply(client), Map.of()), null, null, Map.of());
            } catch (ConditionFailedWithItem e) {
                return new Outcome(null, e.failure.getClass().getSimpleName(), e.failure.awsErrorDetails().errorMessage(),
                        e.failure.hasItem() ? e.failure.item() : Map.of());
            } catch (AwsServiceException e) {
                return new Outcome(null, e.getClass().getSimpleName(), e.awsErrorDetails().errorMessage(), Map.of());
            }
        }
    }

    /** Carries a ConditionalCheckFailedException out of a step that wants its item compared separately. */
    private static final class ConditionFailedWithItem extends RuntimeException {
        final ConditionalCheckFailedException failure;

        ConditionFailedWithItem(ConditionalCheckFailedException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    /** Runs a step on both servers and checks they agree; the outcomes by server, for more checks. */
    private static Map<String, Outcome> both(String name, Function<DynamoDbClient, Map<String, AttributeValue>> step) {
        return both(name, step, true);
    }

    /** The same, comparing the outcomes only when {@code compare}: for a step where dynalite is known to differ. */
    private static Map<String, Outcome> both(String name, Function<DynamoDbClient, Map<String, AttributeValue>> step,
            boolean compare) {
        Outcome onDynalite = Outcome.of(step, reference);
        Outcome onEmulator = Outcome.of(step, emulated);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("dynalite", onDynalite);
        outcomes.put("emulator", onEmulator);
        if (!compare) {
            return outcomes;
        }
        assertThat(onEmulator.exception()).as("%s: exception (dynalite: %s)", name, onDynalite)
                .isEqualTo(onDynalite.exception());
        assertThat(onEmulator.item()).as("%s: answer", name).isEqualTo(onDynalite.item());
        if (onDynalite.message() != null && !onDynalite.message().isEmpty()) {
            assertThat(onEmulator.message()).as("%s: message", name).isEqualTo(onDynalite.message());
        }
        return outcomes;
    }

    /** For steps whose message dynalite words its own way (its parser's syntax errors): the exception class only. */
    private static void sameException(String name, Function<DynamoDbClient, Map<String, AttributeValue>> step) {
        Outcome onDynalite = Outcome.of(step, reference);
        Outcome onEmulator = Outcome.of(step, emulated);
        assertThat(onDynalite.exception()).as("%s on dynalite", name).isNotNull();
        assertThat(onEmulator.exception()).as("%s: exception (dynalite: %s, emulator: %s)", name, onDynalite, onEmulator)
                .isEqualTo(onDynalite.exception());
        assertThat(onEmulator.message()).as("%s: message", name).startsWith("Invalid ConditionExpression: Syntax error;");
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static void awaitActive(DynamoDbClient client) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (client.describeTable(r -> r.tableName(TABLE)).table().tableStatus() != TableStatus.ACTIVE) {
            if (Instant.now().isAfter(deadline)) {
                fail("Table " + TABLE + " did not turn ACTIVE within 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitListening(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!dynalite.isAlive() || Instant.now().isAfter(deadline)) {
                    fail("dynalite did not start on port " + port + ": " + Files.readString(dynaliteLog));
                }
                Thread.sleep(50);
            }
        }
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

}
