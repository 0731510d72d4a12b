package com.scratch.bench.runtime;

/**
 * When to send each invocation of a steady load to one container: invocation {@code i} is due at
 * {@code start + i * interval}; one that is due while the previous one is still running goes as soon as that one is
 * answered (a container takes one event at a time). So a slow stretch makes the load late, never concurrent, and a
 * late load catches up only by sending each invocation as soon as the one before is answered, until it is on time
 * again. Nothing is sent at or after {@code end}. All times in {@link System#nanoTime()}.
 */
public record PacedSchedule(long start, long intervalNanos, long end) {

    public PacedSchedule {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("intervalNanos must be positive, was " + intervalNanos);
        }
        if (end < start) {
            throw new IllegalArgumentException("end is before start");
        }
    }

    /** {@code perSecond} invocations a second for {@code seconds} seconds from {@code start}. */
    public static PacedSchedule of(long start, int perSecond, int seconds) {
        return new PacedSchedule(start, 1_000_000_000L / perSecond, start + seconds * 1_000_000_000L);
    }

    /** When invocation {@code i} is due. */
    public long dueAt(int i) {
        return start + i * intervalNanos;
    }

    /** When invocation {@code i} goes: when it is due, or when the one before it was answered if that is later. */
    public long sendAt(int i, long previousAnsweredAt) {
        return Math.max(dueAt(i), previousAnsweredAt);
    }

    /** Whether something sent at {@code at} still belongs to the load. */
    public boolean within(long at) {
        return at < end;
    }

    /** How many invocations the schedule asks for: those due before {@code end}. */
    public long planned() {
        return (end - start + intervalNanos - 1) / intervalNanos;
    }
}
