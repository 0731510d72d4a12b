package com.scratch.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Many threads making a call at the same moment: each waits at a common start line, so the calls overlap as much as
 * the machine allows (a single-flight read, concurrent writes to one file).
 *
 * <pre>{@code
 * List<Secret> values = ConcurrentCalls.atOnce(64, i -> parameter::get);
 * }</pre>
 */
public final class ConcurrentCalls {

    /** How long all the calls together may take. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ConcurrentCalls() {
    }

    /**
     * Runs {@code call.apply(i)} for each {@code i} from 0 to {@code threads - 1}, each on a thread of its own, all
     * released together; returns their results in the order of {@code i} once all have returned.
     *
     * @throws ExecutionException the first failed call's exception, as its cause
     * @throws TimeoutException if the calls have not all returned within 30 s
     */
    public static <T> List<T> atOnce(int threads, IntFunction<Callable<T>> call)
            throws InterruptedException, ExecutionException, TimeoutException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> task = call.apply(i);
                calls.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<T> results = new ArrayList<>();
            for (Future<T> pending : calls) {
                results.add(pending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
