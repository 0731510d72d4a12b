package com.scratch.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Makes an effect (publish an event, send a text) once per key, whatever the repeats, retries, redeliveries and
 * containers: every container of a function shares one DynamoDB table, and a conditional write decides which
 * caller makes the effect. The same protocol as Powertools' idempotency utility, without its reflection:
 *
 * <ol>
 *   <li><b>Claim</b>: {@code PutItem} of {@code {id, status: IN_PROGRESS, owner, leaseUntil, expiresAt}} on the
 *       condition that no live record exists ({@code attribute_not_exists(id)}, or the record expired, or an
 *       earlier holder's lease ran out). Exactly one of any number of concurrent callers wins.</li>
 *   <li><b>Effect</b>: only the winner runs it. A caller that lost finds the record ({@code ALL_OLD}): {@code DONE}
 *       means {@link Outcome#ALREADY_PERFORMED}; {@code IN_PROGRESS} means someone else is making it right now
 *       ({@link EffectInProgressException}, worth a retry a little later).</li>
 *   <li><b>Complete</b>: {@code UpdateItem} to {@code DONE}, on the condition that the claim is still ours. When the
 *       effect fails, the claim is deleted instead (same condition), so the next try can make it at once.</li>
 * </ol>
 *
 * <p>What it cannot do, and nothing can for an effect outside the table: if the container dies after the effect and
 * before the record says {@code DONE}, the next caller after the lease makes the effect again. Keep the effect
 * itself identifiable (the event keeps its id) so that the next step can drop that repeat with its own ledger.
 * The lease must outlast the longest a holder can still be running: the function's timeout.
 *
 * <p>{@code expiresAt} (epoch seconds) is the table's TTL attribute. DynamoDB deletes expired items only
 * eventually (within days), and until then they are still read and still fail conditions, so the claim's
 * condition compares {@code expiresAt} itself rather than trusting the deletion.
 *
 * <p>Thread-safe; build one per container. Needs {@code dynamodb:PutItem}, {@code dynamodb:UpdateItem} and
 * {@code dynamodb:DeleteItem} on the table ({@link #IAM_ACTIONS}).
 *
 * <pre>{@code
 * EffectLedger ledger = new EffectLedger(AwsClients.dynamoDb(environment), "billing-api-dev-announcements",
 *         Duration.ofSeconds(30), Duration.ofDays(7), Clock.systemUTC());
 * Outcome outcome = ledger.performOnce(paymentId, () -> sns.publish(...));
 * }</pre>
 */
public final class EffectLedger {

    /** What the function's role must allow on the table. */
    public static final List<String> IAM_ACTIONS =
            List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");

    /** The attribute names of a record; {@link #EXPIRES_AT} is the one to name as the table's TTL attribute. */
    public static final String ID = "id";
    public static final String STATUS = "status";
    public static final String OWNER = "owner";
    public static final String LEASE_UNTIL = "leaseUntil";
    public static final String EXPIRES_AT = "expiresAt";

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";

    private static final Logger log = LoggerFactory.getLogger(EffectLedger.class);

    private static final String CLAIMABLE = "attribute_not_exists(#id) OR #expiresAt < :nowSeconds"
            + " OR (#status = :inProgress AND #leaseUntil < :nowMillis)";
    private static final String STILL_OURS = "#owner = :owner";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration lease;
    private final Duration retention;
    private final Clock clock;

    /**
     * @param tableName a table whose partition key is the string attribute {@value #ID}
     * @param lease how long a claim keeps others off: at least the longest the effect's caller can run
     * @param retention how long a made effect is remembered: longer than any repeat can come (client retries,
     *     redeliveries, webhooks)
     */
    public EffectLedger(DynamoDbClient dynamoDb, String tableName, Duration lease, Duration retention, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb == null");
        this.tableName = requireText(tableName, "tableName");
        this.lease = requirePositive(lease, "lease");
        this.retention = requirePositive(retention, "retention");
        if (retention.compareTo(lease) <= 0) {
            throw new IllegalArgumentException("retention (" + retention + ") must be longer than the lease (" + lease + ")");
        }
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public String tableName() {
        return tableName;
    }

    /**
     * Runs {@code effect} unless it was already made for {@code key}.
     *
     * @return {@link Outcome#PERFORMED} when this call made it, {@link Outcome#ALREADY_PERFORMED} when an earlier one did
     * @throws EffectInProgressException when another caller holds the key's claim right now
     * @throws EffectLedgerUnavailableException when the table could not be written before the effect (it was not made)
     * @throws RuntimeException whatever {@code effect} threw; the claim is given back first
     */
    public Outcome performOnce(String key, Runnable effect) {
        requireText(key, "key");
        Objects.requireNonNull(effect, "effect == null");
        Claim claim = claim(key);
        if (claim.outcome().isPresent()) {
            return claim.outcome().get();
        }
        try {
            effect.run();
        } catch (RuntimeException | Error e) {
            release(claim);
            throw e;
        }
        complete(claim);
        return Outcome.PERFORMED;
    }

    private Claim claim(String key) {
        Instant now = clock.instant();
        String owner = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = Map.of(
                ID, s(key),
                STATUS, s(IN_PROGRESS),
                OWNER, s(owner),
                LEASE_UNTIL, n(now.plus(lease).toEpochMilli()),
                EXPIRES_AT, n(now.plus(retention).getEpochSecond()));
        try {
            dynamoDb.putItem(put -> put.tableName(tableName).item(item)
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(Map.of("#id", ID, "#status", STATUS, "#leaseUntil", LEASE_UNTIL,
                            "#expiresAt", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":nowSeconds", n(now.getEpochSecond()),
                            ":nowMillis", n(now.toEpochMilli()), ":inProgress", s(IN_PROGRESS)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim(key, owner, Optional.empty());
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.hasItem() ? e.item() : Map.of();
            AttributeValue status = existing.get(STATUS);
            if (status != null && DONE.equals(status.s())) {
                return new Claim(key, owner, Optional.of(Outcome.ALREADY_PERFORMED));
            }
            AttributeValue leaseUntil = existing.get(LEASE_UNTIL);
            Instant until = leaseUntil == null || leaseUntil.n() == null ? now.plus(lease)
                    : Instant.ofEpochMilli(Long.parseLong(leaseUntil.n()));
            throw new EffectInProgressException(tableName, key, until);
        } catch (SdkException e) {
            throw new EffectLedgerUnavailableException(tableName, key, e);
        }
    }

    private void complete(Claim claim) {
        try {
            dynamoDb.updateItem(update -> update.tableName(tableName).key(Map.of(ID, s(claim.key())))
                    .updateExpression("SET #status = :done REMOVE #leaseUntil")
                    .conditionExpression(STILL_OURS)
                    .expressionAttributeNames(Map.of("#status", STATUS, "#leaseUntil", LEASE_UNTIL, "#owner", OWNER))
                    .expressionAttributeValues(Map.of(":done", s(DONE), ":owner", s(claim.owner()))));
        } catch (SdkException e) {
            // The effect was made: the caller must not hear that it failed. Until the lease runs out nobody else
            // makes it; after that a repeat would make it again, which the effect's own id lets the next step drop.
            log.warn("Made the effect for {} in {} but could not record it as done ({}): a repeat after the lease may"
                    + " make it again", claim.key(), tableName, e.getMessage());
        }
    }

    private void release(Claim claim) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(Map.of(ID, s(claim.key())))
                    .conditionExpression(STILL_OURS)
                    .expressionAttributeNames(Map.of("#owner", OWNER))
                    .expressionAttributeValues(Map.of(":owner", s(claim.owner()))));
        } catch (SdkException e) {
            // The claim then holds others off until its lease ends, and the next try after that makes the effect.
            log.warn("Could not give back the claim on {} in {} after the effect failed ({}): the next try waits for"
                    + " the lease", claim.key(), tableName, e.getMessage());
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** A claim taken (no outcome yet) or refused because the effect was already made. */
    private record Claim(String key, String owner, Optional<Outcome> outcome) {
    }
}
