package com.scratch.bench;

import com.scratch.bench.warm.Invocations;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.testing.BenchmarkReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Figure 3 of issue 10: a warm invocation, measured with JMH ({@code SampleTime}: p50, p99 and the rest over every
 * sampled invocation), billing beside the baseline written the usual way, in the same run.
 *
 * <p>Each side runs in JVMs of its own, as in Lambda each function has its own: for each run this class starts
 * {@code java -cp <the side's task root, JMH, this module's test classes> org.openjdk.jmh.Main} with the function's
 * environment ({@link PurchaseStack#functionEnvironment}, serverless.yml's {@code JAVA_TOOL_OPTIONS} included, and
 * what Lambda adds: {@code LAMBDA_TASK_ROOT}, ...), and JMH forks one JVM per benchmark from it, which inherits that
 * environment and gets the runtime's JVM options for billing's memory setting ({@code LambdaMemorySetting}). The
 * benchmarks ({@code com.scratch.bench.warm}) build the handler as Lambda does and call it with an event of its own
 * per invocation; the stand-ins (SSM, Stripe, DynamoDB, SNS) run here, fresh for each run, and an X-Ray daemon that
 * counts what it receives. Runs, in order: billing and the baseline against the stand-ins, in turn, twice each
 * ({@code -Dbench.jmh.rounds}; the machine is shared, so the sides take turns, as in figure 1, and their rounds are
 * merged), billing's own work with in-memory payments and announcements (without tracing, and with X-Ray), the
 * runtime's typed event serialisation alone (what the baseline's signature costs).
 *
 * <p>Every invocation must be a 200 purchase (the benchmarks check each answer); against the stand-ins, every
 * invocation the benchmark JVM made must have left exactly one PaymentIntent, one {@code NotePurchased} and one
 * announcement record, or the benchmark fails. Nothing is asserted about a time. Writes
 * {@code target/benchmarks/warm-invocation.md} (and the JMH JSON files beside it) and the generated section
 * {@code warm-invocation} of BENCHMARKS.md, unless the run was shortened ({@code -Dbench.jmh.*} below the defaults),
 * limited to some runs ({@code -Dbench.warm.only=billing-own-work,...}: ids or their beginnings) or measured a
 * candidate billing jar.
 */
class WarmInvocationBenchmark {

    /** Runs to make, by id; all when empty. */
    private static final String ONLY = System.getProperty("bench.warm.only", "");
    /** Issue 10's goal for billing's own work, p50. */
    static final double OWN_WORK_GOAL_MS = 0.3;
    private static final String EVENT = "services/billing-api/src/test/resources/events/billing-payment-method.json";
    private static final String JMH_MAIN = "org.openjdk.jmh.Main";

    @Test
    void warmInvocation() throws Exception {
        Path root = RepositoryRoot.find();
        Contenders contenders = Contenders.prepare(root, Path.of("target", "bench"));
        Path results = Path.of("target", "benchmarks", "warm-invocation").toAbsolutePath();
        Files.createDirectories(results);
        Path output = Path.of("target", "bench", "output").toAbsolutePath();
        Files.createDirectories(output);
        Settings settings = Settings.fromSystemProperties();
        List<WarmRun> all = runs(contenders, settings.rounds());
        List<WarmRun> runs = all.stream().filter(run -> ONLY.isBlank()
                || Arrays.stream(ONLY.split(",")).anyMatch(only -> run.id().equals(only) || run.id().startsWith(only + "-")))
                .toList();
        MachineState machine = new MachineState();
        List<Measured> measured = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (WarmRun run : runs) {
            machine.sample();
            try {
                measured.add(measure(root, contenders, run, settings, results,
                        output.resolve("warm-" + run.id() + ".log")));
            } catch (AssertionError | RuntimeException e) {
                // The other runs are still made and the report says why this one is missing; the run fails below.
                failures.put(run.id(), e.getMessage());
            }
        }
        machine.sample();
        String report = report(contenders, settings, measured, failures, machine);
        BenchmarkReport.write(results.resolveSibling("warm-invocation.md"), report);
        if (settings.forTheRecord() && Contenders.billingIsThisBuild() && runs.size() == all.size()
                && GeneratedSection.replace(root.resolve("BENCHMARKS.md"), "warm-invocation", report)) {
            System.out.println("BENCHMARKS.md: section warm-invocation rewritten");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("Figure 3 could not be measured for " + String.join(" and ", failures.keySet())
                    + " (the report says so): " + failures);
        }
    }

    /**
     * How long JMH runs each benchmark, and the profilers it adds: {@code -Dbench.jmh.warmups} (3),
     * {@code -Dbench.jmh.warmupSeconds} (5), {@code -Dbench.jmh.iterations} (5), {@code -Dbench.jmh.seconds} (5),
     * {@code -Dbench.jmh.rounds} (2: how many times the two sides against the stand-ins are run, in turn),
     * {@code -Dbench.jmh.profiler} (one more than {@code gc}, e.g. {@code stack}, or
     * {@code 'jfr:dir=target/jfr;configName=profile'}: without {@code dir}, JMH writes its recordings into the module's
     * folder).
     */
    record Settings(int warmups, int warmupSeconds, int iterations, int seconds, int rounds, List<String> profilers) {

        static Settings fromSystemProperties() {
            String extra = System.getProperty("bench.jmh.profiler", "");
            return new Settings(Integer.getInteger("bench.jmh.warmups", 3),
                    Integer.getInteger("bench.jmh.warmupSeconds", 5), Integer.getInteger("bench.jmh.iterations", 5),
                    Integer.getInteger("bench.jmh.seconds", 5), Integer.getInteger("bench.jmh.rounds", 2),
                    extra.isBlank() ? List.of("gc") : List.of("gc", extra));
        }

        /** Whether this run is issue 10's figure: the defaults or more, no profiler but {@code gc}. */
        boolean forTheRecord() {
            return warmups >= 3 && warmupSeconds >= 5 && iterations >= 5 && seconds >= 5 && rounds >= 2
                    && profilers.equals(List.of("gc"));
        }
    }

    /** One JMH run: a side, the benchmarks it runs, and whether they purchase from the stand-ins. */
    record WarmRun(String id, Contenders.Contender contender, String benchmark, List<String> params,
            boolean purchases) {
    }

    /**
     * The runs, in order: the two sides against the stand-ins, {@code rounds} times, in turn (billing first in the
     * first round, the baseline first in the second, ...), each round on stand-ins of its own; then billing's own
     * work, without tracing and with X-Ray; then the runtime's serialisation.
     */
    static List<WarmRun> runs(Contenders contenders, int rounds) {
        String warm = "com.scratch.bench.warm.";
        List<WarmRun> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            WarmRun billing = new WarmRun("billing-loopback-" + round, contenders.billing(),
                    warm + "BillingInvocation.loopback", List.of(), true);
            WarmRun baseline = new WarmRun("baseline-loopback-" + round, contenders.baseline(),
                    warm + "BaselineInvocation.loopback", List.of(), true);
            runs.addAll(round % 2 == 1 ? List.of(billing, baseline) : List.of(baseline, billing));
        }
        runs.addAll(List.of(
                new WarmRun("billing-own-work-none", contenders.billing(), warm + "BillingInvocation.ownWork",
                        List.of("-p", "tracing=none"), false),
                new WarmRun("billing-own-work-xray", contenders.billing(), warm + "BillingInvocation.ownWork",
                        List.of("-p", "tracing=xray"), false),
                new WarmRun("baseline-serialisation", contenders.baseline(),
                        warm + "BaselineInvocation.runtimeSerialisation", List.of(), false)));
        return runs;
    }

    /** What one run gave: JMH's figures, what the benchmark JVMs said they did, what the stand-ins saw. */
    record Measured(WarmRun run, List<JmhResults.Result> results, List<Map<String, String>> stats,
            PurchaseStack.Effects effects, long xrayDatagrams, Map<String, List<Double>> tracedCalls) {
    }

    /** Datagrams kept per run against the stand-ins, to time their calls out: several per invocation, a few MB. */
    private static final int KEPT_DATAGRAMS = 100_000;

    /** Makes one run with the stand-ins fresh for it; fails (AssertionError) when it did not measure purchases. */
    static Measured measure(Path root, Contenders contenders, WarmRun run, Settings settings, Path results, Path log)
            throws IOException, InterruptedException {
        try (PurchaseStack stack = new PurchaseStack(root);
                UdpSink xray = UdpSink.start(run.purchases() ? KEPT_DATAGRAMS : 0)) {
            PurchaseStack.Effects before = stack.effects();
            Path json = results.resolve(run.id() + ".json");
            Files.createDirectories(results);
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.deleteIfExists(json);
            ProcessBuilder builder = new ProcessBuilder(command(root, contenders, run, settings, json))
                    .directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment(stack, xray, run.contender()));
            Process jmh = builder.start();
            int benchmarks = run.params().isEmpty() ? 1 : run.params().get(1).split(",").length;
            long budgetSeconds = 120L + benchmarks * (settings.warmups() * (long) settings.warmupSeconds()
                    + settings.iterations() * (long) settings.seconds()) * 3L;
            if (!jmh.waitFor(budgetSeconds, TimeUnit.SECONDS)) {
                jmh.descendants().forEach(ProcessHandle::destroyForcibly);
                jmh.destroyForcibly();
                throw new AssertionError(run.id() + ": JMH did not finish within " + budgetSeconds + " s (output in "
                        + log + ")");
            }
            if (jmh.exitValue() != 0 || !Files.isRegularFile(json)) {
                throw new AssertionError(run.id() + ": JMH exited with " + jmh.exitValue() + ": " + firstError(log)
                        + " (output in " + log + ")");
            }
            List<JmhResults.Result> figures = JmhResults.read(json);
            if (figures.size() != benchmarks) {
                throw new AssertionError(run.id() + ": " + benchmarks + " benchmarks expected, JMH reported "
                        + figures.size() + " (output in " + log + ")");
            }
            List<Map<String, String>> stats = stats(log);
            PurchaseStack.Effects effects = stack.effects();
            if (run.purchases()) {
                long invocations = stats.stream().mapToLong(s -> Long.parseLong(s.getOrDefault("invocations", "0")))
                        .sum();
                PurchaseStack.Effects expected = before.plus(Math.toIntExact(invocations));
                if (invocations == 0 || !effects.equals(expected)) {
                    throw new AssertionError(run.id() + ": " + invocations + " invocations should have left one "
                            + "charge, one publish and one record each: expected " + expected + ", the stand-ins "
                            + "saw " + effects + " (output in " + log + ")");
                }
            }
            xray.close();
            // the calls of the measured iterations only: those that started after the warm-up
            List<String> datagrams = xray.kept();
            Map<String, List<Double>> calls = TracedCalls.millis(datagrams,
                    TracedCalls.firstStart(datagrams) + settings.warmups() * (double) settings.warmupSeconds());
            return new Measured(run, figures, stats, effects, xray.datagrams(), calls);
        }
    }

    /**
     * {@code java -cp ... org.openjdk.jmh.Main <benchmark> ...}: the class path is the side's task root (its
     * deployed jar, unzipped, as Lambda loads it), this module's test classes (the benchmarks and the code JMH
     * generated from them), JMH, and for the baseline the runtime's serialisation library.
     */
    private static List<String> command(Path root, Contenders contenders, WarmRun run, Settings settings, Path json) {
        List<String> classPath = new ArrayList<>();
        classPath.add(run.contender().taskRoot().folder().toAbsolutePath().toString());
        classPath.add(testClasses().toString());
        classPath.addAll(jmhJars());
        if (run.contender() == contenders.baseline()) {
            contenders.jvm().runtimeJars().stream()
                    .filter(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-serialization-"))
                    .forEach(jar -> classPath.add(jar.toAbsolutePath().toString()));
        }
        List<String> forkOptions = new ArrayList<>(new com.scratch.bench.runtime.LambdaMemorySetting(
                run.contender().deployed().memorySize()).jvmOptions());
        forkOptions.add("-D" + Invocations.EVENT_PROPERTY + "=" + root.resolve(EVENT).toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), JMH_MAIN,
                // the whole name: ownWork must not also match ownWorkSomething
                "^" + run.benchmark().replace(".", "\\.") + "$",
                "-bm", "sample", "-tu", "ms", "-f", "1", "-t", "1",
                "-wi", Integer.toString(settings.warmups()), "-w", settings.warmupSeconds() + "s",
                "-i", Integer.toString(settings.iterations()), "-r", settings.seconds() + "s",
                "-foe", "true", "-rf", "json", "-rff", json.toString(),
                "-jvmArgs", String.join(" ", forkOptions)));
        command.addAll(run.params());
        settings.profilers().forEach(profiler -> command.addAll(List.of("-prof", profiler)));
        return command;
    }

    /**
     * The function's environment as Lambda gives it, less the Runtime API (no runtime here: JMH calls the handler):
     * what {@code LambdaJvm} sets for every function, then the function's own variables, with X-Ray's daemon the
     * counting one.
     */
    private static Map<String, String> environment(PurchaseStack stack, UdpSink xray, Contenders.Contender side) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("LAMBDA_TASK_ROOT", side.taskRoot().folder().toAbsolutePath().toString());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/04/[$LATEST]bench");
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        env.putAll(stack.functionEnvironment(side.name(), side.deployed()));
        env.put("AWS_XRAY_DAEMON_ADDRESS", xray.address());
        return env;
    }

    private static Path testClasses() {
        return classPath().filter(entry -> entry.getFileName().toString().equals("test-classes")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No test-classes folder on the class path"));
    }

    private static List<String> jmhJars() {
        List<String> jars = new ArrayList<>();
        for (String artifact : List.of("jmh-core", "jopt-simple", "commons-math3")) {
            List<Path> found = classPath()
                    .filter(entry -> entry.getFileName().toString().matches(artifact + "-[0-9][^/]*\\.jar")).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("Expected one " + artifact + " jar on the class path, found " + found);
            }
            jars.add(found.get(0).toAbsolutePath().toString());
        }
        return jars;
    }

    private static Stream<Path> classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of);
    }

    private static List<Map<String, String>> stats(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(Invocations::parseReport).filter(java.util.Objects::nonNull).toList();
        }
    }

    /** The first line of the output that names an exception or error, for a one-line failure. */
    private static String firstError(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("Exception") || line.contains("Error:")
                    || line.contains("ERROR")).findFirst().map(String::strip).orElse("no error in its output");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The report

    /** A row of the figure: what it measures, the benchmark's name, and what its ratio is taken against. */
    private record Row(String label, String name, String runs, Against against) {
    }

    private enum Against { BASELINE, PART_OF_BASELINE, NOTHING }

    private static final String BILLING_LOOPBACK = "BillingInvocation.loopback";
    private static final String BASELINE_LOOPBACK = "BaselineInvocation.loopback";

    private static String report(Contenders contenders, Settings settings, List<Measured> measured,
            Map<String, String> failures, MachineState machine) {
        Map<String, List<JmhResults.Result>> byName = new LinkedHashMap<>();
        measured.forEach(m -> m.results().forEach(result ->
                byName.computeIfAbsent(result.name(), name -> new ArrayList<>()).add(result)));
        Map<String, JmhResults.Sampled> figures = new LinkedHashMap<>();
        byName.forEach((name, rounds) -> figures.put(name, JmhResults.Sampled.of(rounds)));

        StringBuilder out = new StringBuilder();
        out.append("Command: `").append(ColdStartBenchmark.COMMAND).append("` (class `WarmInvocationBenchmark`; "
                + "writes `tests/bench/target/benchmarks/warm-invocation.md`, JMH's JSON files in "
                + "`tests/bench/target/benchmarks/warm-invocation/`, and this section). ")
                .append(contenders.candidateNote()).append(machine.describe()).append("\n\n");
        out.append(String.format(Locale.ROOT, "JMH 1.37, `SampleTime` mode, one thread; each benchmark in a JVM of its "
                        + "own (one fork: the side's task root as class path, the function's environment, "
                        + "`JAVA_TOOL_OPTIONS=%s` and the runtime's options for %d MB), %d warm-up iterations of %d s, "
                        + "then %d measured iterations of %d s; the two sides against the stand-ins %d times each, in "
                        + "turn, on fresh stand-ins, their measured iterations merged. Times in ms per invocation, over "
                        + "every invocation JMH sampled in the measured iterations; *mean ± error*: the 99.9%% "
                        + "confidence interval of the mean, as JMH gives it; *allocated*: bytes allocated per "
                        + "invocation (`-prof gc`). Every invocation a 200 purchase with an Idempotency-Key of its own; "
                        + "the event's bytes are made and the trace header set before each invocation, outside the "
                        + "time measured.%n%n",
                contenders.billing().deployed().javaToolOptions(), contenders.billing().deployed().memorySize(),
                settings.warmups(), settings.warmupSeconds(), settings.iterations(), settings.seconds(),
                settings.rounds()));
        List<Row> rows = List.of(
                new Row("billing: warm invocation against the loopback stand-ins", BILLING_LOOPBACK,
                        "billing-loopback", Against.BASELINE),
                new Row("baseline: warm invocation against the loopback stand-ins (the runtime's typed event read "
                        + "and answer write included)", BASELINE_LOOPBACK, "baseline-loopback", Against.BASELINE),
                new Row("billing: own work, in-memory payments and announcements, no tracing (`ClientTracing.none()`)",
                        "BillingInvocation.ownWork[tracing=none]", "billing-own-work-none", Against.NOTHING),
                new Row("billing: own work, in-memory payments and announcements, X-Ray as in Lambda (span sent "
                        + "over UDP)", "BillingInvocation.ownWork[tracing=xray]", "billing-own-work-xray",
                        Against.NOTHING),
                new Row("baseline: own work", null, null, Against.NOTHING),
                new Row("baseline: the runtime's typed event serialisation alone (event read, 200 answer written; "
                        + "part of the baseline's invocation, which billing does not pay)",
                        "BaselineInvocation.runtimeSerialisation", "baseline-serialisation", Against.PART_OF_BASELINE));
        JmhResults.Sampled baseline = figures.get(BASELINE_LOOPBACK);
        out.append("| measured | p50 | p90 | p99 | p99.9 | max | mean ± error | samples | allocated | p50 / "
                + "baseline's | p99 / baseline's |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            JmhResults.Sampled r = row.name() == null ? null : figures.get(row.name());
            if (r == null) {
                String why = row.name() == null
                        ? "**not measurable**: its SSM provider, SNS and DynamoDB clients and Stripe's static client "
                                + "are built inside it, with no seam for fakes"
                        : missing(failures, row.runs());
                out.append("| ").append(row.label()).append(" | ").append(why).append(" | | | | | | | | | |\n");
                continue;
            }
            String p50Ratio;
            String p99Ratio = "";
            if (row.against() == Against.BASELINE && baseline != null) {
                p50Ratio = String.format(Locale.ROOT, "**%.2f**", r.p50() / baseline.p50());
                p99Ratio = String.format(Locale.ROOT, "**%.2f**", r.p99() / baseline.p99());
            } else if (row.against() == Against.PART_OF_BASELINE && baseline != null) {
                p50Ratio = String.format(Locale.ROOT, "%.1f%% of the baseline's p50", 100 * r.p50() / baseline.p50());
            } else if (row.against() == Against.NOTHING) {
                p50Ratio = "no baseline figure (its own work cannot be isolated)";
            } else {
                p50Ratio = "baseline not measured";
            }
            double allocated = byName.get(row.name()).stream().mapToDouble(JmhResults.Result::allocatedBytesPerOp)
                    .average().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "| %s | **%s** | %s | **%s** | %s | %s | %s ± %s | %,d | %s | %s | %s |%n",
                    row.label(), ms(r.p50()), ms(r.p90()), ms(r.p99()), ms(r.p999()), ms(r.max()), ms(r.mean()),
                    ms(r.error()), r.samples(), bytes(allocated), p50Ratio, p99Ratio));
        }
        out.append('\n');
        JmhResults.Sampled billing = figures.get(BILLING_LOOPBACK);
        if (billing != null && baseline != null) {
            out.append(String.format(Locale.ROOT, "Warm invocation against the stand-ins, billing / baseline: p50 "
                            + "**%.2f**, p99 **%.2f**, mean %.2f.%n%n", billing.p50() / baseline.p50(),
                    billing.p99() / baseline.p99(), billing.mean() / baseline.mean()));
            List<String> perRound = new ArrayList<>();
            List<JmhResults.Result> billingRounds = byName.get(BILLING_LOOPBACK);
            List<JmhResults.Result> baselineRounds = byName.get(BASELINE_LOOPBACK);
            for (int i = 0; i < Math.min(billingRounds.size(), baselineRounds.size()); i++) {
                JmhResults.Sampled b = JmhResults.Sampled.of(List.of(billingRounds.get(i)));
                JmhResults.Sampled u = JmhResults.Sampled.of(List.of(baselineRounds.get(i)));
                perRound.add(String.format(Locale.ROOT, "round %d: p50 %s / %s ms (%.2f), p99 %s / %s ms (%.2f)", i + 1,
                        ms(b.p50()), ms(u.p50()), b.p50() / u.p50(), ms(b.p99()), ms(u.p99()), b.p99() / u.p99()));
            }
            out.append("Each round alone, billing / baseline: ").append(String.join("; ", perRound)).append(".\n\n");
        } else {
            out.append("Warm invocation against the stand-ins, billing / baseline: **not measured** (a side failed, "
                    + "see the table).\n\n");
        }
        List<String> traced = new ArrayList<>();
        for (String side : List.of("billing", "baseline")) {
            Map<String, List<Double>> calls = new LinkedHashMap<>();
            measured.stream().filter(m -> m.run().purchases() && m.run().id().startsWith(side + "-"))
                    .forEach(m -> m.tracedCalls().forEach((kind, millis) ->
                            calls.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(millis)));
            if (!calls.isEmpty()) {
                traced.add(side + ": " + calls.entrySet().stream().map(call -> String.format(Locale.ROOT,
                        "%s %s / %s (%,d)", call.getKey(), ms(Spread.quantile(call.getValue(), 0.5)),
                        ms(Spread.quantile(call.getValue(), 0.99)), call.getValue().size()))
                        .collect(Collectors.joining(", ")));
            }
        }
        if (!traced.isEmpty()) {
            out.append("Against the stand-ins, each call as the side's own X-Ray subsegments time it (median / p99 in "
                    + "ms, whole milliseconds as the X-Ray SDK records them here, and how many; subsegments that "
                    + "started after the warm-up, both rounds; billing traces its "
                    + "invocation as `## handleRequest` with its calls inside, and its Stripe call; the baseline "
                    + "traces its SDK calls only): ").append(String.join("; ", traced)).append(".\n\n");
        }
        List<String> goals = new ArrayList<>();
        for (String tracing : List.of("none", "xray")) {
            JmhResults.Sampled own = figures.get("BillingInvocation.ownWork[tracing=" + tracing + "]");
            if (own != null) {
                goals.add(String.format(Locale.ROOT, "%s p50 %s ms: %s", tracing.equals("none") ? "without tracing"
                        : "with X-Ray", ms(own.p50()), own.p50() <= OWN_WORK_GOAL_MS ? "met" : "**not met**"));
            }
        }
        out.append(String.format(Locale.ROOT, "Goal for billing's own work, p50 ≤ %.1f ms: %s.%n%n", OWN_WORK_GOAL_MS,
                goals.isEmpty() ? "**not measured**" : String.join("; ", goals)));

        List<String> drift = new ArrayList<>();
        byName.forEach((name, rounds) -> drift.add(name + " " + rounds.stream()
                .map(round -> JmhResults.Sampled.of(List.of(round)).iterationMedians().stream()
                        .map(WarmInvocationBenchmark::ms).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(" "))));
        out.append("Median of each measured iteration, in order, a bracket per round (ms; drift shows here): ")
                .append(String.join("; ", drift)).append(".\n\n");

        List<String> gc = new ArrayList<>();
        byName.forEach((name, rounds) -> gc.add(String.format(Locale.ROOT, "%s %.0f collections, %.0f ms", name,
                rounds.stream().mapToDouble(JmhResults.Result::gcCount).sum(),
                rounds.stream().mapToDouble(JmhResults.Result::gcMillis).sum())));
        out.append("Garbage collections during the measured iterations (serial collector): ")
                .append(String.join("; ", gc)).append(".\n\n");

        List<String> did = new ArrayList<>();
        for (Measured m : measured) {
            long invocations = m.stats().stream().mapToLong(s -> Long.parseLong(s.getOrDefault("invocations", "0")))
                    .sum();
            for (Map<String, String> s : m.stats()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d invocations", m.run().id(),
                        Long.parseLong(s.getOrDefault("invocations", "0"))));
                if (m.run().purchases()) {
                    line.append(String.format(Locale.ROOT, " (%,d PaymentIntents, %,d NotePurchased published, %,d "
                            + "records at the stand-ins)", m.effects().charges(), m.effects().published(),
                            m.effects().recorded()));
                }
                if (s.containsKey("charges")) {
                    line.append(String.format(Locale.ROOT, " (%,d charges, %,d announced in memory)",
                            Long.parseLong(s.get("charges")), Long.parseLong(s.get("announced"))));
                }
                if (invocations > 0 && s.containsKey("stdoutLines")) {
                    line.append(String.format(Locale.ROOT, ", stdout %.2f lines and %.0f bytes per invocation",
                            Long.parseLong(s.get("stdoutLines")) / (double) invocations,
                            Long.parseLong(s.getOrDefault("stdoutBytes", "0")) / (double) invocations));
                }
                if (invocations > 0 && m.xrayDatagrams() > 0) {
                    line.append(String.format(Locale.ROOT, ", %.2f X-Ray datagrams per invocation",
                            m.xrayDatagrams() / (double) invocations));
                }
                did.add(line.toString());
            }
        }
        if (!did.isEmpty()) {
            out.append("What the invocations did (every invocation of each benchmark JVM, warm-up included; stdout "
                    + "and X-Ray counted where they arrived): ").append(String.join("; ", did)).append(".\n");
        }
        return out.toString();
    }

    /** Why the runs whose id starts with {@code runs} gave no figure. */
    private static String missing(Map<String, String> failures, String runs) {
        String failure = failures.entrySet().stream().filter(entry -> entry.getKey().startsWith(runs))
                .map(Map.Entry::getValue).collect(Collectors.joining("; "));
        return failure.isEmpty() ? "not run" : "**could not be measured**: " + failure.replace("|", "\\|");
    }

    /** Milliseconds to 3 significant decimals where small: 0.213, 2.41, 14.2. */
    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value < 1) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String bytes(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 10_240 ? String.format(Locale.ROOT, "%.0f kB", value / 1024)
                : String.format(Locale.ROOT, "%,.0f B", value);
    }
}
