package com.scratch.logbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.testing.BenchmarkReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: what each JSON logging candidate adds to a Lambda cold start. Each candidate runs in fresh JVMs, with only
 * its own jars, its configuration (src/backends/NAME/) and the functions' JVM flags, the way a cold start logs: the
 * first slf4j call, one line with key-values, one error with a cause, exit. Runs are interleaved (a, b, c, d, then
 * b, c, d, a, ...) so a slow moment of the machine falls on all of them; one round before is not counted (it reads
 * the jars into the page cache). Every run's output is checked: one JSON object per event with the keys Powertools
 * Logging uses and the stack trace inside (slf4j-simple excepted, the plain-text baseline). Run with
 * {@code mvn -B -ntp verify -Pbenchmarks -pl tests/logging-backends -am}; the table goes to stdout and to
 * {@code target/benchmarks/logging-backends.md}.
 */
class LoggingBackendsBenchmark {

    /** Launches per backend; -Dlogbench.runs=1 for a quick check of the wiring. */
    private static final int RUNS = Integer.getInteger("logbench.runs", 15);
    /** As the functions run: JAVA_TOOL_OPTIONS in services/billing-api/serverless.yml (and notify-job's). */
    private static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    private static final String TRACE_ROOT = "1-67891233-abcdef012345678912345678";
    /** What the Lambda runtime sets, and what the functions set themselves (STAGE, the service's name). */
    private static final Map<String, String> LAMBDA_ENV = Map.of(
            "AWS_REGION", "us-east-1",
            "AWS_LAMBDA_FUNCTION_NAME", FakeContext.FUNCTION_NAME,
            "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
            "_X_AMZN_TRACE_ID", "Root=" + TRACE_ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1",
            "STAGE", "dev",
            "SERVICE_NAME", "billing-api",
            "POWERTOOLS_SERVICE_NAME", "billing-api");

    /** On every candidate's class path and not counted as its cost: the functions have them already. */
    private static final List<String> BASE = List.of("org.slf4j:slf4j-api", "com.amazonaws:aws-lambda-java-core");
    /** Jars a candidate brings that both functions' jars hold today (slf4j-simple; libs/events' Jackson;
     * aws-lambda-java-events and its joda-time; the SDK's annotations and utils-lite). */
    private static final Set<String> ALREADY_SHIPPED = Set.of("org.slf4j:slf4j-simple",
            "com.fasterxml.jackson.core:jackson-core", "com.fasterxml.jackson.core:jackson-databind",
            "com.fasterxml.jackson.core:jackson-annotations", "com.amazonaws:aws-lambda-java-events",
            "joda-time:joda-time", "software.amazon.awssdk:annotations", "software.amazon.awssdk:utils-lite");
    private static final List<String> LOG4J = List.of(
            "org.apache.logging.log4j:log4j-api", "org.apache.logging.log4j:log4j-core",
            "org.apache.logging.log4j:log4j-slf4j2-impl", "org.apache.logging.log4j:log4j-layout-template-json");
    private static final List<String> JACKSON = List.of(
            "com.fasterxml.jackson.core:jackson-core", "com.fasterxml.jackson.core:jackson-databind",
            "com.fasterxml.jackson.core:jackson-annotations");

    record Backend(String name, String main, List<String> artifacts, boolean json) {
    }

    private static final List<Backend> BACKENDS = List.of(
            new Backend("slf4j-simple", ColdStartMain.class.getName(), List.of("org.slf4j:slf4j-simple"), false),
            new Backend("log4j2", ColdStartMain.class.getName(), LOG4J, true),
            new Backend("logback", ColdStartMain.class.getName(), concat(List.of(
                    "ch.qos.logback:logback-core", "ch.qos.logback:logback-classic",
                    "net.logstash.logback:logstash-logback-encoder"), JACKSON), true),
            new Backend("powertools", PowertoolsMain.class.getName(), concat(List.of(
                    "software.amazon.lambda:powertools-logging-log4j", "software.amazon.lambda:powertools-logging",
                    "software.amazon.lambda:powertools-common", "software.amazon.lambda:powertools-serialization",
                    "software.amazon.awssdk:utils-lite", "software.amazon.awssdk:annotations",
                    "io.burt:jmespath-jackson", "io.burt:jmespath-core", "com.amazonaws:aws-lambda-java-events",
                    "joda-time:joda-time", "com.fasterxml.jackson.datatype:jackson-datatype-joda"),
                    concat(JACKSON, LOG4J)), true));

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path runs = Path.of("target", "logging-backends");

    @Test
    void coldStartCostOfEachLoggingBackend() throws Exception {
        Files.createDirectories(runs);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (Backend backend : BACKENDS) {
            measured.put(backend.name(), new Measured(backend, jarsOf(backend.artifacts())));
        }
        for (int round = -1; round < RUNS; round++) {
            for (int i = 0; i < BACKENDS.size(); i++) {
                Backend backend = BACKENDS.get(Math.floorMod(round + i, BACKENDS.size()));
                Run run = launch(java, backend, measured.get(backend.name()), round);
                if (round >= 0) {
                    measured.get(backend.name()).add(run);
                }
            }
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        BenchmarkReport.write(Path.of("target", "benchmarks", "logging-backends.md"),
                report(measured, loadBefore, loadAfter));
    }

    private Run launch(String java, Backend backend, Measured measured, int round) throws Exception {
        String id = backend.name() + "-" + (round < 0 ? "warm-up" : String.valueOf(round));
        Path out = runs.resolve(id + ".out");
        Path err = runs.resolve(id + ".err");
        Path timing = runs.resolve(id + ".timing");
        Files.deleteIfExists(timing);
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_FLAGS);
        command.add("-Dlogbench.timing=" + timing);
        command.add("-cp");
        command.add(measured.classPath());
        command.add(backend.main());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(LAMBDA_ENV);
        long launched = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        long wallNanos = System.nanoTime() - launched;
        assertThat(exit).as("%s exit code; stderr: %s", id, Files.readString(err)).isZero();
        Map<String, Long> figures = Files.readAllLines(timing).stream().map(line -> line.split("="))
                .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1])));
        check(backend, id, Files.readString(out), Files.readString(err));
        return new Run(wallNanos, figures.get("init_and_first_line_ns"), figures.get("error_line_ns"));
    }

    /** One JSON object per line, one line per event, the Powertools keys, the stack trace inside the error's. */
    private static void check(Backend backend, String id, String stdout, String stderr) throws IOException {
        if (!backend.json()) {
            assertThat(stdout).as(id).contains("Purchase charged for 21 GB", "Announcing the purchase failed",
                    "Caused by: java.io.IOException");
            return;
        }
        assertThat(stderr).as("%s writes nothing to stderr", id).isEmpty();
        List<String> lines = stdout.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("%s: one line per event, two events:%n%s", id, stdout).hasSize(2);
        JsonNode info = JSON.readTree(lines.get(0));
        JsonNode error = JSON.readTree(lines.get(1));
        for (JsonNode event : List.of(info, error)) {
            assertThat(event.isObject()).as(id).isTrue();
            assertThat(event.path("timestamp").asText()).as("%s timestamp in %s", id, event)
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(event.path("service").asText()).as("%s service in %s", id, event).isEqualTo("billing-api");
            assertThat(event.path("stage").asText()).as("%s stage in %s", id, event).isEqualTo("dev");
            assertThat(event.path("function_name").asText()).as("%s function_name in %s", id, event)
                    .isEqualTo(FakeContext.FUNCTION_NAME);
            assertThat(event.path("function_request_id").asText()).as("%s function_request_id in %s", id, event)
                    .isEqualTo(FakeContext.REQUEST_ID);
            assertThat(event.path("cold_start").asText()).as("%s cold_start in %s", id, event).isEqualTo("true");
            assertThat(event.path("xray_trace_id").asText()).as("%s xray_trace_id in %s", id, event)
                    .isEqualTo(TRACE_ROOT);
            assertThat(event.path("logger").asText()).as("%s logger in %s", id, event).startsWith("com.scratch.logbench.");
            assertThat(event.path("paymentId").asText()).as("%s paymentId in %s", id, event).isEqualTo("pi_3QbenchAbCdEf");
            assertThat(event.path("amount").asText()).as("%s amount in %s", id, event).isEqualTo("2100");
        }
        assertThat(info.path("level").asText()).as(id).isEqualTo("INFO");
        assertThat(info.path("message").asText()).as(id).isEqualTo("Purchase charged for 21 GB");
        assertThat(info.has("error")).as("%s: no error on an event without one: %s", id, info).isFalse();
        assertThat(error.path("level").asText()).as(id).isEqualTo("ERROR");
        assertThat(error.path("message").asText()).as(id).isEqualTo("Announcing the purchase failed");
        JsonNode thrown = error.path("error");
        assertThat(thrown.path("name").asText()).as("%s error.name in %s", id, error)
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(thrown.path("message").asText()).as("%s error.message in %s", id, error)
                .isEqualTo("SNS Publish failed after 3 attempts");
        assertThat(thrown.path("stack").asText()).as("%s error.stack in %s", id, error)
                .contains("at com.scratch.logbench.Failures.publishFailed(",
                        "Caused by: java.io.IOException: Connection reset by sns.us-east-1");
    }

    /** Each artifact's jar, from this module's test class path (where Maven resolved every candidate's). */
    private static List<Path> jarsOf(List<String> artifacts) {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<Path> jars = new ArrayList<>();
        for (String artifact : artifacts) {
            String[] ga = artifact.split(":");
            String folder = File.separator + ga[0].replace('.', File.separatorChar) + File.separator + ga[1] + File.separator;
            List<String> found = classPath.stream().filter(entry -> entry.contains(folder) && entry.endsWith(".jar")).toList();
            assertThat(found).as("the jar of %s on the test class path", artifact).hasSize(1);
            jars.add(Path.of(found.get(0)));
        }
        return jars;
    }

    private static String testClasses() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith("test-classes")).findFirst().orElseThrow();
    }

    record Run(long wallNanos, long initNanos, long errorLineNanos) {
    }

    private static final class Measured {
        final Backend backend;
        final List<Path> jars;
        final List<Run> runs = new ArrayList<>();

        Measured(Backend backend, List<Path> jars) {
            this.backend = backend;
            this.jars = jars;
        }

        void add(Run run) {
            runs.add(run);
        }

        String classPath() {
            List<String> entries = new ArrayList<>();
            entries.add(testClasses());
            entries.add(Path.of("src", "backends", backend.name()).toAbsolutePath().toString());
            jarsOf(BASE).forEach(jar -> entries.add(jar.toString()));
            jars.forEach(jar -> entries.add(jar.toString()));
            return String.join(File.pathSeparator, entries);
        }

        long bytes(boolean newOnly) throws IOException {
            long total = 0;
            for (int i = 0; i < jars.size(); i++) {
                if (!newOnly || !ALREADY_SHIPPED.contains(backend.artifacts().get(i))) {
                    total += Files.size(jars.get(i));
                }
            }
            return total;
        }

        double[] millis(java.util.function.ToLongFunction<Run> figure) {
            return runs.stream().mapToLong(figure).mapToDouble(nanos -> nanos / 1e6).sorted().toArray();
        }
    }

    private static String report(Map<String, Measured> measured, String loadBefore, String loadAfter) throws IOException {
        Measured baseline = measured.get("slf4j-simple");
        double baseWall = median(baseline.millis(Run::wallNanos));
        double baseInit = median(baseline.millis(Run::initNanos));
        long baseBytes = baseline.bytes(false);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%d fresh JVMs per backend (%s, java %s, %d cores; load average before %s, after %s), "
                        + "interleaved; median (min–max), Δ = median minus slf4j-simple's:%n%n",
                RUNS, String.join(" ", JVM_FLAGS), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
        table.append("| backend | JSON as required | launch to exit | Δ | logging init + first line | Δ | error line (2nd event) "
                + "| jars over slf4j-api | Δ | of them not in today's function jars |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Measured m : measured.values()) {
            double[] wall = m.millis(Run::wallNanos);
            double[] init = m.millis(Run::initNanos);
            double[] errorLine = m.millis(Run::errorLineNanos);
            table.append(String.format(Locale.ROOT, "| %s | %s | %.0f ms (%.0f–%.0f) | %+.0f ms | %.1f ms (%.1f–%.1f) | %+.1f ms "
                            + "| %.1f ms (%.1f–%.1f) | %d jars, %s | %s | %s |%n",
                    m.backend.name(), m.backend.json() ? "yes (checked, every run)" : "no (plain text)",
                    median(wall), wall[0], wall[wall.length - 1], median(wall) - baseWall,
                    median(init), init[0], init[init.length - 1], median(init) - baseInit,
                    median(errorLine), errorLine[0], errorLine[errorLine.length - 1],
                    m.jars.size(), kb(m.bytes(false)), signedKb(m.bytes(false) - baseBytes), kb(m.bytes(true))));
        }
        table.append("\nJars each backend adds over slf4j-api (and aws-lambda-java-core, which every function has):\n\n");
        for (Measured m : measured.values()) {
            table.append("- ").append(m.backend.name()).append(": ").append(m.jars.stream().map(jar -> {
                try {
                    return jar.getFileName() + " (" + kb(Files.size(jar)) + ")";
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining(", "))).append('\n');
        }
        return table.toString();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%,d KB", Math.round(bytes / 1024.0));
    }

    private static String signedKb(long bytes) {
        return String.format(Locale.ROOT, "%+,d KB", Math.round(bytes / 1024.0));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
