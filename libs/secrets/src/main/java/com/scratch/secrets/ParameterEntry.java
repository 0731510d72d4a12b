package com.scratch.secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * One cached parameter and what is known about reading it: the last good value, the read in progress (shared
 * by every caller that needs it meanwhile) and the run of failures since the last success. Thread-safe: the
 * fresh value is read without a lock; everything else changes under this object's lock.
 */
final class ParameterEntry {

    private static final Logger log = LoggerFactory.getLogger(ParameterEntry.class);

    private final ParameterKey key;
    private final Duration timeToLive;
    private final ParameterStoreCache cache;

    private volatile Fetched fetched;
    private CompletableFuture<Fetched> readInProgress;
    /** Whether {@link #readInProgress} is a batch read ({@code GetParameters}) rather than this entry's own. */
    private boolean readInProgressIsBatch;
    private int failures;
    private Instant retryNotBefore = Instant.MIN;
    private SecretReadException lastFailure;

    ParameterEntry(ParameterKey key, Duration timeToLive, ParameterStoreCache cache) {
        this.key = key;
        this.timeToLive = timeToLive;
        this.cache = cache;
    }

    ParameterKey key() {
        return key;
    }

    Secret get() {
        return get(true);
    }

    /**
     * @param mayReadAlone whether a caller that waited for a batch read which failed may then read this one parameter
     *     on its own: a role may allow {@code GetParameter} and not {@code GetParameters}, so a refused prefetch at
     *     init must not fail the first request that happened to wait for it
     */
    private Secret get(boolean mayReadAlone) {
        Fetched current = fetched;
        if (current != null && isFresh(current)) {
            cache.observer().hit(key.name());
            return current.secret();
        }
        CompletableFuture<Fetched> read;
        boolean readHere = false;
        boolean joinedBatch;
        synchronized (this) {
            current = fetched;
            if (current != null && isFresh(current)) {
                cache.observer().hit(key.name());
                return current.secret();
            }
            if (readInProgress == null && cache.clock().instant().isBefore(retryNotBefore)) {
                return staleOr(new SecretUnavailableException(key.name(), "not asked again for another "
                        + Duration.between(cache.clock().instant(), retryNotBefore).toMillis() + " ms after " + failures
                        + " failed reads (last: " + lastFailure.getMessage() + ")", lastFailure));
            }
            read = readInProgress;
            if (read == null) {
                read = readInProgress = new CompletableFuture<>();
                readInProgressIsBatch = false;
                readHere = true;
            }
            joinedBatch = !readHere && readInProgressIsBatch;
        }
        if (readHere) {
            read(read);
        }
        try {
            return await(read).secret();
        } catch (SecretReadException e) {
            if (joinedBatch && mayReadAlone) {
                return get(false);
            }
            return staleOr(e);
        }
    }

    /** Marks this entry as being read by a batch, unless it is fresh or already being read. */
    synchronized CompletableFuture<Fetched> claimForBatch() {
        Fetched current = fetched;
        if ((current != null && isFresh(current)) || readInProgress != null) {
            return null;
        }
        readInProgress = new CompletableFuture<>();
        readInProgressIsBatch = true;
        return readInProgress;
    }

    void succeeded(CompletableFuture<Fetched> read, Parameter parameter) {
        if (key.withDecryption() && parameter.type() != ParameterType.SECURE_STRING) {
            log.warn("SSM parameter {} is a {}, not a SecureString: store secrets encrypted", key.name(),
                    parameter.typeAsString());
        }
        Fetched value = new Fetched(new Secret(key.name(), parameter.value()), parameter.version(), cache.clock().instant());
        synchronized (this) {
            // A read that was under way when the value was invalidated may return the very value just rejected:
            // its waiters get it, but it is not kept.
            if (readInProgress == read) {
                fetched = value;
                failures = 0;
                retryNotBefore = Instant.MIN;
                lastFailure = null;
                readInProgress = null;
            }
        }
        log.info("Read SSM parameter {} (version {})", key.name(), parameter.version());
        cache.observer().read(key.name());
        read.complete(value);
    }

    void failed(CompletableFuture<Fetched> read, SecretReadException error) {
        failed(read, error, true);
    }

    /**
     * A batch read ({@code GetParameters}) that failed as a whole: its waiters get the error, but the entry is not
     * held back. The failure says nothing of a read of this one parameter ({@code GetParameter}): a role may allow
     * one and not the other, and SSM may throttle one and not the other. So the next caller reads it on its own at
     * once.
     */
    void batchFailed(CompletableFuture<Fetched> read, SecretReadException error) {
        failed(read, error, false);
    }

    private void failed(CompletableFuture<Fetched> read, SecretReadException error, boolean backOff) {
        Duration wait = Duration.ZERO;
        int inARow;
        synchronized (this) {
            if (readInProgress == read) {
                if (backOff) {
                    failures++;
                    wait = cache.backoff().after(failures, cache.jitter());
                    retryNotBefore = cache.clock().instant().plus(wait);
                    lastFailure = error;
                }
                readInProgress = null;
            }
            inARow = failures;
        }
        Fetched stale = usableStale();
        log.warn("Reading SSM parameter {} failed ({} in a row): {}; {}; next read allowed in {} ms", key.name(), inARow,
                error.getMessage(), stale == null ? "no value to serve" : "serving the value read at " + stale.readAt(),
                wait.toMillis());
        cache.observer().readFailed(key.name());
        read.completeExceptionally(error);
    }

    /**
     * Forgets the value, any backoff and any read under way (its waiters still get its answer, but it is not
     * kept): the next {@link #get()} reads afresh at once (snapshot restore).
     */
    synchronized void forget() {
        fetched = null;
        failures = 0;
        retryNotBefore = Instant.MIN;
        lastFailure = null;
        readInProgress = null;
    }

    /**
     * Forgets the value if it is still {@code rejected} and was read at least {@code minimumAge} ago; true if it
     * did. Many requests holding the same rejected key then cause one new read, not one each, and a key that
     * is still wrong after a fresh read is not read again on every request.
     */
    synchronized boolean forgetIfStill(Secret rejected, Duration minimumAge) {
        Fetched current = fetched;
        if (current == null || !current.secret().sameValueAs(rejected)) {
            return true; // another caller already forgot it, or a new value is there: worth another try
        }
        if (cache.clock().instant().isBefore(current.readAt().plus(minimumAge))) {
            return false;
        }
        forget();
        return true;
    }

    /** One GetParameter, outside the lock; its outcome completes the future every waiting caller shares. */
    private void read(CompletableFuture<Fetched> read) {
        try {
            succeeded(read, SsmReads.one(cache.ssm(), key));
        } catch (SecretReadException e) {
            failed(read, e);
        } catch (RuntimeException | Error e) {
            // Whatever happens, the shared read must end: a future left open would hang every later caller.
            failed(read, new SecretUnavailableException(key.name(), e.getClass().getSimpleName(), e));
            if (e instanceof Error) {
                throw (Error) e;
            }
        }
    }

    private boolean isFresh(Fetched current) {
        return cache.clock().instant().isBefore(current.readAt().plus(timeToLive));
    }

    private Fetched usableStale() {
        Fetched current = fetched;
        return current != null && cache.clock().instant().isBefore(current.readAt().plus(cache.maxStaleAge()))
                ? current : null;
    }

    private Secret staleOr(SecretReadException error) {
        Fetched stale = usableStale();
        if (stale == null) {
            throw error;
        }
        cache.observer().staleServed(key.name());
        return stale.secret();
    }

    private static Fetched await(CompletableFuture<Fetched> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an SSM parameter", e);
        }
    }

    /** A value as read, and when. */
    record Fetched(Secret secret, long version, Instant readAt) {
    }
}
