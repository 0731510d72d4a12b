package com.scratch.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} a test sets and moves on by hand, so ages, time-to-live and backoffs pass without sleeping. It
 * either stands still ({@link #at(Instant)}: only the test moves it) or runs with the real time
 * ({@link #running()}: for code that also measures real durations), in both cases plus whatever the test has moved it
 * on by. Thread-safe.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-11-26T12:00:00Z"));
 * ParameterStoreCache cache = ParameterStoreCache.builder(client).clock(clock).build();
 * clock.advance(Duration.ofMinutes(5));   // the cached value is now expired
 * }</pre>
 */
public final class TestClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock(Clock base) {
        this.base = base;
    }

    /** A clock that reads {@code start} until the test moves it. */
    public static TestClock at(Instant start) {
        return new TestClock(Clock.fixed(Objects.requireNonNull(start, "start == null"), ZoneOffset.UTC));
    }

    /** A clock that runs with the real time (UTC) from now on. */
    public static TestClock running() {
        return new TestClock(Clock.systemUTC());
    }

    /** Moves the clock on by {@code duration} (backwards, if it is negative). */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration == null");
        offset.updateAndGet(current -> current.plus(duration));
    }

    /** Sets the clock to read {@code instant} now; a running clock goes on running from there. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant == null");
        offset.set(Duration.between(base.instant(), instant));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a TestClock is always UTC");
    }
}
