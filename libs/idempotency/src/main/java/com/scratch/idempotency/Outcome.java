package com.scratch.idempotency;

/** What {@link EffectLedger#performOnce} did. */
public enum Outcome {
    /** This call made the effect. */
    PERFORMED,
    /** An earlier call made it; this one did nothing. */
    ALREADY_PERFORMED
}
