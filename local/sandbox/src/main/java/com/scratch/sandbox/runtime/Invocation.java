package com.scratch.sandbox.runtime;

import java.time.Duration;

/**
 * One completed invocation.
 *
 * @param resultJson what the handler returned, serialized as Lambda would ({@code null} for a void handler)
 * @param coldStart whether this invocation built the function first
 * @param initDuration how long the cold start took (zero when warm)
 * @param duration how long the handler ran
 */
public record Invocation(String resultJson, boolean coldStart, Duration initDuration, Duration duration) {
}
