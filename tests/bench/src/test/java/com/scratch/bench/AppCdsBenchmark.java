package com.scratch.bench;

import com.scratch.bench.runtime.ColdStart;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.testing.BenchmarkReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, class data sharing: what an application CDS archive gives billing's cold start (and the baseline's) here.
 * For each, a training run (a cold start and one purchase, as in figure 1) with {@code -XX:ArchiveClassesAtExit}
 * added to the function's {@code JAVA_TOOL_OPTIONS}, ended with SIGTERM so that the JVM exits and writes the dynamic
 * archive (layered on the JDK's own); then {@code bench.appCdsRounds} (12) rounds of cold starts with and without
 * {@code -XX:SharedArchiveFile=<that archive>} in {@code JAVA_TOOL_OPTIONS} (serverless.yml's options otherwise), the
 * four variants rotated, after one round not counted; medians, ranges, ratios. Then one run of each with
 * {@code -Xlog:class+load}: how many classes came from the JDK's archive and from the application archive, by where
 * they live (JDK, the runtime's class path, the task root the runtime's CustomerClassLoader reads, generated); and
 * one run of billing started as Lambda's java17 runtime starts its JVM ({@code -Xshare:on
 * -XX:SharedArchiveFile=<the runtime's archive>} on the command line), the application archive still in
 * {@code JAVA_TOOL_OPTIONS}. Every run must be a 200 with one charge, one publish and one record. Nothing here changes
 * what is deployed. Writes {@code target/benchmarks/app-cds.md} and the generated section of BENCHMARKS.md (only a run
 * of at least 9 rounds, of this build's billing jar).
 */
class AppCdsBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.appCdsRounds", 12);
    private static final int MIN_ROUNDS_FOR_THE_RECORD = 9;
    private static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    /** How Lambda's java17 runtime starts the JVM (as observed in 2023–2024), with this JDK's archive for its own. */
    private static final List<String> LAMBDA_JAVA17_SHARING = List.of("-Xshare:on",
            "-XX:SharedArchiveFile=" + Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"));

    /** A contender started with or without its application archive. */
    record Variant(String name, Contenders.Contender contender, Path archive) {

        boolean withArchive() {
            return archive != null;
        }

        /** serverless.yml's {@code JAVA_TOOL_OPTIONS}, plus the archive to read when there is one. */
        Map<String, String> variables() {
            String options = contender.deployed().javaToolOptions();
            return Map.of(JAVA_TOOL_OPTIONS, withArchive() ? options + " -XX:SharedArchiveFile=" + archive : options);
        }

        String fileName() {
            return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        }
    }

    /** A training run: the archive it wrote, how big, and how long the run took with the dump at exit. */
    record Training(Path archive, long bytes, double millis) {
    }

    /** One run under {@code -Xlog:class+load}. */
    record Profile(String name, ColdStart run, ClassLoadLog classes) {
    }

    @Test
    void appCdsArchiveAgainstNone() throws Exception {
        Path root = RepositoryRoot.find();
        Path work = Path.of("target", "bench");
        Contenders contenders = Contenders.prepare(root, work);
        MachineState machine = new MachineState();
        Map<String, Training> trainings = new LinkedHashMap<>();
        List<Variant> variants = new ArrayList<>();
        Map<String, List<ColdStart>> timed = new LinkedHashMap<>();
        List<Profile> profiles = new ArrayList<>();
        try (PurchaseStack stack = new PurchaseStack(root)) {
            machine.sample();
            for (Contenders.Contender contender : contenders.both()) {
                Training training = train(stack, contender, work.resolve("cds").resolve(contender.name() + ".jsa"));
                trainings.put(contender.name(), training);
                variants.add(new Variant(contender.name(), contender, null));
                variants.add(new Variant(contender.name() + " + app archive", contender, training.archive()));
            }
            variants.forEach(variant -> timed.put(variant.name(), new ArrayList<>()));
            for (Variant variant : variants) {
                checked(stack, variant, List.of(), "warm-up");
            }
            for (int round = 0; round < ROUNDS; round++) {
                machine.sample();
                for (int i = 0; i < variants.size(); i++) {
                    Variant variant = variants.get((round + i) % variants.size());
                    timed.get(variant.name()).add(checked(stack, variant, List.of(), "run-" + round));
                }
            }
            machine.sample();
            for (Variant variant : variants) {
                profiles.add(profiled(stack, variant, variant.name(), List.of(), work));
            }
            Variant billingWithArchive = variants.get(1);
            profiles.add(profiled(stack, billingWithArchive, billingWithArchive.name()
                    + ", started as Lambda's java17 runtime starts the JVM", LAMBDA_JAVA17_SHARING, work));
            machine.sample();
        }
        String report = report(contenders, trainings, variants, timed, profiles, machine);
        BenchmarkReport.write(Path.of("target", "benchmarks", "app-cds.md"), report);
        if (ROUNDS >= MIN_ROUNDS_FOR_THE_RECORD && Contenders.billingIsThisBuild()
                && GeneratedSection.replace(root.resolve("BENCHMARKS.md"), "app-cds", report)) {
            System.out.println("BENCHMARKS.md: section app-cds rewritten");
        }
    }

    /** A cold start that writes a dynamic archive of every class it loaded when its JVM exits. */
    private static Training train(PurchaseStack stack, Contenders.Contender contender, Path archive)
            throws IOException {
        Files.createDirectories(archive.getParent());
        Files.deleteIfExists(archive);
        PurchaseStack.Effects before = stack.effects();
        long started = System.nanoTime();
        ColdStart run = contender.coldStart(stack, Map.of(JAVA_TOOL_OPTIONS, contender.deployed().javaToolOptions()
                        + " -XX:ArchiveClassesAtExit=" + archive.toAbsolutePath()), List.of(), "cds-training",
                ColdStart.Ending.TERMINATED);
        double millis = (System.nanoTime() - started) / 1e6;
        stack.assertOnePurchase(before, run.answered(), run.response(), contender.name() + " training", run.output());
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("The training run wrote no archive at " + archive + "; output in "
                    + run.output());
        }
        return new Training(archive.toAbsolutePath(), Files.size(archive), millis);
    }

    private static ColdStart checked(PurchaseStack stack, Variant variant, List<String> jvmOptions, String run) {
        PurchaseStack.Effects before = stack.effects();
        ColdStart coldStart = variant.contender().coldStart(stack, variant.variables(), jvmOptions,
                variant.fileName() + "-" + run, ColdStart.Ending.KILLED);
        stack.assertOnePurchase(before, coldStart.answered(), coldStart.response(), variant.name() + " " + run,
                coldStart.output());
        return coldStart;
    }

    private static Profile profiled(PurchaseStack stack, Variant variant, String name, List<String> jvmOptions,
            Path work) throws IOException {
        Path classLog = work.resolve("profiles").resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + "-cds-class-load.log");
        Files.createDirectories(classLog.getParent());
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xlog:class+load=info:file=" + classLog.toAbsolutePath() + ":uptimenanos");
        ColdStart run = checked(stack, variant, options, "profile" + (jvmOptions.isEmpty() ? "" : "-lambda-like"));
        return new Profile(name, run, ClassLoadLog.read(classLog));
    }

    private static String report(Contenders contenders, Map<String, Training> trainings, List<Variant> variants,
            Map<String, List<ColdStart>> timed, List<Profile> profiles, MachineState machine) {
        StringBuilder out = new StringBuilder();
        out.append("Command: `").append(ColdStartBenchmark.COMMAND).append("` (class `AppCdsBenchmark`; writes "
                + "`tests/bench/target/benchmarks/app-cds.md` and this section). ").append(contenders.candidateNote())
                .append(machine.describe()).append("\n\n");
        out.append("Training runs (one cold start and purchase each, `-XX:ArchiveClassesAtExit` added to "
                + "`JAVA_TOOL_OPTIONS`, SIGTERM after the response; the dynamic archive is written as the JVM "
                + "exits):\n\n| contender | archive | size | training run, start to exit |\n"
                + "| --- | --- | --- | --- |\n");
        Path module = Path.of("").toAbsolutePath();
        trainings.forEach((name, training) -> out.append(String.format(Locale.ROOT,
                "| %s | `tests/bench/%s` | %.1f MB | %.0f ms |%n", name, module.relativize(training.archive()),
                training.bytes() / 1e6, training.millis())));
        out.append(String.format(Locale.ROOT, "%n%d rounds, the four variants rotated, after one round not counted; "
                + "each run a fresh JVM and one purchase, as in figure 1 (times from just before the process starts; "
                + "JVM CPU time up to the response). With the archive, `JAVA_TOOL_OPTIONS` is serverless.yml's `%s` plus "
                + "`-XX:SharedArchiveFile=<archive>` (`-Xshare:auto`, the default: an archive that does not fit is "
                + "ignored).%n%n| variant | to first response: median (IQR, range) | init: median (IQR, range) "
                + "| first invocation: median | JVM CPU time: median (IQR, range) |%n| --- | --- | --- | --- | --- |%n",
                ROUNDS, contenders.billing().deployed().javaToolOptions()));
        for (Variant variant : variants) {
            List<ColdStart> runs = timed.get(variant.name());
            out.append(String.format(Locale.ROOT, "| %s | **%s** | %s | %.0f ms | %s |%n", variant.name(),
                    spread(runs, ColdStart::totalMillis).millis(), spread(runs, ColdStart::initMillis).millis(),
                    spread(runs, ColdStart::invokeMillis).median(), spread(runs, ColdStart::cpuMillis).millis()));
        }
        out.append("\n");
        for (Contenders.Contender contender : contenders.both()) {
            ratio(out, timed.get(contender.name() + " + app archive"), timed.get(contender.name()), contender.name());
        }
        out.append("\nEvery run, in ms to first response (round order): ");
        out.append(variants.stream().map(variant -> variant.name() + " " + timed.get(variant.name()).stream()
                .map(run -> String.format(Locale.ROOT, "%.0f", run.totalMillis())).toList())
                .collect(Collectors.joining("; "))).append(".\n\n");
        classTable(out, contenders, profiles);
        return out.toString();
    }

    /** With the archive over without: ratio of the medians, per round, CPU. */
    private static void ratio(StringBuilder out, List<ColdStart> with, List<ColdStart> without, String name) {
        double withMedian = spread(with, ColdStart::totalMillis).median();
        double withoutMedian = spread(without, ColdStart::totalMillis).median();
        double cpu = spread(with, ColdStart::cpuMillis).median() / spread(without, ColdStart::cpuMillis).median();
        List<Double> perRound = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            perRound.add(with.get(i).totalMillis() / without.get(i).totalMillis());
        }
        Spread rounds = Spread.of(perRound);
        out.append(String.format(Locale.ROOT, "- %s, with the archive / without: ratio of the medians **%.2f** "
                        + "(%+.0f ms), per round median %.2f (range %.2f–%.2f; faster with it in %d of %d rounds); JVM "
                        + "CPU time %.2f.%n", name, withMedian / withoutMedian, withMedian - withoutMedian,
                rounds.median(), rounds.min(), rounds.max(), perRound.stream().filter(r -> r < 1).count(),
                perRound.size(), cpu));
    }

    /** Where each profiled run's classes came from, by origin (looked up in the same contender's run without). */
    private static void classTable(StringBuilder out, Contenders contenders, List<Profile> profiles) {
        out.append("Where the classes came from: one more run of each with `-Xlog:class+load` (not timed). A class "
                + "loaded from an archive is logged as `shared objects file` (the JDK's) or `shared objects file "
                + "(top)` (the application archive layered on it); where it lives is looked up by its name in the run "
                + "of the same contender without the archive.\n\n| run | classes loaded | from the JDK's archive "
                + "| from the application archive | of these, by where they live |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (Profile profile : profiles) {
            String contender = profile.name().startsWith("billing") ? "billing" : "baseline";
            Contenders.Contender side = contender.equals("billing") ? contenders.billing() : contenders.baseline();
            Profile without = profiles.stream().filter(p -> p.name().equals(contender)).findFirst().orElseThrow();
            Map<String, ClassOrigin> origins = ClassOrigin.byName(without.classes(), side.taskRoot().folder());
            Map<ClassOrigin, Long> archived = new EnumMap<>(ClassOrigin.class);
            Map<ClassOrigin, Long> all = new EnumMap<>(ClassOrigin.class);
            for (ClassLoadLog.LoadedClass loaded : profile.classes().classes()) {
                ClassOrigin origin = origins.getOrDefault(loaded.name(), ClassOrigin.GENERATED);
                all.merge(origin, 1L, Long::sum);
                if (loaded.fromDynamicArchive()) {
                    archived.merge(origin, 1L, Long::sum);
                }
            }
            String byOrigin = archived.isEmpty() ? "–" : archived.entrySet().stream()
                    .map(entry -> String.format(Locale.ROOT, "%s: %d of %d", entry.getKey().description(),
                            entry.getValue(), all.get(entry.getKey())))
                    .collect(Collectors.joining("; "));
            long fromApplicationArchive = profile.classes().fromDynamicArchive();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", profile.name(),
                    profile.classes().count(), profile.classes().fromSharedArchive() - fromApplicationArchive,
                    fromApplicationArchive, byOrigin));
        }
    }

    private static Spread spread(List<ColdStart> runs, ToDoubleFunction<ColdStart> figure) {
        return Spread.of(runs.stream().map(run -> figure.applyAsDouble(run)).toList());
    }
}
