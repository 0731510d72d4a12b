package com.scratch.sandbox.startup;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Functions whose deployment jars are not built: found at start rather than as a 502 on the first request. */
public final class FunctionJarsMissingException extends SandboxStartException {

    private static final long serialVersionUID = 1L;

    /** @param missing each function's name and the jar its definition names, relative to the repository */
    public FunctionJarsMissingException(Map<String, Path> missing) {
        super("Function jar" + (missing.size() == 1 ? " " : "s ") + missing.entrySet().stream()
                .map(jar -> jar.getValue() + " (" + jar.getKey() + ")").collect(Collectors.joining(", "))
                + (missing.size() == 1 ? " is" : " are") + " not built: run mvn -B -q package -DskipTests first", null);
    }
}
