package com.scratch.loggingbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.testing.BenchmarkReport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cold-start cost of each candidate logging backend, measured as a function pays it: a fresh JVM with the
 * functions' flags ({@code -XX:TieredStopAtLevel=1}), slf4j-api plus one backend and its config, logging one info
 * line with the invocation's keys and one error with a stack trace ({@link FirstLogLines}). 15 runs of each,
 * interleaved, so that the machine's noise falls on all alike. Reports the median and range of the in-process time
 * to the first line and to the second, the JVM's wall time, and the size of the jars each backend adds; checks that
 * the JSON backends write one JSON object per event with the stack trace inside it.
 */
class LoggingAfterJacksonBenchmark {

    private static final int RUNS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JACKSON = List.of("jackson-core-", "jackson-databind-", "jackson-annotations-");

    /** Each backend: the jar names it adds (prefixes of file names on the test class path) and its config folder. */
    private static final Map<String, Backend> BACKENDS = new LinkedHashMap<>();

    static {
        BACKENDS.put("slf4j-simple (today)", new Backend(List.of("slf4j-simple-"), List.of(), "simple", false));
        BACKENDS.put("Log4j2 + JsonTemplateLayout", new Backend(List.of("log4j-api-", "log4j-core-",
                "log4j-slf4j2-impl-", "log4j-layout-template-json-"), List.of(), "log4j2", true));
        BACKENDS.put("Log4j2 + JsonTemplateLayout, trimmed", new Backend(List.of("log4j-api-", "log4j-core-",
                "log4j-slf4j2-impl-", "log4j-layout-template-json-"), List.of(), "log4j2-trimmed", true));
        BACKENDS.put("Logback + JsonEncoder", new Backend(List.of("logback-classic-", "logback-core-"), List.of(), "logback", true));
        // Jackson is already in every function's jar: on the class path here, not counted as added.
        BACKENDS.put("Logback + logstash-logback-encoder", new Backend(List.of("logback-classic-", "logback-core-",
                "logstash-logback-encoder-"), JACKSON,
                "logstash", true));
    }

    @Test
    void eachBackendsColdStartCost() throws Exception {
        String alone = table(false);
        String afterJackson = table(true);
        BenchmarkReport.write(Path.of("target/benchmarks/logging-after-jackson.md"), "Logging alone:\n\n" + alone
                + "\nAfter the JVM has loaded and used Jackson, as the functions have when they first log:\n\n"
                + afterJackson + String.format("%n%d interleaved runs of each, java %s, -XX:+TieredCompilation"
                + " -XX:TieredStopAtLevel=1.%n", RUNS, System.getProperty("java.version")));
    }

    private static String table(boolean jacksonFirst) throws Exception {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String slf4jApi = only(classPath, "slf4j-api-");
        Path testClasses = Path.of(FirstLogLines.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, List<long[]>> runs = new LinkedHashMap<>();
        BACKENDS.keySet().forEach(name -> runs.put(name, new ArrayList<>()));

        for (int run = 0; run < RUNS + 1; run++) {
            for (Map.Entry<String, Backend> backend : BACKENDS.entrySet()) {
                long[] measured = runOnce(backend.getValue(), classPath, slf4jApi, testClasses, jacksonFirst);
                if (run > 0) { // the first round warms the disk cache, not counted
                    runs.get(backend.getKey()).add(measured);
                }
            }
        }

        StringBuilder report = new StringBuilder("""
                | backend | first line, median (min-max) | both lines, median | JVM wall time, median (min-max) | jars added |
                | --- | --- | --- | --- | --- |
                """);
        long baselineWall = median(runs.values().iterator().next(), 2);
        for (Map.Entry<String, List<long[]>> backend : runs.entrySet()) {
            List<long[]> measured = backend.getValue();
            long wall = median(measured, 2);
            report.append(String.format("| %s | %.1f ms (%.1f-%.1f) | %.1f ms | %.0f ms (%.0f-%.0f), %+.0f ms | %.2f MB |%n",
                    backend.getKey(), ms(median(measured, 0)), ms(min(measured, 0)), ms(max(measured, 0)),
                    ms(median(measured, 1)), ms(wall), ms(min(measured, 2)), ms(max(measured, 2)), ms(wall - baselineWall),
                    jarBytes(BACKENDS.get(backend.getKey()), classPath) / 1_000_000.0));
        }
        return report.toString();
    }

    /** One fresh JVM: returns {nanos to the first line, nanos to the second, wall nanos of the process}. */
    private static long[] runOnce(Backend backend, List<String> classPath, String slf4jApi, Path testClasses,
            boolean jacksonFirst) throws Exception {
        Path timing = Files.createTempFile("logging-bench", ".txt");
        List<String> entries = new ArrayList<>(List.of(testClasses.resolve("backends").resolve(backend.configFolder())
                .toString(), testClasses.toString(), slf4jApi));
        backend.jarPrefixes().forEach(prefix -> entries.add(only(classPath, prefix)));
        List<String> shared = new ArrayList<>(backend.sharedJarPrefixes());
        if (jacksonFirst) {
            JACKSON.stream().filter(prefix -> !shared.contains(prefix)).forEach(shared::add);
        }
        shared.forEach(prefix -> entries.add(only(classPath, prefix)));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, entries),
                FirstLogLines.class.getName(), timing.toString(), jacksonFirst ? "jackson-first" : "alone");
        builder.redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long wall = System.nanoTime() - started;
        assertThat(process.exitValue()).as(output).isZero();
        if (backend.json()) {
            assertOneJsonObjectPerEvent(output);
        }
        String[] times = Files.readString(timing).trim().split(" ");
        Files.delete(timing);
        return new long[] {Long.parseLong(times[0]), Long.parseLong(times[1]), wall};
    }

    /** Two events, two lines, each a JSON object; the error's stack trace inside its object, not on lines of its own. */
    private static void assertOneJsonObjectPerEvent(String output) throws Exception {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as(output).hasSize(2);
        JsonNode info = JSON.readTree(lines.get(0));
        JsonNode error = JSON.readTree(lines.get(1));
        assertThat(info.toString()).contains("pi_3QzExample").contains("c6af9ac6-7b61-11e6-9a41-93e812345678");
        assertThat(error.toString()).contains("IllegalStateException").contains("FirstLogLines");
    }

    private static String only(List<String> classPath, String prefix) {
        List<String> matches = classPath.stream().filter(entry -> Path.of(entry).getFileName().toString().startsWith(prefix))
                .toList();
        assertThat(matches).as("jars named %s* on the test class path", prefix).hasSize(1);
        return matches.get(0);
    }

    private static long jarBytes(Backend backend, List<String> classPath) throws Exception {
        long bytes = 0;
        for (String prefix : backend.jarPrefixes()) {
            bytes += Files.size(Path.of(only(classPath, prefix)));
        }
        return bytes;
    }

    private static long median(List<long[]> runs, int index) {
        long[] values = runs.stream().mapToLong(run -> run[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private static long min(List<long[]> runs, int index) {
        return runs.stream().mapToLong(run -> run[index]).min().orElseThrow();
    }

    private static long max(List<long[]> runs, int index) {
        return runs.stream().mapToLong(run -> run[index]).max().orElseThrow();
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /**
     * @param jarPrefixes the jars the backend adds to a function's jar
     * @param sharedJarPrefixes jars it needs that the functions ship anyway (Jackson)
     */
    private record Backend(List<String> jarPrefixes, List<String> sharedJarPrefixes, String configFolder, boolean json) {
    }
}
