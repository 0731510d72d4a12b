package com.scratch.emulators.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The requests an emulator received, failed ones included, in arrival order, and how many named each operation.
 * Safe for concurrent use.
 *
 * @param <R> what the emulator records of a request, for example {@code SsmCall}
 */
public final class RequestLog<R> {

    private final Function<? super R, String> operationOf;
    private final List<R> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** @param operationOf what a request is counted under, for example {@code SsmCall::operation} */
    public RequestLog(Function<? super R, String> operationOf) {
        this.operationOf = Objects.requireNonNull(operationOf, "operationOf == null");
    }

    public void add(R request) {
        Objects.requireNonNull(request, "request == null");
        received.add(request);
        counts.computeIfAbsent(operationOf.apply(request), name -> new AtomicInteger()).incrementAndGet();
    }

    /** A snapshot, oldest first. */
    public List<R> received() {
        return List.copyOf(received);
    }

    public int count(String operation) {
        Objects.requireNonNull(operation, "operation == null");
        AtomicInteger count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    public void clear() {
        received.clear();
        counts.clear();
    }
}
