package com.scratch.emulators.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * The faults an emulator still has to serve, in order: {@code add(2, THROTTLING)} makes the next two
 * requests fail, whatever operation they call. Once the queue is empty, a random share of requests may fail too
 * ({@link #failRandomly}), from a seeded generator so that a run can be repeated. Safe to use from several server
 * threads at once.
 *
 * @param <F> the emulator's fault enum
 */
public final class FaultPlan<F> {

    private final Deque<F> pending = new ArrayDeque<>();
    private F randomFault;
    private double randomShare;
    private Random random;
    private int randomServed;

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

    /**
     * From now on, each request that finds no queued fault fails with {@code fault} with probability {@code share}
     * (0 turns it off), drawn from a generator seeded with {@code seed}.
     */
    public synchronized void failRandomly(double share, F fault, long seed) {
        Objects.requireNonNull(fault, "fault == null");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be from 0 to 1, was " + share);
        }
        this.randomFault = fault;
        this.randomShare = share;
        this.random = new Random(seed);
    }

    /** How many requests {@link #failRandomly} has failed since it was set. */
    public synchronized int randomFaultsServed() {
        return randomServed;
    }

    /** The fault for the current request, if one is still queued or drawn; taking it uses it up. */
    public synchronized Optional<F> next() {
        F queued = pending.pollFirst();
        if (queued != null) {
            return Optional.of(queued);
        }
        if (random != null && randomShare > 0 && random.nextDouble() < randomShare) {
            randomServed++;
            return Optional.of(randomFault);
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        pending.clear();
        random = null;
        randomShare = 0;
        randomServed = 0;
    }
}
