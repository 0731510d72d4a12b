package com.scratch.emulators.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.internal.EmulatorServer;
import com.scratch.emulators.internal.EmulatorServer.Connections;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RandomIds;
import com.scratch.emulators.internal.ReceivedRequest;
import com.scratch.emulators.internal.RejectedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A local DynamoDB that the real AWS SDK v2 {@code DynamoDbClient} talks to over HTTP (awsJson1_0), enough for
 * exactly-once effects with conditional writes: PutItem, GetItem, UpdateItem and DeleteItem with condition
 * expressions, CreateTable (one S or N hash key), DescribeTable, UpdateTimeToLive, DescribeTimeToLive and
 * ListTables. Thread-safe; a conditional write is atomic per item, as in DynamoDB.
 *
 * <p>What it does not evaluate it refuses with a 400 {@code ValidationException} naming the part, never ignores:
 * functions other than {@code attribute_exists}/{@code attribute_not_exists}, {@code BETWEEN}, {@code IN}, nested
 * paths, {@code ADD}/{@code DELETE} updates, sort keys, indexes. Items whose TTL attribute has passed are still
 * returned, as real DynamoDB returns them until its background deletion (which may take days): a reader must
 * compare the TTL attribute with the time itself.
 *
 * <pre>{@code
 * try (DynamoDbEmulator dynamo = DynamoDbEmulator.start()) {
 *     dynamo.createTable("idempotency", "id");
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)...build();
 *     client.putItem(r -> r.tableName("idempotency").item(Map.of("id", AttributeValue.fromS("order-1")))
 *             .conditionExpression("attribute_not_exists(id)"));
 *     assertThat(dynamo.item("idempotency", "order-1")).isPresent();
 *     assertThat(dynamo.callCount("PutItem")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class DynamoDbEmulator implements AutoCloseable {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbOperations operations = new DynamoDbOperations(Clock.systemUTC());
    private final EmulatorServer<DynamoDbFault, DynamoDbCall> server;
    private volatile AccessControl access;

    private DynamoDbEmulator(int port) {
        this.server = EmulatorServer.start("dynamodb", port, Connections.CLOSE, DynamoDbCall::operation, this::handle);
    }

    /** Starts on a free port with no tables. */
    public static DynamoDbEmulator start() {
        return start(0);
    }

    /** Starts on {@code port} (0 for any free one) with no tables. */
    public static DynamoDbEmulator start(int port) {
        return new DynamoDbEmulator(port);
    }

    /** For example {@code http://127.0.0.1:49152}; pass it to {@code endpointOverride}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * Creates a table with one {@code S} hash key, billed on demand, as a CreateTable request would, without one
     * (nothing is recorded). Creating one that exists is an {@link IllegalStateException}.
     */
    public void createTable(String name, String hashKeyName) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(hashKeyName, "hashKeyName == null");
        if (!operations.createTable(name, hashKeyName)) {
            throw new IllegalStateException("Table " + name + " exists already");
        }
    }

    /**
     * The item stored under {@code hashKeyValue} (the key as text, also for an N key: {@code "42"}), as GetItem would
     * return it; empty when there is none. Expired items are returned too: nothing is ever deleted by TTL here.
     *
     * @throws IllegalArgumentException when there is no such table, or its key is a number and this is none
     */
    public Optional<DynamoDbItem> item(String table, String hashKeyValue) {
        Objects.requireNonNull(hashKeyValue, "hashKeyValue == null");
        DynamoDbTable found = existing(table);
        String value = hashKeyValue;
        if ("N".equals(found.hashKeyType())) {
            try {
                value = AttributeValues.number(hashKeyValue);
            } catch (RejectedRequest notANumber) {
                throw new IllegalArgumentException("Table " + table + " has a number key; " + hashKeyValue + " is none");
            }
        }
        return found.get(found.hashKeyType() + ":" + value).map(DynamoDbItem::new);
    }

    /** How many items the table holds now (DescribeTable's ItemCount, which real DynamoDB updates every 6 hours). */
    public int itemCount(String table) {
        return existing(table).itemCount();
    }

    /** How many requests named this operation (for example {@code "PutItem"}), failed ones included. */
    public int callCount(String operation) {
        return server.count(operation);
    }

    /** Every request received since start or {@link #reset()}, in arrival order. */
    public List<DynamoDbCall> calls() {
        return server.received();
    }

    /** The next {@code times} requests, whatever their operation, fail with {@code fault}. */
    public void failNext(int times, DynamoDbFault fault) {
        server.failNext(times, fault);
    }

    /**
     * From now on each request without a queued fault fails with {@code fault} with probability {@code share},
     * drawn from a generator seeded with {@code seed} (repeatable); {@link #reset()} turns it off.
     */
    public void failRandomly(double share, DynamoDbFault fault, long seed) {
        server.failRandomly(share, fault, seed);
    }

    /** How many requests {@link #failRandomly} has failed so far. */
    public int randomFaultsServed() {
        return server.randomFaultsServed();
    }

    /**
     * From now on every request must be SigV4-signed by a principal {@code access} knows and allowed by its policy
     * to perform {@code dynamodb:<Operation>} on the table's ARN
     * ({@code arn:aws:dynamodb:us-east-1:000000000000:table/<name>}; {@code *} for ListTables), or it is refused as
     * DynamoDB refuses it: {@code MissingAuthenticationTokenException}, {@code UnrecognizedClientException},
     * {@code InvalidSignatureException} or {@code AccessDeniedException} (all HTTP 400). {@code null} lets every
     * request through again.
     */
    public void enforce(AccessControl access) {
        this.access = access;
    }

    /** Every later request waits this long before it is answered; use it to test client timeouts. */
    public void delayResponses(Duration delay) {
        server.delayResponses(delay);
    }

    /** Forgets tables and items, recorded calls, queued faults and the response delay. */
    public void reset() {
        operations.clear();
        server.reset();
    }

    @Override
    public void close() {
        server.close();
    }

    private DynamoDbTable existing(String table) {
        Objects.requireNonNull(table, "table == null");
        return operations.table(table).orElseThrow(() -> new IllegalArgumentException("No table " + table));
    }

    private HttpReply handle(ReceivedRequest request) {
        HttpReply reply;
        try {
            reply = answer(request);
        } catch (RejectedRequest rejected) {
            reply = rejected.reply();
        }
        // The DynamoDB client checks this CRC32 of the body on every answer and retries when it does not match.
        CRC32 crc = new CRC32();
        crc.update(reply.body());
        return reply.withHeader("x-amz-crc32", Long.toString(crc.getValue()))
                .withHeader("x-amzn-RequestId", RandomIds.alphanumeric("", 52).toUpperCase(Locale.ROOT));
    }

    private HttpReply answer(ReceivedRequest request) {
        String target = Objects.requireNonNullElse(request.header("X-Amz-Target"), "");
        boolean dynamoTarget = target.startsWith(TARGET_PREFIX);
        String operation = dynamoTarget ? target.substring(TARGET_PREFIX.length()) : target;
        JsonNode body = parse(request.body());
        server.record(new DynamoDbCall(operation, body));
        if (!dynamoTarget) {
            throw DynamoDbErrors.unknownOperation();
        }
        AccessControl enforced = access;
        if (enforced != null) {
            String action = "dynamodb:" + operation;
            enforced.check(request, action, action, List.of(resource(operation, body))).ifPresent(refusal -> {
                throw DynamoDbErrors.refused(refusal);
            });
        }
        server.nextFault().ifPresent(fault -> {
            throw fault.toError();
        });
        if (!body.isObject()) {
            // DynamoDB sends this one without a message.
            throw DynamoDbErrors.serialization(null);
        }
        return operations.handle(operation, body);
    }

    /** The ARN IAM checks: the table's, or {@code *} for ListTables (which names none). */
    private static String resource(String operation, JsonNode body) {
        JsonNode table = body.path("TableName");
        return "ListTables".equals(operation) || !table.isTextual() ? "*" : DynamoDbTable.arnOf(table.asText());
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // Recorded as a null body; answered as a SerializationException once faults had their turn.
            return JsonNodeFactory.instance.nullNode();
        }
    }
}
