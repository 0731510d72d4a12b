package com.scratch.secrets;

/**
 * What {@link ParameterStoreCache} tells whoever counts (metrics): each answer from Parameter Store, each value served
 * from the cache, each stale value served because Parameter Store failed. Called on the thread that did it, outside
 * the cache's locks; must be quick and must not throw.
 */
public interface CacheObserver {

    /** Observes nothing. */
    CacheObserver NONE = new CacheObserver() {
    };

    /** A value of {@code parameterName} came from Parameter Store (one per parameter, a batch read counts each). */
    default void read(String parameterName) {
    }

    /** A read of {@code parameterName} from Parameter Store failed. */
    default void readFailed(String parameterName) {
    }

    /** {@code parameterName} was served from the cache, fresh. */
    default void hit(String parameterName) {
    }

    /** {@code parameterName} was served from the cache past its time to live, because reading it again failed. */
    default void staleServed(String parameterName) {
    }
}
