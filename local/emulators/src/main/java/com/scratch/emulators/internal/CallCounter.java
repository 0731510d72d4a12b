package com.scratch.emulators.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many requests each operation received, failed ones included. Safe for concurrent use. */
public final class CallCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public void increment(String operation) {
        Objects.requireNonNull(operation, "operation == null");
        counts.computeIfAbsent(operation, name -> new AtomicInteger()).incrementAndGet();
    }

    public int count(String operation) {
        Objects.requireNonNull(operation, "operation == null");
        AtomicInteger count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    public void clear() {
        counts.clear();
    }
}
