package com.scratch.sandbox.api;

import com.scratch.sandbox.runtime.LocalFunction;
import java.util.List;
import java.util.Objects;

/** An {@code http} event of a function: requests to {@code method path} invoke it. */
public record ApiRoute(String method, String path, List<String> corsHeaders, LocalFunction function) {

    public ApiRoute {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(function, "function == null");
        corsHeaders = List.copyOf(Objects.requireNonNull(corsHeaders, "corsHeaders == null"));
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + function.name();
    }
}
