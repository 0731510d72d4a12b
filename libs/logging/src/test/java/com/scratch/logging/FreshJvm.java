package com.scratch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A main of this module's tests run in a JVM of its own, on the test class path, with {@code -Xlog:class+load}: what
 * logging loads and writes from a cold start, which the test's own JVM has long passed.
 *
 * @param output stdout and stderr together
 * @param classLoadLog one line per class loaded ({@code [...] com.example.Name source: ...})
 */
record FreshJvm(String output, List<String> classLoadLog) {

    /** Runs {@code main} with {@code environment} added to this JVM's; fails unless it exits 0 within a minute. */
    static FreshJvm run(Class<?> main, Map<String, String> environment, Path dir) throws Exception {
        Path classLog = dir.resolve(main.getSimpleName() + "-class-load.log");
        Path stdout = dir.resolve(main.getSimpleName() + "-stdout.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + classLog,
                "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectErrorStream(true)
                .redirectOutput(stdout.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM ends within a minute").isTrue();
        String output = Files.readString(stdout, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return new FreshJvm(output, Files.readAllLines(classLog));
    }

    /** Whether the class named {@code className} was loaded. */
    boolean loaded(String className) {
        return classLoadLog.stream().anyMatch(line -> line.contains(" " + className + " "));
    }
}
