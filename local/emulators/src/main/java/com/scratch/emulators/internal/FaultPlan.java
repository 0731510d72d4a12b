package com.scratch.emulators.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * The faults an emulator still has to serve, in order: {@code add(2, THROTTLING)} makes the next two
 * requests fail, whatever operation they call. Safe to use from several server threads at once.
 *
 * @param <F> the emulator's fault enum
 */
public final class FaultPlan<F> {

    private final Deque<F> pending = new ArrayDeque<>();

    /** Queues {@code times} more failures behind the ones already queued. */
    public synchronized void add(int times, F fault) {
        Objects.requireNonNull(fault, "fault == null");
        if (times < 0) {
            throw new IllegalArgumentException("times is negative: " + times);
        }
        for (int i = 0; i < times; i++) {
            pending.addLast(fault);
        }
    }

    /** The fault for the current request, if one is still queued; taking it uses it up. */
    public synchronized Optional<F> next() {
        return Optional.ofNullable(pending.pollFirst());
    }

    public synchronized void clear() {
        pending.clear();
    }
}
