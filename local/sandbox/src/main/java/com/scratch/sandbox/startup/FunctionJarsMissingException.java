package com.scratch.sandbox.startup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Functions whose deployment jars are not built: found at start rather than as a 502 on the first request. */
public final class FunctionJarsMissingException extends SandboxStartException {

    private static final long serialVersionUID = 1L;

    /**
     * @param missing each missing jar, relative to the repository, with the functions it holds (a service's
     *     functions share its one jar)
     */
    public FunctionJarsMissingException(Map<Path, List<String>> missing) {
        super("Function jar" + (missing.size() == 1 ? " " : "s ") + missing.entrySet().stream()
                .map(jar -> jar.getKey() + " (" + String.join(", ", jar.getValue()) + ")")
                .collect(Collectors.joining(", "))
                + (missing.size() == 1 ? " is" : " are") + " not built: run mvn -B -q package -DskipTests first", null);
    }
}
