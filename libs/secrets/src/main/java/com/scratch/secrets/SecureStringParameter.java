package com.scratch.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * One SecureString parameter in SSM Parameter Store, read with decryption and kept for a while.
 *
 * <p>Build it once per container, call {@link #prefetch()} during init so the read overlaps the rest of the
 * cold start, and call {@link #get()} in the handler. It is thread-safe: concurrent callers of a cold or
 * expired value share one {@code GetParameter} call. A failed read is never kept: the caller gets a
 * {@link SecretReadException} and the next call reads again, so one bad moment of SSM does not poison the
 * container for its whole life.
 *
 * <pre>{@code
 * SecureStringParameter stripeKey = SecureStringParameter.builder(ssm, "/stripeSecretKey/test").build();
 * stripeKey.prefetch();                  // during init
 * String apiKey = stripeKey.get().reveal();  // in the handler
 * }</pre>
 */
public final class SecureStringParameter {

    /** How long a value is served before it is read again (a rotated key is picked up within this time). */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(SecureStringParameter.class);

    private final SsmClient ssm;
    private final String name;
    private final Duration timeToLive;
    private final Clock clock;

    private final Object lock = new Object();
    private volatile CachedSecret cached;
    /** The read in progress, shared by every caller that needs a value meanwhile. Guarded by {@link #lock}. */
    private CompletableFuture<Secret> readInProgress;

    private SecureStringParameter(Builder builder) {
        this.ssm = builder.ssm;
        this.name = builder.name;
        this.timeToLive = builder.timeToLive;
        this.clock = builder.clock;
    }

    public static Builder builder(SsmClient ssm, String name) {
        return new Builder(ssm, name);
    }

    public String name() {
        return name;
    }

    /**
     * Starts reading the value on a background thread and returns at once. Meant for init: the read overlaps
     * the loading of everything else. A failure is logged and forgotten; {@link #get()} will read again.
     */
    public void prefetch() {
        CompletableFuture<Secret> read;
        synchronized (lock) {
            if (cached != null || readInProgress != null) {
                return;
            }
            read = readInProgress = new CompletableFuture<>();
        }
        Thread reader = new Thread(() -> readInto(read), "prefetch " + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The value: from memory while it is younger than the time to live, otherwise read from SSM (once, however
     * many threads ask at the same time).
     *
     * @throws SecretReadException when SSM has no value to give; nothing is cached then
     */
    public Secret get() {
        CachedSecret current = cached;
        if (current != null && isFresh(current)) {
            return current.secret();
        }
        CompletableFuture<Secret> read;
        boolean readHere = false;
        synchronized (lock) {
            current = cached;
            if (current != null && isFresh(current)) {
                return current.secret();
            }
            if (readInProgress == null) {
                readInProgress = new CompletableFuture<>();
                readHere = true;
            }
            read = readInProgress;
        }
        if (readHere) {
            readInto(read);
        }
        return await(read);
    }

    /** Forgets the value, so the next {@link #get()} reads it again (e.g. after the key was rotated). */
    public void invalidate() {
        cached = null;
    }

    private boolean isFresh(CachedSecret current) {
        return clock.instant().isBefore(current.readAt().plus(timeToLive));
    }

    private void readInto(CompletableFuture<Secret> read) {
        try {
            Secret secret = readFromSsm();
            cached = new CachedSecret(secret, clock.instant());
            read.complete(secret);
        } catch (RuntimeException e) {
            log.warn("Reading SSM parameter {} failed; it will be read again on the next call: {}", name, e.getMessage());
            read.completeExceptionally(e);
        } finally {
            synchronized (lock) {
                if (readInProgress == read) {
                    readInProgress = null;
                }
            }
        }
    }

    private Secret readFromSsm() {
        long started = System.nanoTime();
        Parameter parameter;
        try {
            parameter = ssm.getParameter(request -> request.name(name).withDecryption(true)).parameter();
        } catch (ParameterNotFoundException e) {
            throw new SecretNotFoundException(name, e);
        } catch (AccessDeniedException e) {
            throw new SecretAccessDeniedException(name, e);
        } catch (AwsServiceException e) {
            throw new SecretUnavailableException(name, e.awsErrorDetails().errorCode()
                    + " (HTTP " + e.statusCode() + ")", e);
        } catch (SdkException e) {
            throw new SecretUnavailableException(name, e.getClass().getSimpleName(), e);
        }
        if (parameter.type() != ParameterType.SECURE_STRING) {
            log.warn("SSM parameter {} is a {}, not a SecureString: store secrets encrypted", name, parameter.typeAsString());
        }
        log.info("Read SSM parameter {} (version {}) in {} ms", name, parameter.version(),
                (System.nanoTime() - started) / 1_000_000);
        return new Secret(name, parameter.value());
    }

    private static Secret await(CompletableFuture<Secret> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a secret", e);
        }
    }

    @Override
    public String toString() {
        return "SecureStringParameter[" + name + "]";
    }

    private record CachedSecret(Secret secret, Instant readAt) {
    }

    /** Builds a {@link SecureStringParameter}; only the client and the name are required. */
    public static final class Builder {

        private final SsmClient ssm;
        private final String name;
        private Duration timeToLive = DEFAULT_TIME_TO_LIVE;
        private Clock clock = Clock.systemUTC();

        private Builder(SsmClient ssm, String name) {
            this.ssm = Objects.requireNonNull(ssm, "ssm == null");
            this.name = Objects.requireNonNull(name, "name == null");
            if (!name.startsWith("/")) {
                throw new IllegalArgumentException("Parameter name '" + name + "' must start with '/'");
            }
        }

        public Builder timeToLive(Duration timeToLive) {
            Objects.requireNonNull(timeToLive, "timeToLive == null");
            if (timeToLive.isNegative() || timeToLive.isZero()) {
                throw new IllegalArgumentException("timeToLive must be positive, was " + timeToLive);
            }
            this.timeToLive = timeToLive;
            return this;
        }

        /** The clock the time to live is measured with; tests move it forward. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        public SecureStringParameter build() {
            return new SecureStringParameter(this);
        }
    }
}
