package com.scratch.idempotency;

import java.time.Instant;

/**
 * Another caller holds the claim on this key and may be making the effect right now. Not a failure of the effect:
 * try again after a moment (or after {@link #leaseUntil()}, when a claim whose holder died can be taken over).
 */
public final class EffectInProgressException extends RuntimeException {

    private final String key;
    private final Instant leaseUntil;

    EffectInProgressException(String tableName, String key, Instant leaseUntil) {
        super("The effect for " + key + " is being made by another caller (claim in " + tableName + " held until "
                + leaseUntil + ")");
        this.key = key;
        this.leaseUntil = leaseUntil;
    }

    public String key() {
        return key;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }
}
