package com.scratch.secrets;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to leave Parameter Store alone after failed reads. A single failure is retried by the next call at
 * once (one bad moment must not cost a request); from the second failure in a row the wait is {@code initial},
 * doubling with every further failure up to {@code max}, each wait cut to a random 50–100 % so that many
 * containers failing together do not come back together.
 */
public record RetryBackoff(Duration initial, Duration max) {

    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofMillis(250), Duration.ofSeconds(30));

    public RetryBackoff {
        Objects.requireNonNull(initial, "initial == null");
        Objects.requireNonNull(max, "max == null");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max, was " + initial + " and " + max);
        }
    }

    /** The wait after {@code failures} consecutive failures; {@code jitter} is a random number in [0, 1). */
    Duration after(int failures, double jitter) {
        if (failures < 2) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 2, 30);
        long millis = Math.min(max.toMillis(), initial.toMillis() << doublings);
        return Duration.ofMillis((long) (millis * (0.5 + jitter / 2)));
    }
}
