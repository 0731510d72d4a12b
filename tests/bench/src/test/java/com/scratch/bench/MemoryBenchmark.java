package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.bench.runtime.HeapInfo;
import com.scratch.bench.runtime.LambdaMemorySetting;
import com.scratch.bench.runtime.ProcessMemory;
import com.scratch.bench.runtime.WarmContainer;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.testing.BenchmarkReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Figure 6 of issue 10: the memory of a warm container. For each memory setting (1024 MB, serverless.yml's, and
 * 512 MB) and each side, a container started with the JVM options Lambda's Java runtime derives from the setting
 * ({@link LambdaMemorySetting}) and {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, then {@code bench.invocations} (1,000)
 * purchases one after another, the first of them the cold one; then the JVM's peak resident set ({@code VmHWM} of
 * {@code /proc/<pid>/status}, the java process itself), its resident set at that moment ({@code VmRSS}), and its heap
 * and metaspace ({@code jcmd GC.heap_info}). {@code bench.memoryRuns} (3) rounds, the order of the sides swapped
 * each round. Every purchase must be a 200 with its charge, publish and record, or the benchmark fails. Writes
 * {@code target/benchmarks/memory.md} and the generated section {@code memory} of BENCHMARKS.md.
 */
class MemoryBenchmark {

    private static final int INVOCATIONS = Integer.getInteger("bench.invocations", 1000);
    private static final int RUNS = Integer.getInteger("bench.memoryRuns", 3);
    private static final List<LambdaMemorySetting> SETTINGS =
            List.of(new LambdaMemorySetting(1024), new LambdaMemorySetting(512));
    private static final Duration INIT_WITHIN = Duration.ofSeconds(60);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    @Test
    void peakMemoryOfAWarmContainer() throws Exception {
        Path root = RepositoryRoot.find();
        Contenders contenders = Contenders.prepare(root, Path.of("target", "bench"));
        MachineState machine = new MachineState();
        Map<String, List<Footprint>> footprints = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        try (PurchaseStack stack = new PurchaseStack(root)) {
            for (int run = 0; run < RUNS; run++) {
                for (LambdaMemorySetting setting : SETTINGS) {
                    machine.sample();
                    List<Contenders.Contender> order = run % 2 == 0 ? contenders.both()
                            : List.of(contenders.baseline(), contenders.billing());
                    for (Contenders.Contender contender : order) {
                        String key = key(contender.name(), setting);
                        if (failures.containsKey(key)) {
                            continue;
                        }
                        try {
                            Footprint footprint = footprint(stack, contender.withMemorySize(setting.megabytes()),
                                    setting, run);
                            footprints.computeIfAbsent(key, k -> new ArrayList<>()).add(footprint);
                        } catch (AssertionError | RuntimeException e) {
                            // The rest is still measured and the report says why this one is missing; the run fails
                            // below.
                            failures.put(key, e.getMessage());
                        }
                    }
                }
            }
            machine.sample();
        }
        String report = report(contenders, footprints, failures, machine);
        BenchmarkReport.write(Path.of("target", "benchmarks", "memory.md"), report);
        // A shortened run (fewer invocations, tried with -Dbench.invocations) is not issue 10's figure.
        if (INVOCATIONS >= 1000 && Contenders.billingIsThisBuild()
                && GeneratedSection.replace(root.resolve("BENCHMARKS.md"), "memory", report)) {
            System.out.println("BENCHMARKS.md: section memory rewritten");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("Figure 6 could not be measured for " + String.join(" and ", failures.keySet())
                    + " MB (the report says so): " + failures);
        }
    }

    /** One container under one setting, after its purchases. */
    private static Footprint footprint(PurchaseStack stack, Contenders.Contender contender,
            LambdaMemorySetting setting, int run) throws Exception {
        PurchaseStack.Effects before = stack.effects();
        String name = contender.name() + "-" + setting.megabytes() + "mb-" + run;
        try (WarmContainer container = contender.container(stack, setting.jvmOptions(), "memory-" + name)) {
            container.awaitInit(INIT_WITHIN);
            for (int i = 0; i < INVOCATIONS; i++) {
                PurchaseStack.requirePurchased(name + ": purchase " + (i + 1) + (i == 0 ? " (cold)" : " (warm)"),
                        container.invoke(stack.purchaseEvent(), ANSWER_WITHIN), container.output());
            }
            // The resident set first: attaching jcmd starts threads in the JVM, which would count.
            ProcessMemory memory = ProcessMemory.of(container.pid());
            assertThat(memory.name()).as("the process measured is the function's JVM, not a wrapper").isEqualTo("java");
            HeapInfo heap = HeapInfo.of(container.pid());
            assertThat(stack.effects()).as("%s: one charge, one publish and one record for each of its %d purchases",
                    name, INVOCATIONS).isEqualTo(before.plus(INVOCATIONS));
            return new Footprint(memory, heap);
        }
    }

    /** What a container held after its purchases. */
    record Footprint(ProcessMemory memory, HeapInfo heap) {
    }

    private static String key(String contender, LambdaMemorySetting setting) {
        return contender + " " + setting.megabytes();
    }

    private static String report(Contenders contenders, Map<String, List<Footprint>> footprints,
            Map<String, String> failures, MachineState machine) {
        StringBuilder out = new StringBuilder();
        out.append("Command: `" + ColdStartBenchmark.COMMAND + "` (class `MemoryBenchmark`; writes "
                + "`tests/bench/target/benchmarks/memory.md` and this section). ")
                .append(contenders.candidateNote()).append(machine.describe())
                .append("\n\n");
        out.append(String.format(Locale.ROOT, "Per memory setting and side, %d containers (one per round, the sides' "
                + "order swapped each round), each a fresh JVM with the runtime's options for the setting, %,d "
                + "purchases one after another (the first the cold one), then read. *Peak RSS*: `VmHWM` of the JVM's "
                + "`/proc/<pid>/status`; *RSS at the end*: `VmRSS`; heap and metaspace from `jcmd <pid> GC.heap_info` "
                + "right after (heap used as it was, garbage included: no collection forced). Median of the rounds, "
                + "range in brackets. MB = 1,048,576 bytes, as Lambda counts memory.%n%n", RUNS, INVOCATIONS));
        for (LambdaMemorySetting setting : SETTINGS) {
            out.append(String.format(Locale.ROOT, "**%d MB** (JVM options: `%s`):%n%n", setting.megabytes(),
                    String.join(" ", setting.jvmOptions())));
            out.append("| contender | peak RSS | share of the setting | RSS at the end | heap used / committed "
                    + "(max) | metaspace used (max) |\n| --- | --- | --- | --- | --- | --- |\n");
            for (Contenders.Contender contender : contenders.both()) {
                String key = key(contender.name(), setting);
                List<Footprint> runs = footprints.get(key);
                if (failures.containsKey(key)) {
                    out.append(String.format(Locale.ROOT, "| %s | **could not be measured**: %s | | | | |%n",
                            contender.name(), failures.get(key).replace("|", "\\|")));
                    continue;
                }
                Spread peak = spread(runs, f -> f.memory().peakRssMb());
                out.append(String.format(Locale.ROOT, "| %s | **%s** | %.0f%% | %s | %.0f / %.0f MB (%.0f MB) | "
                                + "%.1f MB (%.0f MB) |%n", contender.name(), mb(peak),
                        100 * peak.median() / setting.megabytes(), mb(spread(runs, f -> f.memory().rssMb())),
                        spread(runs, f -> f.heap().heapUsedKb() / 1024.0).median(),
                        spread(runs, f -> f.heap().heapCommittedKb() / 1024.0).median(),
                        setting.maxHeapKb() / 1024.0,
                        spread(runs, f -> f.heap().metaspaceUsedKb() / 1024.0).median(),
                        setting.maxMetaspaceKb() / 1024.0));
            }
            if (failures.containsKey(key("billing", setting)) || failures.containsKey(key("baseline", setting))) {
                out.append("\nPeak RSS, billing / baseline: **not measured** (a side could not complete its "
                        + "purchases).\n\n");
                continue;
            }
            double ratio = spread(footprints.get(key("billing", setting)), f -> f.memory().peakRssMb()).median()
                    / spread(footprints.get(key("baseline", setting)), f -> f.memory().peakRssMb()).median();
            out.append(String.format(Locale.ROOT, "%nPeak RSS, billing / baseline: **%.2f**.%n%n", ratio));
        }
        return out.toString();
    }

    private static Spread spread(List<Footprint> runs, ToDoubleFunction<Footprint> value) {
        return Spread.of(runs.stream().map(value::applyAsDouble).toList());
    }

    private static String mb(Spread spread) {
        return spread.n() == 1 ? String.format(Locale.ROOT, "%.0f MB", spread.median())
                : String.format(Locale.ROOT, "%.0f MB (%.0f–%.0f)", spread.median(), spread.min(), spread.max());
    }
}
