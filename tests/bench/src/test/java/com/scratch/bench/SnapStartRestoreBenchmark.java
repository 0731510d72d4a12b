package com.scratch.bench;

import com.scratch.bench.runtime.SnapStartRestore;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.testing.BenchmarkReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Figure 2 of issue 10: the SnapStart restore path, from the restore to the first response, for billing primed (as
 * deployed), billing with {@code PRIMING=off}, and the baseline (no hooks), each under the runtime
 * interface client with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} ({@link SnapStartRestore}: init, the
 * {@code beforeCheckpoint} hooks, {@code restore/next} held for {@code bench.snapshotPauseMillis} (1000), then the
 * {@code afterRestore} hooks and one purchase). There is no CRaC JVM here: the restore happens in the same process,
 * so this is the code path after a restore, not the page-in of a restored snapshot. One round not counted, then
 * {@code bench.snapStartRounds} (15) rounds, the three sides rotated (abc, bca, cab, ...); medians, quartiles, ranges,
 * ratios. Then one run of each with {@code -Xlog:class+load}: how many classes each loads after the restore. Every run
 * must be a 200 with one charge, one publish and one record. Writes {@code target/benchmarks/snapstart-restore.md} and
 * the generated section of BENCHMARKS.md (only a run of at least 9 rounds, of this build's billing jar).
 */
class SnapStartRestoreBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.snapStartRounds", 15);
    private static final int MIN_ROUNDS_FOR_THE_RECORD = 9;
    private static final Duration SNAPSHOT_PAUSE = Duration.ofMillis(Integer.getInteger("bench.snapshotPauseMillis",
            1000));
    private static final int BIGGEST_LIBRARIES = 5;

    /** One side of the figure: a contender's task root, with variables added to its environment. */
    record Side(String name, Contenders.Contender contender, Map<String, String> variables) {

        SnapStartRestore restore(PurchaseStack stack, List<String> jvmOptions, Duration snapshotPause, String run) {
            return contender.snapStartRestore(stack, variables, jvmOptions, snapshotPause, fileName() + "-" + run);
        }

        /** The name as a file name: {@code billing-not-primed}. */
        String fileName() {
            return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        }
    }

    /** Billing as deployed (PRIMING unset: primed), billing not primed, the baseline (which has no hooks). */
    static List<Side> sides(Contenders contenders) {
        return List.of(new Side("billing, primed", contenders.billing(), Map.of()),
                new Side("billing, not primed", contenders.billing(), Map.of("PRIMING", "off")),
                new Side("baseline", contenders.baseline(), Map.of()));
    }

    /** The class-load log of one profiled run, split at the restore. */
    record RestoreProfile(SnapStartRestore run, ClassLoadLog classes) {

        List<ClassLoadLog.LoadedClass> afterTheRestore() {
            return classes.classes().stream()
                    .filter(loaded -> loaded.uptimeNanos() / 1e6 > run.holdMidpointMillis()).toList();
        }
    }

    @Test
    void restoreToFirstResponse() throws Exception {
        Path root = RepositoryRoot.find();
        Path work = Path.of("target", "bench");
        Contenders contenders = Contenders.prepare(root, work);
        List<Side> sides = sides(contenders);
        MachineState machine = new MachineState();
        Map<String, List<SnapStartRestore>> timed = new LinkedHashMap<>();
        Map<String, RestoreProfile> profiles = new LinkedHashMap<>();
        sides.forEach(side -> timed.put(side.name(), new ArrayList<>()));
        try (PurchaseStack stack = new PurchaseStack(root)) {
            machine.sample();
            for (Side side : sides) {
                checked(stack, side, List.of(), "warm-up");
            }
            for (int round = 0; round < ROUNDS; round++) {
                machine.sample();
                for (int i = 0; i < sides.size(); i++) {
                    Side side = sides.get((round + i) % sides.size());
                    timed.get(side.name()).add(checked(stack, side, List.of(), "run-" + round));
                }
            }
            machine.sample();
            for (Side side : sides) {
                Path classLog = work.resolve("profiles").resolve(side.fileName() + "-snapstart-class-load.log");
                Files.createDirectories(classLog.getParent());
                SnapStartRestore profiled = checked(stack, side,
                        List.of("-Xlog:class+load=info:file=" + classLog.toAbsolutePath() + ":uptimenanos"), "profile");
                profiles.put(side.name(), new RestoreProfile(profiled, ClassLoadLog.read(classLog)));
            }
            machine.sample();
        }
        String report = report(contenders, sides, timed, profiles, machine);
        BenchmarkReport.write(Path.of("target", "benchmarks", "snapstart-restore.md"), report);
        if (ROUNDS >= MIN_ROUNDS_FOR_THE_RECORD && Contenders.billingIsThisBuild()
                && GeneratedSection.replace(root.resolve("BENCHMARKS.md"), "snapstart-restore", report)) {
            System.out.println("BENCHMARKS.md: section snapstart-restore rewritten");
        }
    }

    private static SnapStartRestore checked(PurchaseStack stack, Side side, List<String> jvmOptions, String run) {
        PurchaseStack.Effects before = stack.effects();
        SnapStartRestore restore = side.restore(stack, jvmOptions, SNAPSHOT_PAUSE, run);
        stack.assertOnePurchase(before, restore.answered(), restore.response(), side.name() + " " + run,
                restore.output());
        return restore;
    }

    private static String report(Contenders contenders, List<Side> sides, Map<String, List<SnapStartRestore>> timed,
            Map<String, RestoreProfile> profiles, MachineState machine) {
        StringBuilder out = new StringBuilder();
        out.append("Command: `").append(ColdStartBenchmark.COMMAND).append("` (class `SnapStartRestoreBenchmark`; writes "
                + "`tests/bench/target/benchmarks/snapstart-restore.md` and this section). ")
                .append(contenders.candidateNote()).append(machine.describe()).append("\n\n");
        out.append(String.format(Locale.ROOT, "%d rounds, the three sides rotated (each first in a third of them), "
                + "after one round not counted; each run a fresh JVM with `AWS_LAMBDA_INITIALIZATION_TYPE=snap-start`, "
                + "`restore/next` held %d ms after it was asked for, then one purchase (200, one PaymentIntent, one "
                + "NotePurchased, one record). *Restore → first response*: from `restore/next` answered to the "
                + "response; *afterRestore*: from `restore/next` answered to the runtime's first `next` (the hooks); "
                + "*first invocation*: the event handed out to the response; *CPU after the restore*: the JVM's CPU "
                + "time (user + system, all threads) from just before the restore to the response; *init*: process "
                + "start to `restore/next` asked for (includes `beforeCheckpoint`, where billing primes).%n%n",
                ROUNDS, SNAPSHOT_PAUSE.toMillis()));
        out.append("| side | restore → first response: median (IQR, range) | afterRestore: median (IQR, range) "
                + "| first invocation: median (IQR, range) | CPU after the restore: median (IQR, range) "
                + "| init, to `restore/next`: median |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Side side : sides) {
            List<SnapStartRestore> runs = timed.get(side.name());
            out.append(String.format(Locale.ROOT, "| %s | **%s** | %s | %s | %s | %.0f ms |%n", side.name(),
                    spread(runs, SnapStartRestore::restoreToResponseMillis).millis(),
                    spread(runs, SnapStartRestore::afterRestoreMillis).millis(),
                    spread(runs, SnapStartRestore::invokeMillis).millis(),
                    spread(runs, SnapStartRestore::cpuAfterRestoreMillis).millis(),
                    spread(runs, SnapStartRestore::initMillis).median()));
        }
        out.append("\n");
        ratio(out, timed, "billing, not primed", "billing, primed", "what priming saves after the restore");
        ratio(out, timed, "billing, primed", "baseline", "billing as deployed against the usual way");
        out.append("\nEvery run, restore → first response in ms (round order): ");
        out.append(sides.stream().map(side -> side.name() + " " + timed.get(side.name()).stream()
                .map(run -> String.format(Locale.ROOT, "%.0f", run.restoreToResponseMillis())).toList())
                .collect(Collectors.joining("; "))).append(".\n\n");
        classTable(out, sides, profiles);
        return out.toString();
    }

    /** The ratio of the medians of {@code numerator} over {@code denominator}, and per round. */
    private static void ratio(StringBuilder out, Map<String, List<SnapStartRestore>> timed, String numerator,
            String denominator, String what) {
        List<SnapStartRestore> top = timed.get(numerator);
        List<SnapStartRestore> bottom = timed.get(denominator);
        double medians = spread(top, SnapStartRestore::restoreToResponseMillis).median()
                / spread(bottom, SnapStartRestore::restoreToResponseMillis).median();
        double cpu = spread(top, SnapStartRestore::cpuAfterRestoreMillis).median()
                / spread(bottom, SnapStartRestore::cpuAfterRestoreMillis).median();
        List<Double> perRound = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            perRound.add(top.get(i).restoreToResponseMillis() / bottom.get(i).restoreToResponseMillis());
        }
        Spread rounds = Spread.of(perRound);
        out.append(String.format(Locale.ROOT, "- %s / %s (%s): ratio of the medians **%.2f**, per round median %.2f "
                        + "(range %.2f–%.2f; %s faster in %d of %d rounds); CPU after the restore %.2f.%n", numerator,
                denominator, what, medians, rounds.median(), rounds.min(), rounds.max(), denominator,
                perRound.stream().filter(r -> r > 1).count(), perRound.size(), cpu));
    }

    private static void classTable(StringBuilder out, List<Side> sides, Map<String, RestoreProfile> profiles) {
        out.append("Classes loaded before and after the restore, from one more run of each with "
                + "`-Xlog:class+load` (not timed; split in the middle of the hold before the restore, while the JVM "
                + "loads nothing):\n\n"
                + "| side | restore → first response (this run) | classes before the restore | after it | "
                + "after it, the biggest libraries |\n| --- | --- | --- | --- | --- |\n");
        for (Side side : sides) {
            RestoreProfile profile = profiles.get(side.name());
            List<ClassLoadLog.LoadedClass> after = profile.afterTheRestore();
            Map<String, Long> byLibrary = after.stream()
                    .collect(Collectors.groupingBy(loaded -> Libraries.ofClass(loaded.name()), Collectors.counting()));
            String biggest = byLibrary.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(BIGGEST_LIBRARIES).map(entry -> entry.getKey() + " " + entry.getValue())
                    .collect(Collectors.joining(", "));
            out.append(String.format(Locale.ROOT, "| %s | %.0f ms | %d | %d | %s |%n", side.name(),
                    profile.run().restoreToResponseMillis(), profile.classes().count() - after.size(), after.size(),
                    biggest));
        }
    }

    private static Spread spread(List<SnapStartRestore> runs, ToDoubleFunction<SnapStartRestore> figure) {
        return Spread.of(runs.stream().map(run -> figure.applyAsDouble(run)).toList());
    }
}
