package com.scratch.sandbox.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a function is made of, as its deploy definition says: the handler, the deployment artifact it runs
 * from and its environment (already resolved to plain values).
 */
public record FunctionSpec(String name, String handlerClass, String handlerMethod, Path artifact,
        Map<String, String> environment, int memorySizeMb, Duration timeout) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(handlerClass, "handlerClass == null");
        Objects.requireNonNull(handlerMethod, "handlerMethod == null");
        Objects.requireNonNull(artifact, "artifact == null");
        Objects.requireNonNull(timeout, "timeout == null");
        environment = Map.copyOf(new LinkedHashMap<>(environment));
    }
}
