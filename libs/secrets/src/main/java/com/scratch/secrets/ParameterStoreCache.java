package com.scratch.secrets;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Parameters from SSM Parameter Store, read once and kept: one cache per container, built during init.
 *
 * <ul>
 *   <li>A value is served from memory for its time to live (default 5 minutes, per parameter if wanted), then
 *       read again on the next call; a rotated key is picked up within that time, or at once after
 *       {@link CachedParameter#invalidate()}.</li>
 *   <li>Concurrent callers of a cold or expired value share one read.</li>
 *   <li>A failed read is never cached. While the last good value is younger than the maximum stale age
 *       (default 30 minutes) it is served, with a warning; without one the caller gets a
 *       {@link SecretReadException}. From the second failure in a row, reads back off with jitter instead of
 *       asking SSM on every call.</li>
 *   <li>{@link #prefetch()} reads every parameter not yet fresh in as few {@code GetParameters} calls as
 *       possible (10 names each), on a background thread, each value still cached on its own.</li>
 *   <li>Values are kept by name <em>and</em> decryption flag.</li>
 * </ul>
 *
 * <pre>{@code
 * ParameterStoreCache cache = ParameterStoreCache.builder(AwsClients.ssm(environment)).build();
 * CachedParameter stripeKey = cache.secureString("/stripeSecretKey/test");
 * cache.prefetch();                          // during init: overlaps the rest of the cold start
 * String apiKey = stripeKey.get().reveal();  // in the handler
 * }</pre>
 */
public final class ParameterStoreCache {

    /**
     * Every IAM action this cache calls: {@code GetParameter} for a single read or refresh,
     * {@code GetParameters} for {@link #prefetch()}. They are separate actions in IAM: a role must grant both on
     * each parameter the function reads, or the prefetch at init is refused while single reads pass.
     */
    public static final List<String> IAM_ACTIONS = List.of("ssm:GetParameter", "ssm:GetParameters");

    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MAX_STALE_AGE = Duration.ofMinutes(30);

    private static final SecureRandom JITTER = new SecureRandom();

    private final SsmClient ssm;
    private final Duration defaultTimeToLive;
    private final Duration maxStaleAge;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final CacheObserver observer;
    private final Map<ParameterKey, ParameterEntry> entries = new ConcurrentHashMap<>();
    /** Held here because CRaC keeps its resources only weakly. */
    private volatile SnapStartHooks snapStartHooks;

    private ParameterStoreCache(Builder builder) {
        this.ssm = builder.ssm;
        this.defaultTimeToLive = builder.timeToLive;
        this.maxStaleAge = builder.maxStaleAge;
        this.backoff = builder.backoff;
        this.clock = builder.clock;
        this.jitter = builder.jitter;
        this.observer = builder.observer;
    }

    public static Builder builder(SsmClient ssm) {
        return new Builder(ssm);
    }

    /** A SecureString, read with decryption, kept for the default time to live. */
    public CachedParameter secureString(String name) {
        return parameter(name, true, defaultTimeToLive);
    }

    /** A SecureString, read with decryption, kept for {@code timeToLive}. */
    public CachedParameter secureString(String name, Duration timeToLive) {
        return parameter(name, true, timeToLive);
    }

    /**
     * Any parameter, read with or without decryption (without, a SecureString reads as its ciphertext). The same
     * name with the other flag is another entry.
     */
    public CachedParameter parameter(String name, boolean withDecryption, Duration timeToLive) {
        checkPositive(timeToLive, "timeToLive");
        ParameterKey key = new ParameterKey(name, withDecryption);
        return new CachedParameter(entries.computeIfAbsent(key, k -> new ParameterEntry(k, timeToLive, this)));
    }

    /** Starts reading every parameter that is not fresh, in batches, on a background thread; returns at once. */
    public void prefetch() {
        List<Claim> claims = claimAll();
        if (claims.isEmpty()) {
            return;
        }
        Thread reader = new Thread(() -> readInBatches(claims), "ssm-prefetch");
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads every parameter that is not fresh, in batches, and returns when done. */
    public void prefetchNow() {
        readInBatches(claimAll());
    }

    /** Forgets every value (SnapStart: none may be in a snapshot or outlive one). */
    public void forgetValues() {
        entries.values().forEach(ParameterEntry::forget);
    }

    /**
     * Registers the SnapStart hooks: before the snapshot, {@code primer} runs (load classes, build clients; read
     * no secret) and every value is forgotten; after a restore, values are forgotten again and prefetched.
     */
    public void registerSnapStartHooks(Runnable primer) {
        SnapStartHooks hooks = new SnapStartHooks(this, primer);
        org.crac.Core.getGlobalContext().register(hooks);
        this.snapStartHooks = hooks;
    }

    private List<Claim> claimAll() {
        List<Claim> claims = new ArrayList<>();
        entries.values().forEach(entry -> {
            CompletableFuture<ParameterEntry.Fetched> read = entry.claimForBatch();
            if (read != null) {
                claims.add(new Claim(entry, read));
            }
        });
        return claims;
    }

    private void readInBatches(List<Claim> claims) {
        try {
            for (boolean withDecryption : new boolean[] {true, false}) {
                List<Claim> sameFlag = claims.stream().filter(c -> c.entry().key().withDecryption() == withDecryption).toList();
                for (int from = 0; from < sameFlag.size(); from += SsmReads.BATCH_LIMIT) {
                    readBatch(sameFlag.subList(from, Math.min(from + SsmReads.BATCH_LIMIT, sameFlag.size())), withDecryption);
                }
            }
        } finally {
            // Whatever happened, no claimed read may stay open: its callers would wait forever.
            claims.stream().filter(claim -> !claim.read().isDone()).forEach(claim -> claim.entry().failed(claim.read(),
                    new SecretUnavailableException(claim.entry().key().name(), "batch read did not finish", null)));
        }
    }

    private void readBatch(List<Claim> batch, boolean withDecryption) {
        List<String> names = batch.stream().map(claim -> claim.entry().key().name()).toList();
        Map<String, Parameter> found;
        try {
            found = SsmReads.batch(ssm, names, withDecryption);
        } catch (SecretReadException e) {
            batch.forEach(claim -> claim.entry().batchFailed(claim.read(), e));
            return;
        } catch (RuntimeException e) {
            SecretUnavailableException error = new SecretUnavailableException(String.join(", ", names),
                    e.getClass().getSimpleName(), e);
            batch.forEach(claim -> claim.entry().batchFailed(claim.read(), error));
            return;
        }
        for (Claim claim : batch) {
            Parameter parameter = found.get(claim.entry().key().name());
            if (parameter == null) {
                claim.entry().failed(claim.read(), new SecretNotFoundException(claim.entry().key().name(), null));
            } else {
                claim.entry().succeeded(claim.read(), parameter);
            }
        }
    }

    SsmClient ssm() {
        return ssm;
    }

    Clock clock() {
        return clock;
    }

    Duration maxStaleAge() {
        return maxStaleAge;
    }

    RetryBackoff backoff() {
        return backoff;
    }

    double jitter() {
        return jitter.getAsDouble();
    }

    CacheObserver observer() {
        return observer;
    }

    private static void checkPositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what + " == null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }

    private record Claim(ParameterEntry entry, CompletableFuture<ParameterEntry.Fetched> read) {
    }

    /** Builds a {@link ParameterStoreCache}; only the client is required. */
    public static final class Builder {

        private final SsmClient ssm;
        private Duration timeToLive = DEFAULT_TIME_TO_LIVE;
        private Duration maxStaleAge = DEFAULT_MAX_STALE_AGE;
        private RetryBackoff backoff = RetryBackoff.DEFAULT;
        private Clock clock = Clock.systemUTC();
        // SecureRandom, not ThreadLocalRandom: containers restored from one SnapStart snapshot must not share a
        // random sequence, or they would all come back at the same moment.
        private DoubleSupplier jitter = JITTER::nextDouble;
        private CacheObserver observer = CacheObserver.NONE;

        private Builder(SsmClient ssm) {
            this.ssm = Objects.requireNonNull(ssm, "ssm == null");
        }

        /** How long a value is served before it is read again, unless a parameter says otherwise. */
        public Builder timeToLive(Duration timeToLive) {
            checkPositive(timeToLive, "timeToLive");
            this.timeToLive = timeToLive;
            return this;
        }

        /** How old a value may be and still be served while SSM cannot be read. */
        public Builder maxStaleAge(Duration maxStaleAge) {
            checkPositive(maxStaleAge, "maxStaleAge");
            this.maxStaleAge = maxStaleAge;
            return this;
        }

        public Builder backoff(RetryBackoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff == null");
            return this;
        }

        /** The clock ages are measured with; tests move it forward. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** Random numbers in [0, 1) for the backoff jitter; tests fix them. */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter == null");
            return this;
        }

        /** Told of every read, cache hit and stale serve (metrics). */
        public Builder observer(CacheObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer == null");
            return this;
        }

        public ParameterStoreCache build() {
            if (maxStaleAge.compareTo(timeToLive) < 0) {
                throw new IllegalArgumentException("maxStaleAge (" + maxStaleAge + ") must not be shorter than timeToLive ("
                        + timeToLive + ")");
            }
            return new ParameterStoreCache(this);
        }
    }
}
