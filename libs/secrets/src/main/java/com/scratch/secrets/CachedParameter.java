package com.scratch.secrets;

import java.time.Duration;
import java.util.Objects;

/**
 * A handle on one parameter kept by a {@link ParameterStoreCache}: keep it, and call {@link #get()} whenever the
 * value is needed. Thread-safe.
 *
 * <pre>{@code
 * CachedParameter stripeKey = cache.secureString("/stripeSecretKey/test");
 * String apiKey = stripeKey.get().reveal();
 * }</pre>
 */
public final class CachedParameter {

    private final ParameterEntry entry;

    CachedParameter(ParameterEntry entry) {
        this.entry = Objects.requireNonNull(entry, "entry == null");
    }

    public String name() {
        return entry.key().name();
    }

    /**
     * The value: from memory while younger than its time to live, otherwise read from SSM, once however many
     * threads ask at the same time. When that read fails, a value younger than the cache's maximum stale age is
     * served instead (and the failure logged); with none, the failure is thrown.
     *
     * @throws SecretReadException when there is no value to serve; nothing is cached then
     */
    public Secret get() {
        return entry.get();
    }

    /** Forgets the value, so the next {@link #get()} reads it again at once. */
    public void invalidate() {
        entry.forget();
    }

    /**
     * Forgets {@code rejected} (a key the provider refused) so the next {@link #get()} reads afresh, unless the
     * value held was read less than {@code minimumAge} ago: then the parameter itself still holds the rejected
     * value and reading it again on every request would only hammer SSM.
     *
     * @return true when a fresh value will be (or already was) read; false when a retry would get the same value
     */
    public boolean invalidateRejected(Secret rejected, Duration minimumAge) {
        return entry.forgetIfStill(rejected, minimumAge);
    }

    @Override
    public String toString() {
        return "CachedParameter[" + name() + (entry.key().withDecryption() ? ", decrypted" : "") + "]";
    }
}
