package com.scratch.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.aws.AwsClients;
import com.scratch.emulators.dynamodb.DynamoDbEmulator;
import com.scratch.emulators.dynamodb.DynamoDbFault;
import com.scratch.testing.ConcurrentCalls;
import com.scratch.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The claim protocol against the local DynamoDB, through the real SDK client. */
class EffectLedgerTest {

    private static final String TABLE = "billing-api-test-announcements";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofDays(7);

    private static DynamoDbEmulator dynamoDb;
    private static DynamoDbClient client;

    private final TestClock clock = TestClock.at(Instant.parse("2026-12-04T10:00:00Z"));
    private final AtomicInteger effects = new AtomicInteger();
    private EffectLedger ledger;

    @BeforeAll
    static void startDynamoDb() {
        dynamoDb = DynamoDbEmulator.start();
        client = AwsClients.dynamoDb(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDLOCAL",
                "AWS_SECRET_ACCESS_KEY", "local", "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString()),
                com.scratch.aws.ClientTracing.none());
    }

    @AfterAll
    static void stopDynamoDb() {
        client.close();
        dynamoDb.close();
    }

    @BeforeEach
    void freshTable() {
        dynamoDb.reset();
        dynamoDb.createTable(TABLE, EffectLedger.ID);
        ledger = new EffectLedger(client, TABLE, LEASE, RETENTION, clock);
    }

    @Test
    void makesTheEffectOnceAndRemembersIt() {
        assertThat(ledger.performOnce("pi_1", effects::incrementAndGet)).isEqualTo(Outcome.PERFORMED);
        assertThat(ledger.performOnce("pi_1", effects::incrementAndGet)).isEqualTo(Outcome.ALREADY_PERFORMED);
        assertThat(ledger.performOnce("pi_2", effects::incrementAndGet)).isEqualTo(Outcome.PERFORMED);

        assertThat(effects).hasValue(2);
        assertThat(status("pi_1")).isEqualTo(EffectLedger.DONE);
        assertThat(number("pi_1", EffectLedger.EXPIRES_AT))
                .isEqualTo(clock.instant().plus(RETENTION).getEpochSecond());
    }

    @Test
    void oneOfManyConcurrentCallersMakesTheEffect() throws Exception {
        // Another container's ledger on the same table: the decision is DynamoDB's, not a lock in this JVM.
        EffectLedger otherContainer = new EffectLedger(client, TABLE, LEASE, RETENTION, clock);
        List<String> outcomes = ConcurrentCalls.atOnce(32, caller -> () -> {
            EffectLedger mine = caller % 2 == 0 ? ledger : otherContainer;
            try {
                return mine.performOnce("pi_busy", () -> {
                    effects.incrementAndGet();
                    sleep(50);
                }).name();
            } catch (EffectInProgressException e) {
                return "IN_PROGRESS";
            }
        });

        assertThat(effects).hasValue(1);
        assertThat(outcomes).containsOnlyOnce("PERFORMED").doesNotContainNull();
        assertThat(ledger.performOnce("pi_busy", effects::incrementAndGet)).isEqualTo(Outcome.ALREADY_PERFORMED);
    }

    @Test
    void aFailedEffectGivesTheClaimBackSoTheNextTryMakesIt() {
        assertThatThrownBy(() -> ledger.performOnce("pi_1", () -> {
            throw new IllegalStateException("SNS said no");
        })).isInstanceOf(IllegalStateException.class).hasMessage("SNS said no");
        assertThat(dynamoDb.item(TABLE, "pi_1")).isEmpty();

        assertThat(ledger.performOnce("pi_1", effects::incrementAndGet)).isEqualTo(Outcome.PERFORMED);
        assertThat(effects).hasValue(1);
    }

    @Test
    void aLiveClaimKeepsOthersOffAndAnExpiredOneIsTakenOver() {
        // A holder that died mid-effect: its claim stays IN_PROGRESS with its lease.
        putInProgress("pi_1", clock.instant().plus(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> ledger.performOnce("pi_1", effects::incrementAndGet))
                .isInstanceOf(EffectInProgressException.class)
                .hasMessageContaining("pi_1")
                .satisfies(e -> assertThat(((EffectInProgressException) e).leaseUntil())
                        .isEqualTo(clock.instant().plus(Duration.ofSeconds(10))));
        assertThat(effects).hasValue(0);

        clock.advance(Duration.ofSeconds(11));
        assertThat(ledger.performOnce("pi_1", effects::incrementAndGet)).isEqualTo(Outcome.PERFORMED);
        assertThat(effects).hasValue(1);
    }

    @Test
    void aRecordPastItsRetentionIsForgottenEvenBeforeDynamoDbDeletesIt() {
        ledger.performOnce("pi_1", effects::incrementAndGet);
        clock.advance(RETENTION.plusSeconds(1));

        assertThat(ledger.performOnce("pi_1", effects::incrementAndGet)).isEqualTo(Outcome.PERFORMED);
        assertThat(effects).hasValue(2);
    }

    @Test
    void anEffectMadeButNotRecordedStillCountsAsMadeAndHoldsOthersOffForTheLease() {
        // The claim's PutItem goes through; every attempt of the UpdateItem that records DONE fails (the standard
        // retry mode makes 3).
        Runnable effectThenDynamoDbFails = () -> {
            effects.incrementAndGet();
            dynamoDb.failNext(3, DynamoDbFault.INTERNAL_ERROR);
        };

        assertThat(ledger.performOnce("pi_1", effectThenDynamoDbFails)).isEqualTo(Outcome.PERFORMED);
        assertThat(dynamoDb.callCount("UpdateItem")).isEqualTo(3);
        assertThat(status("pi_1")).isEqualTo(EffectLedger.IN_PROGRESS);

        assertThatThrownBy(() -> ledger.performOnce("pi_1", effects::incrementAndGet))
                .isInstanceOf(EffectInProgressException.class);
        assertThat(effects).hasValue(1);
        // The documented gap: after the lease a repeat makes the effect again; the effect's own id must carry it.
        clock.advance(LEASE.plusSeconds(1));
        assertThat(ledger.performOnce("pi_1", effects::incrementAndGet)).isEqualTo(Outcome.PERFORMED);
        assertThat(effects).hasValue(2);
    }

    @Test
    void aTableThatCannotBeWrittenMakesNoEffect() {
        dynamoDb.failNext(1, DynamoDbFault.ACCESS_DENIED);

        assertThatThrownBy(() -> ledger.performOnce("pi_1", effects::incrementAndGet))
                .isInstanceOf(EffectLedgerUnavailableException.class)
                .hasMessageContaining(TABLE)
                .hasMessageContaining("pi_1");
        assertThat(effects).hasValue(0);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new EffectLedger(client, TABLE, Duration.ofDays(8), RETENTION, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
        assertThatThrownBy(() -> new EffectLedger(client, " ", LEASE, RETENTION, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tableName");
        assertThatThrownBy(() -> ledger.performOnce("", effects::incrementAndGet))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    }

    private void putInProgress(String key, Instant leaseUntil) {
        client.putItem(put -> put.tableName(TABLE).item(Map.of(
                EffectLedger.ID, AttributeValue.fromS(key),
                EffectLedger.STATUS, AttributeValue.fromS(EffectLedger.IN_PROGRESS),
                EffectLedger.OWNER, AttributeValue.fromS("a-container-that-died"),
                EffectLedger.LEASE_UNTIL, AttributeValue.fromN(Long.toString(leaseUntil.toEpochMilli())),
                EffectLedger.EXPIRES_AT, AttributeValue.fromN(
                        Long.toString(clock.instant().plus(RETENTION).getEpochSecond())))));
    }

    private String status(String key) {
        return client.getItem(get -> get.tableName(TABLE).key(Map.of(EffectLedger.ID, AttributeValue.fromS(key)))
                .consistentRead(true)).item().get(EffectLedger.STATUS).s();
    }

    private long number(String key, String attribute) {
        return Long.parseLong(client.getItem(get -> get.tableName(TABLE)
                .key(Map.of(EffectLedger.ID, AttributeValue.fromS(key))).consistentRead(true)).item().get(attribute).n());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
