package com.scratch.deploy.workflows;

import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Casts of snakeyaml's plain objects, failing with what was expected where the YAML has something else. */
final class YamlMaps {

    private YamlMaps() {
    }

    static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new AssertionError(what + " is not a mapping: " + value);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, item) -> copy.put(String.valueOf(key), item));
        return copy;
    }

    static Map<String, Object> mapOrEmpty(Object value) {
        return value == null ? Map.of() : map(value, "value");
    }

    static List<Object> list(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            fail("%s is not a list: %s", what, value);
            return List.of();
        }
        return List.copyOf(list);
    }

    /** A value GitHub accepts as one string or a list of strings, e.g. {@code needs} and {@code branches}. */
    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
