package com.scratch.sandbox.definitions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A map of a resolved definition, read with the types the reader expects; anything else is an
 * {@link InvalidServerlessDefinitionException} that names the file and the dotted key
 * ({@code functions.billing.handler is missing}).
 */
final class ConfigMap {

    private final Path file;
    private final String location;
    private final Map<?, ?> values;

    private ConfigMap(Path file, String location, Map<?, ?> values) {
        this.file = file;
        this.location = location;
        this.values = values;
    }

    static ConfigMap root(Path file, Object node) {
        Objects.requireNonNull(file, "file == null");
        if (!(node instanceof Map<?, ?> map)) {
            throw new InvalidServerlessDefinitionException(file, "expected a map of settings, found " + node);
        }
        return new ConfigMap(file, "", map);
    }

    Path file() {
        return file;
    }

    /** The keys, in file order. */
    List<String> keys() {
        return values.keySet().stream().map(String::valueOf).toList();
    }

    Object get(String key) {
        return values.get(key);
    }

    /** The map under {@code key}; an empty one when there is none. */
    ConfigMap map(String key) {
        Object value = get(key);
        if (value == null) {
            return new ConfigMap(file, path(key), Map.of());
        }
        if (value instanceof Map<?, ?> map) {
            return new ConfigMap(file, path(key), map);
        }
        throw invalid(key, "must be a map, not " + value);
    }

    /** The maps under {@code key}, which may hold one map or a list of them (each event, resource fragment). */
    List<ConfigMap> maps(String key) {
        Object value = get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Map<?, ?>) {
            return List.of(map(key));
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(key, "must be a map or a list of maps, not " + value);
        }
        List<ConfigMap> maps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw invalid(key + "[" + i + "]", "must be a map, not " + list.get(i));
            }
            maps.add(new ConfigMap(file, path(key) + "[" + i + "]", map));
        }
        return maps;
    }

    /** A scalar as text; numbers and booleans too. */
    Optional<String> string(String key) {
        Object value = get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw invalid(key, "must be a string, not " + value);
    }

    String requiredString(String key) {
        return string(key).filter(text -> !text.isBlank()).orElseThrow(() -> invalid(key, "is missing"));
    }

    OptionalInt integer(String key) {
        Object value = get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value instanceof Integer number) {
            return OptionalInt.of(number);
        }
        try {
            // A variable embedded in a string gives text: memorySize: ${self:custom.memory} is fine.
            return OptionalInt.of(Integer.parseInt(value.toString().strip()));
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number, not " + value);
        }
    }

    /** The dotted location of {@code key}, for messages. */
    String path(String key) {
        return location.isEmpty() ? key : location + "." + key;
    }

    InvalidServerlessDefinitionException invalid(String key, String problem) {
        return new InvalidServerlessDefinitionException(file, path(key) + " " + problem);
    }
}
