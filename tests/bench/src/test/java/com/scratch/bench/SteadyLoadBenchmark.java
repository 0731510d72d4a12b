package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.bench.runtime.PacedSchedule;
import com.scratch.bench.runtime.WarmContainer;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.testing.BenchmarkReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Figure 4 of issue 10: Parameter Store calls under steady load. One container (one JVM, kept warm) per side: after
 * its cold start, purchases paced at {@code bench.rate} (100) a second for {@code bench.seconds} (60) s, one at a
 * time ({@link PacedSchedule}), each with an Idempotency-Key of its own. The local SSM counts the read calls
 * ({@code GetParameter}, {@code GetParameters}) received during init, during the cold (first) invocation and during
 * the load. Billing keeps the Stripe key for 5 minutes and reads it once, at init; the baseline's Powertools provider
 * caches it for 5 s, so it reads it again every 5 s. Every invocation must be a 200 purchase, and the stack must show
 * one charge, one publish and one record for each, or the benchmark fails. Writes
 * {@code target/benchmarks/steady-load.md} and the generated section {@code steady-load} of BENCHMARKS.md.
 */
class SteadyLoadBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 100);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final Duration INIT_WITHIN = Duration.ofSeconds(60);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    /** The rate is also given per window of this many seconds: how it changed as the JIT compiled the path. */
    private static final int WINDOW_SECONDS = 10;
    /** Issue 10's goal for billing: the one read at init, none under load. */
    private static final int GOAL = 1;

    @Test
    void secretReadsUnderSteadyLoad() throws Exception {
        Path root = RepositoryRoot.find();
        Contenders contenders = Contenders.prepare(root, Path.of("target", "bench"));
        MachineState machine = new MachineState();
        Map<String, Load> loads = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        try (PurchaseStack stack = new PurchaseStack(root)) {
            for (Contenders.Contender contender : contenders.both()) {
                machine.sample();
                try {
                    loads.put(contender.name(), load(stack, contender));
                } catch (AssertionError | RuntimeException e) {
                    // The other side is still measured and the report says why this one is missing; the run fails
                    // below.
                    failures.put(contender.name(), e.getMessage());
                }
            }
            machine.sample();
        }
        String report = report(contenders, loads, failures, machine);
        BenchmarkReport.write(Path.of("target", "benchmarks", "steady-load.md"), report);
        // A shortened or slower run (tried with -Dbench.seconds or -Dbench.rate) is not issue 10's figure.
        if (RATE == 100 && SECONDS >= 60 && Contenders.billingIsThisBuild()
                && GeneratedSection.replace(root.resolve("BENCHMARKS.md"), "steady-load", report)) {
            System.out.println("BENCHMARKS.md: section steady-load rewritten");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("Figure 4 could not be measured for " + String.join(" and ", failures.keySet())
                    + " (the report says so): " + failures);
        }
    }

    /** One side's container: cold start, then the paced load. */
    private static Load load(PurchaseStack stack, Contenders.Contender contender) throws Exception {
        PurchaseStack.Effects before = stack.effects();
        PurchaseStack.SsmReads atStart = stack.ssmReads();
        try (WarmContainer container = contender.container(stack, List.of(), "steady-load")) {
            long initDone = container.awaitInit(INIT_WITHIN);
            PurchaseStack.SsmReads afterInit = stack.ssmReads();
            WarmContainer.Invoked cold = container.invoke(stack.purchaseEvent(), ANSWER_WITHIN);
            PurchaseStack.requirePurchased(contender.name() + "'s first purchase (cold)", cold, container.output());
            PurchaseStack.SsmReads afterCold = stack.ssmReads();

            PacedSchedule schedule = PacedSchedule.of(System.nanoTime(), RATE, SECONDS);
            List<Double> millis = new ArrayList<>();
            List<Double> readAtSeconds = new ArrayList<>();
            int[] answeredPerWindow = new int[(SECONDS + WINDOW_SECONDS - 1) / WINDOW_SECONDS + 1];
            long previousAnswered = schedule.start();
            long mostBehind = 0;
            int late = 0;
            int reads = afterCold.total();
            for (int i = 0; ; i++) {
                long sendAt = schedule.sendAt(i, previousAnswered);
                if (!schedule.within(sendAt)) {
                    break;
                }
                LockSupport.parkNanos(sendAt - System.nanoTime());
                long behind = Math.max(0, System.nanoTime() - schedule.dueAt(i));
                mostBehind = Math.max(mostBehind, behind);
                late += behind > 1_000_000 ? 1 : 0;
                WarmContainer.Invoked invoked = container.invoke(stack.purchaseEvent(), ANSWER_WITHIN);
                PurchaseStack.requirePurchased(contender.name() + "'s purchase " + (i + 2) + " (warm)", invoked,
                        container.output());
                millis.add(invoked.millis());
                previousAnswered = invoked.outcome().at();
                int window = (int) ((previousAnswered - schedule.start()) / 1_000_000_000L / WINDOW_SECONDS);
                answeredPerWindow[Math.min(window, answeredPerWindow.length - 1)]++;
                int readsNow = stack.ssmReads().total();
                if (readsNow > reads) {
                    readAtSeconds.add((invoked.handedOutAt() - schedule.start()) / 1e9);
                    reads = readsNow;
                }
            }
            PurchaseStack.SsmReads afterLoad = stack.ssmReads();
            double cpuMillis = container.cpuMillis();
            int purchases = 1 + millis.size();
            assertThat(stack.effects()).as("%s: one charge, one publish and one record for each of its %d purchases",
                    contender.name(), purchases).isEqualTo(before.plus(purchases));
            return new Load(afterInit.since(atStart), afterCold.since(afterInit), afterLoad.since(afterCold),
                    (initDone - container.startedAt()) / 1e6, cold.millis(), millis.size(),
                    (previousAnswered - schedule.start()) / 1e9, schedule.planned(), late, mostBehind / 1e6,
                    Spread.of(millis), Spread.quantile(millis, 0.99), readAtSeconds, answeredPerWindow, cpuMillis);
        }
    }

    /** What one side did under load; times in ms unless named otherwise. */
    record Load(PurchaseStack.SsmReads atInit, PurchaseStack.SsmReads inColdInvocation,
            PurchaseStack.SsmReads underLoad, double initMillis, double coldInvocationMillis, int invocations,
            double loadSeconds, long planned, int late, double mostBehindMillis, Spread invocationMillis,
            double p99Millis, List<Double> readsAtSeconds, int[] answeredPerWindow, double cpuMillis) {

        int total() {
            return atInit.total() + inColdInvocation.total() + underLoad.total();
        }

        double achievedRate() {
            return invocations / loadSeconds;
        }
    }

    private static String report(Contenders contenders, Map<String, Load> loads, Map<String, String> failures,
            MachineState machine) {
        StringBuilder out = new StringBuilder();
        out.append("Command: `" + ColdStartBenchmark.COMMAND + "` (class `SteadyLoadBenchmark`; writes "
                + "`tests/bench/target/benchmarks/steady-load.md` and this section). ")
                .append(contenders.candidateNote()).append(machine.describe())
                .append("\n\n");
        out.append(String.format(Locale.ROOT, "One container per side, one after the other on the same local stack: "
                + "its cold start (init, then a first purchase), then purchases due every %.0f ms (%d a second) for "
                + "%d s, one at a time; a purchase due while the one before is running goes when it is answered. SSM "
                + "read calls (`GetParameter` + `GetParameters`) as the local SSM received them: *init* before the "
                + "runtime's first `next`, *cold invocation* during the first purchase, *under load* during the %d s. "
                + "Invocation time: the event handed out to the response. Every purchase a 200 with its charge, "
                + "publish and record.%n%n", 1000.0 / RATE, RATE, SECONDS, SECONDS));
        out.append("| contender | SSM calls: init | cold invocation | under load | **total** | purchases under load "
                + "(rate achieved) | invocation p50 / p99 | behind schedule |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Contenders.Contender contender : contenders.both()) {
            Load load = loads.get(contender.name());
            if (load == null) {
                out.append(String.format(Locale.ROOT, "| %s (`%s`) | **could not be measured**: %s | | | | | | |%n",
                        contender.name(), contender.handler(), failures.get(contender.name()).replace("|", "\\|")));
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s (`%s`) | %s | %s | %s | **%d** | %,d of %,d in %.1f s "
                            + "(%.1f/s) | %.1f ms / %.1f ms | %d late by more than 1 ms, at most %.0f ms |%n",
                    contender.name(), contender.handler(), load.atInit().describe(),
                    load.inColdInvocation().describe(), load.underLoad().describe(), load.total(),
                    load.invocations(), load.planned(), load.loadSeconds(), load.achievedRate(),
                    load.invocationMillis().median(), load.p99Millis(), load.late(), load.mostBehindMillis()));
        }
        Load billing = loads.get("billing");
        Load baseline = loads.get("baseline");
        if (billing == null || baseline == null) {
            out.append(String.format(Locale.ROOT, "%nSSM calls in all, billing / baseline: **not measured** (goal for "
                    + "billing: %d: not shown to be met): %s could not complete the load.%n", GOAL,
                    String.join(" and ", failures.keySet())));
        } else {
            out.append(String.format(Locale.ROOT, "%nSSM calls in all, billing / baseline: **%d / %d = %.2f** (goal "
                            + "for billing: %d: %s). Under load alone: %d / %d.%n%n", billing.total(),
                    baseline.total(), (double) billing.total() / baseline.total(), GOAL,
                    billing.total() <= GOAL ? "met" : "**not met**", billing.underLoad().total(),
                    baseline.underLoad().total()));
            out.append(String.format(Locale.ROOT, "Invocation time, billing / baseline: p50 %.2f, p99 %.2f.%n",
                    billing.invocationMillis().median() / baseline.invocationMillis().median(),
                    billing.p99Millis() / baseline.p99Millis()));
        }
        List<String> coldStarts = new ArrayList<>();
        List<String> readTimes = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        List<String> windows = new ArrayList<>();
        loads.forEach((name, load) -> {
            windows.add(name + " " + Arrays.toString(load.answeredPerWindow()));
            coldStarts.add(String.format(Locale.ROOT, "%s init %.0f ms, first purchase %.0f ms", name,
                    load.initMillis(), load.coldInvocationMillis()));
            readTimes.add(name + " " + (load.readsAtSeconds().isEmpty() ? "never" : load.readsAtSeconds().stream()
                    .map(at -> String.format(Locale.ROOT, "%.2f", at)).toList().toString()));
            cpu.add(String.format(Locale.ROOT, "%s %.0f ms", name, load.cpuMillis()));
        });
        if (!loads.isEmpty()) {
            out.append("\nCold start of each container (not part of the figure): ")
                    .append(String.join("; ", coldStarts))
                    .append(".\n\nWhen SSM was called under load (seconds into the load, at the start of the "
                            + "invocation that saw the call): ").append(String.join("; ", readTimes))
                    .append(String.format(Locale.ROOT, ".%n%nPurchases answered in each %d s of the load, in order "
                            + "(the last count is those answered after its end): ", WINDOW_SECONDS))
                    .append(String.join("; ", windows))
                    .append(".\n\nJVM CPU time (user + system) from its start to the end of the load: ")
                    .append(String.join(", ", cpu)).append(".\n");
        }
        return out.toString();
    }
}
