package com.scratch.secrets;

import java.util.Map;
import java.util.Objects;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda SnapStart (CRaC) hooks of a {@link ParameterStoreCache}. Before the snapshot: prime what is safe to
 * prime and forget every secret, so no value is frozen into a snapshot that may be restored many times, long
 * after its time to live. After a restore: forget again and read afresh.
 */
public final class SnapStartHooks implements Resource {

    /** Lambda sets this variable to {@code snap-start} while it initialises a function to take its snapshot. */
    public static final String INITIALIZATION_TYPE_VARIABLE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private static final Logger log = LoggerFactory.getLogger(SnapStartHooks.class);

    private final ParameterStoreCache cache;
    private final Runnable primer;

    SnapStartHooks(ParameterStoreCache cache, Runnable primer) {
        this.cache = Objects.requireNonNull(cache, "cache == null");
        this.primer = Objects.requireNonNull(primer, "primer == null");
    }

    /** True during the init that precedes a snapshot: secrets are better not read at all then. */
    public static boolean takingSnapshot(Map<String, String> environment) {
        return "snap-start".equals(environment.get(INITIALIZATION_TYPE_VARIABLE));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primer.run();
        cache.forgetValues();
        log.info("Snapshot: primed, and every cached parameter value forgotten");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        cache.forgetValues();
        cache.prefetch();
        log.info("Restored: cached parameter values forgotten and being read again");
    }
}
