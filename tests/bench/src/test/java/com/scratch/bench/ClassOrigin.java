package com.scratch.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a class a function's JVM loads lives, as a run without an application archive tells it from the
 * {@code source:} of {@code -Xlog:class+load}: what a dynamic CDS archive made from such a run may hold, and what the
 * runtime's class loaders load it with. A class loaded from an archive says only {@code shared objects file}, so the
 * origin of a class is looked up by its name in a run without one.
 */
enum ClassOrigin {

    /** The JDK's own classes ({@code jrt:/}, or the JDK's CDS archive). */
    JDK("the JDK"),
    /** The runtime interface client's jars, on the JVM's class path (the application class loader). */
    RUNTIME("the runtime's class path (runtime interface client, aws-lambda-java-core, -serialization)"),
    /** The function's own classes and libraries, from the task root, loaded by the runtime's CustomerClassLoader. */
    TASK_ROOT("the task root (the deployed jar's classes, through the runtime's CustomerClassLoader)"),
    /** Lambdas, proxies and other classes defined at run time: their {@code source} is the class that made them. */
    GENERATED("generated at run time (lambdas, proxies, method handles)");

    private final String description;

    ClassOrigin(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The origin of a class from its {@code source:} in a run without an application archive. */
    static ClassOrigin of(String source, Path taskRoot) {
        if (source.startsWith("jrt:/") || source.equals("shared objects file")) {
            return JDK;
        }
        if (source.startsWith("file:")) {
            return Path.of(java.net.URI.create(source)).startsWith(taskRoot) ? TASK_ROOT : RUNTIME;
        }
        return GENERATED;
    }

    /** Every class of a run without an application archive, by name, and its origin. */
    static Map<String, ClassOrigin> byName(ClassLoadLog withoutArchive, Path taskRoot) {
        Map<String, ClassOrigin> origins = new LinkedHashMap<>();
        withoutArchive.classes().forEach(loaded -> origins.putIfAbsent(loaded.name(), of(loaded.source(), taskRoot)));
        return origins;
    }
}
