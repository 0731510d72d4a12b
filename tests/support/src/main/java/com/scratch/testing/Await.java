package com.scratch.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Waits for something a test started on another thread or in another process (a delivery, a call reaching a
 * server), checking every 20 ms, and fails the test if it does not happen in time.
 *
 * <pre>{@code
 * Await.until(Duration.ofSeconds(30), () -> smsCount() > before);
 * }</pre>
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Returns once {@code condition} holds; throws an {@link AssertionError} if it still does not after {@code timeout}. */
    public static void until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Objects.requireNonNull(condition, "condition == null");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Not reached within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
