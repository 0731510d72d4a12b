package com.scratch.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many threads calling {@link CachedParameter#get()} at the same moment. */
final class ConcurrentReads {

    private ConcurrentReads() {
    }

    /** The values each thread got, once all have returned. */
    static List<Secret> readAtOnce(CachedParameter parameter, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Secret>> reads = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    return parameter.get();
                }));
            }
            start.countDown();
            List<Secret> values = new ArrayList<>();
            for (Future<Secret> read : reads) {
                values.add(read.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }
}
