package com.scratch.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.iam.IamPolicy;
import com.scratch.emulators.iam.LocalAccount;
import com.scratch.emulators.iam.LocalPrincipal;
import com.scratch.emulators.iam.PolicyStatement;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The emulator's own controls and the limits dynalite cannot check it against, driven by the real DynamoDbClient. */
class DynamoDbEmulatorTest {

    private static final String TABLE = "idempotency";

    private static DynamoDbEmulator dynamo;
    private static DynamoDbClient client;

    @BeforeAll
    static void startEmulator() {
        dynamo = DynamoDbEmulator.start();
        client = clientBuilder().overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @BeforeEach
    void createTable() {
        dynamo.createTable(TABLE, "id");
    }

    @AfterEach
    void resetEmulator() {
        dynamo.reset();
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        dynamo.close();
    }

    @Test
    void aConditionalPutIsRecordedAndReadableThroughTheItemView() {
        // when
        client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("order-1"), "status", s("INPROGRESS"),
                "expiresAt", AttributeValue.fromN("1767225600.0"))).conditionExpression("attribute_not_exists(id)"));

        // then
        DynamoDbItem item = dynamo.item(TABLE, "order-1").orElseThrow();
        assertThat(item.string("status")).contains("INPROGRESS");
        // numbers are stored in DynamoDB's normal form
        assertThat(item.number("expiresAt")).contains(new BigDecimal("1767225600"));
        assertThat(item.attributes().path("expiresAt").path("N").asText()).isEqualTo("1767225600");
        assertThat(item.string("expiresAt")).isEmpty();
        assertThat(dynamo.item(TABLE, "order-2")).isEmpty();
        assertThat(dynamo.itemCount(TABLE)).isEqualTo(1);
        assertThat(dynamo.callCount("PutItem")).isEqualTo(1);
        assertThat(dynamo.calls()).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo("PutItem");
            assertThat(call.body().path("ConditionExpression").asText()).isEqualTo("attribute_not_exists(id)");
        });
    }

    @Test
    void concurrentConditionalPutsOnOneKeyHaveExactlyOneWinner() throws Exception {
        // given
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String owner = "token-" + i;
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("order-1"), "owner", s(owner)))
                                .conditionExpression("attribute_not_exists(id)"));
                        return true;
                    } catch (ConditionalCheckFailedException lost) {
                        return false;
                    }
                };
                attempts.add(pool.submit(attempt));
            }

            // when
            start.countDown();
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> attempt : attempts) {
                won.add(attempt.get());
            }

            // then
            assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
            String winner = "token-" + won.indexOf(true);
            assertThat(dynamo.item(TABLE, "order-1").orElseThrow().string("owner")).contains(winner);
            assertThat(dynamo.callCount("PutItem")).isEqualTo(threads);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedConditionCanReturnTheItemAsItWas() {
        // given
        client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("order-1"), "owner", s("token-a"))));

        // when / then
        assertThatThrownBy(() -> client.updateItem(r -> r.tableName(TABLE).key(Map.of("id", s("order-1")))
                .updateExpression("SET #owner = :me").conditionExpression("#owner = :me")
                .expressionAttributeNames(Map.of("#owner", "owner")).expressionAttributeValues(Map.of(":me", s("token-b")))
                .returnValuesOnConditionCheckFailure("ALL_OLD")))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.item()).isEqualTo(Map.of("id", s("order-1"), "owner", s("token-a")));
                });
        assertThat(client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("order-1"), "owner", s("token-c")))
                .returnValues(ReturnValue.ALL_OLD)).attributes()).containsEntry("owner", s("token-a"));
    }

    @Test
    void whatTheEmulatorDoesNotEvaluateIsRefusedByName() {
        assertThat(refusal("begins_with(id, :v)", Map.of(":v", s("o")))).contains("the function begins_with is not supported");
        assertThat(refusal("size(id) > :v", Map.of(":v", n(1)))).contains("the function size is not supported");
        assertThat(refusal("contains(id, :v)", Map.of(":v", s("o")))).contains("the function contains is not supported");
        assertThat(refusal("expiresAt BETWEEN :a AND :b", Map.of(":a", n(1), ":b", n(2))))
                .contains("the BETWEEN operator is not supported");
        assertThat(refusal("expiresAt IN (:a, :b)", Map.of(":a", n(1), ":b", n(2)))).contains("the IN operator is not supported");
        assertThat(refusal("payload.amount = :a", Map.of(":a", n(1)))).contains("the nested document path payload.");
        assertThat(refusal("tags[0] = :a", Map.of(":a", n(1)))).contains("the nested document path tags[");

        assertThatThrownBy(() -> client.updateItem(r -> r.tableName(TABLE).key(Map.of("id", s("order-1")))
                .updateExpression("ADD attempts :one").expressionAttributeValues(Map.of(":one", n(1)))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Invalid UpdateExpression: the ADD action is not supported");
                });
        assertThatThrownBy(() -> client.updateItem(r -> r.tableName(TABLE).key(Map.of("id", s("order-1")))
                .updateExpression("SET attempts = attempts + :one").expressionAttributeValues(Map.of(":one", n(1)))))
                .hasMessageContaining("SET to another attribute's value (attempts) is not supported");
        assertThatThrownBy(() -> client.updateItem(r -> r.tableName(TABLE).key(Map.of("id", s("order-1")))
                .updateExpression("SET attempts = if_not_exists(attempts, :one)").expressionAttributeValues(Map.of(":one", n(1)))))
                .hasMessageContaining("the function if_not_exists is not supported");
        assertThat(dynamo.itemCount(TABLE)).isZero();
    }

    @Test
    void itemsUpTo400KbAreStoredAndLargerOnesRefused() {
        // given: 400 KB counts the attribute names' bytes too
        String atLimit = "x".repeat(400 * 1024 - "id".length() - "big".length() - "data".length());

        // when
        client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("big"), "data", s(atLimit))));

        // then
        assertThat(dynamo.item(TABLE, "big")).isPresent();
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("big"), "data", s(atLimit + "x")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Item size has exceeded the maximum allowed size");
                });
        // UTF-8 bytes count, not characters: 'é' is two
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("big"),
                "data", s("é".repeat(atLimit.length() / 2 + 1))))))
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
        assertThatThrownBy(() -> client.updateItem(r -> r.tableName(TABLE).key(Map.of("id", s("big")))
                .updateExpression("SET more = :x").expressionAttributeValues(Map.of(":x", s("x")))))
                .hasMessageContaining("Item size to update has exceeded the maximum allowed size");
    }

    @Test
    void timeToLiveIsRecordedButExpiredItemsAreStillReturned() {
        // given
        client.updateTimeToLive(r -> r.tableName(TABLE).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("old"), "expiresAt", n(past))));

        // when
        var description = client.describeTimeToLive(r -> r.tableName(TABLE)).timeToLiveDescription();
        Map<String, AttributeValue> expired = client.getItem(r -> r.tableName(TABLE).key(Map.of("id", s("old")))
                .consistentRead(true)).item();

        // then
        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(description.attributeName()).isEqualTo("expiresAt");
        assertThat(expired).containsEntry("expiresAt", n(past));
        assertThatThrownBy(() -> client.updateTimeToLive(r -> r.tableName(TABLE)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("ttl"))))
                .hasMessageContaining("TimeToLive is active on a different AttributeName: current AttributeName is expiresAt");
    }

    @Test
    void aTableWithANumberKeyStoresNumbersByValue() {
        // given
        client.createTable(r -> r.tableName("counters")
                .attributeDefinitions(d -> d.attributeName("n").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("n").keyType(KeyType.HASH))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)));

        // when
        client.putItem(r -> r.tableName("counters").item(Map.of("n", AttributeValue.fromN("42.0"), "v", s("a"))));

        // then
        assertThat(client.getItem(r -> r.tableName("counters").key(Map.of("n", n(42)))).item()).containsEntry("v", s("a"));
        assertThat(dynamo.item("counters", "42")).isPresent();
        assertThat(client.describeTable(r -> r.tableName("counters")).table().provisionedThroughput().readCapacityUnits())
                .isEqualTo(1L);
        assertThat(client.listTables(r -> r.limit(1)).tableNames()).containsExactly("counters");
        assertThat(client.listTables(r -> r.exclusiveStartTableName("counters")).tableNames()).containsExactly(TABLE);
    }

    @Test
    void aSortKeyIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> client.createTable(r -> r.tableName("sorted")
                .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .billingMode("PAY_PER_REQUEST")))
                .hasMessageContaining("a RANGE (sort) key is not supported by DynamoDbEmulator");
    }

    @Test
    void throttlingFaultRaisesProvisionedThroughputExceededAndIsRetriedByTheDefaultClient() {
        // given
        dynamo.failNext(1, DynamoDbFault.THROTTLING);

        // when / then
        assertThatThrownBy(() -> client.getItem(r -> r.tableName(TABLE).key(Map.of("id", s("x")))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class,
                        e -> assertThat(e.isThrottlingException()).isTrue());
        dynamo.failNext(1, DynamoDbFault.THROTTLING);
        try (DynamoDbClient retrying = clientBuilder().build()) {
            assertThat(retrying.getItem(r -> r.tableName(TABLE).key(Map.of("id", s("x")))).hasItem()).isFalse();
        }
        assertThat(dynamo.callCount("GetItem")).isEqualTo(3);
    }

    @Test
    void internalErrorAndAccessDeniedFaults() {
        // given
        dynamo.failNext(1, DynamoDbFault.INTERNAL_ERROR);
        dynamo.failNext(1, DynamoDbFault.ACCESS_DENIED);

        // when / then
        assertThatThrownBy(() -> client.getItem(r -> r.tableName(TABLE).key(Map.of("id", s("x")))))
                .isInstanceOfSatisfying(InternalServerErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("x")))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                });
        assertThat(dynamo.item(TABLE, "x")).isEmpty();
    }

    @Test
    void underAccessControlATableOutsideThePolicyIsRefusedAsDynamoDbRefusesIt() throws Exception {
        // given
        dynamo.createTable("other", "id");
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + TABLE;
        AccessControl access = new AccessControl();
        LocalPrincipal billing = LocalPrincipal.forFunction("billing", LocalAccount.ACCOUNT_ID, "billing-api-dev-us-east-1-lambdaRole",
                "billing-api-dev-billing", new IamPolicy(List.of(PolicyStatement.allow(
                        List.of("dynamodb:PutItem", "dynamodb:GetItem"), List.of(arn)))));
        access.register(billing);
        dynamo.enforce(access);

        try (DynamoDbClient signed = as(billing.accessKeyId(), billing.secretAccessKey());
                DynamoDbClient stranger = as("ASIASTRANGER0000000", "whatever");
                DynamoDbClient forger = as(billing.accessKeyId(), "not-the-secret")) {
            // when
            signed.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("x"))));

            // then
            assertThatThrownBy(() -> signed.putItem(r -> r.tableName("other").item(Map.of("id", s("x")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        // DynamoDB sends this one as {"__type": "com.amazon.coral.service#AccessDeniedException", "Message": ...}
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + billing.arn()
                                + " is not authorized to perform: dynamodb:PutItem on resource:"
                                + " arn:aws:dynamodb:us-east-1:000000000000:table/other because no identity-based policy"
                                + " allows the dynamodb:PutItem action");
                    });
            assertThatThrownBy(() -> signed.deleteItem(r -> r.tableName(TABLE).key(Map.of("id", s("x")))))
                    .hasMessageContaining("not authorized to perform: dynamodb:DeleteItem");
            assertThatThrownBy(() -> stranger.getItem(r -> r.tableName(TABLE).key(Map.of("id", s("x")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
            assertThatThrownBy(() -> forger.getItem(r -> r.tableName(TABLE).key(Map.of("id", s("x")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }
        HttpResponse<String> unsigned = post("DynamoDB_20120810.GetItem", "{\"TableName\":\"idempotency\",\"Key\":{\"id\":{\"S\":\"x\"}}}");
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
                + "\"message\":\"Request is missing Authentication Token\"}");
        assertThat(dynamo.item("other", "x")).isEmpty();
        dynamo.enforce(null);
    }

    @Test
    void everyAnswerCarriesTheCrc32OfItsBodyAndARequestId() throws Exception {
        // when
        HttpResponse<String> unknownTarget = post("AmazonSSM.GetParameter", "{}");
        HttpResponse<String> unsupported = post("DynamoDB_20120810.Query", "{\"TableName\":\"idempotency\"}");
        HttpResponse<String> notJson = post("DynamoDB_20120810.GetItem", "{not json");

        // then
        for (HttpResponse<String> response : List.of(unknownTarget, unsupported, notJson)) {
            CRC32 crc = new CRC32();
            crc.update(response.body().getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amz-crc32")).contains(Long.toString(crc.getValue()));
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
            assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        }
        assertThat(unknownTarget.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        assertThat(unsupported.body()).contains("UnknownOperationException").contains("DynamoDbEmulator does not support Query");
        assertThat(notJson.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    @Test
    void valuesAreCheckedAsDynamoDbChecksThem() throws Exception {
        assertThat(post("DynamoDB_20120810.PutItem", "{\"TableName\":\"idempotency\",\"Item\":{\"id\":{\"S\":\"a\"},"
                + "\"x\":{\"X\":\"1\"}}}").body()).contains("Supplied AttributeValue is empty, must contain exactly one of"
                + " the supported datatypes");
        assertThat(post("DynamoDB_20120810.PutItem", "{\"TableName\":\"idempotency\",\"Item\":{\"id\":{\"S\":\"a\","
                + "\"N\":\"1\"}}}").body()).contains("Supplied AttributeValue has more than one datatypes set");
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("a"), "n", AttributeValue.fromN("1e126")))))
                .hasMessageContaining("Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("a"),
                "n", AttributeValue.fromN("1234567890123456789012345678901234567890")))))
                .hasMessageContaining("Attempting to store more than 38 significant digits in a Number");
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("a"), "n", AttributeValue.fromN("one")))))
                .hasMessageContaining("The parameter cannot be converted to a numeric value: one");
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("a"), "ss", AttributeValue.fromSs(List.of("x", "x"))))))
                .hasMessageContaining("contains duplicates");
        assertThatThrownBy(() -> client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("a")))
                .conditionExpression("v = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromSs(List.of())))))
                .hasMessageContaining("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid:"
                        + " An string set  may not be empty for key :v");
        assertThat(dynamo.itemCount(TABLE)).isZero();
    }

    @Test
    void delayedResponsesRunIntoTheClientTimeout() {
        // given
        dynamo.delayResponses(Duration.ofSeconds(2));

        // when / then
        try (DynamoDbClient impatient = clientBuilder().overrideConfiguration(o -> o
                .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofMillis(200))).build()) {
            assertThatThrownBy(() -> impatient.getItem(r -> r.tableName(TABLE).key(Map.of("id", s("x")))))
                    .isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void resetForgetsTablesCallsAndFaults() {
        // given
        client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("x"))));
        dynamo.failNext(3, DynamoDbFault.INTERNAL_ERROR);

        // when
        dynamo.reset();

        // then
        assertThat(dynamo.calls()).isEmpty();
        assertThat(client.listTables().tableNames()).isEmpty();
        assertThatThrownBy(() -> dynamo.itemCount(TABLE)).isInstanceOf(IllegalArgumentException.class);
        dynamo.createTable(TABLE, "id");
        assertThat(dynamo.itemCount(TABLE)).isZero();
        assertThatThrownBy(() -> dynamo.createTable(TABLE, "id")).isInstanceOf(IllegalStateException.class);
    }

    private static String refusal(String condition, Map<String, AttributeValue> values) {
        try {
            client.putItem(r -> r.tableName(TABLE).item(Map.of("id", s("order-1"))).conditionExpression(condition)
                    .expressionAttributeValues(values));
        } catch (DynamoDbException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("Invalid ConditionExpression: ");
            return e.awsErrorDetails().errorMessage();
        }
        throw new AssertionError(condition + " was accepted");
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(dynamo.endpoint().resolve("/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static DynamoDbClient as(String accessKeyId, String secret) {
        return DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static DynamoDbClientBuilder clientBuilder() {
        return DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create());
    }
}
