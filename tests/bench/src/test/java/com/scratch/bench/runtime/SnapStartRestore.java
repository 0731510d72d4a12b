package com.scratch.bench.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One SnapStart start, as far as it can be had without a snapshot: a fresh JVM under the runtime interface client with
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, so that after init it runs the {@code beforeCheckpoint} hooks and
 * asks for {@code restore/next}; the local Runtime API holds that call for {@code snapshotPause} (where Lambda would
 * take the snapshot; here the JVM just waits, so that what init left running, such as the JIT's queue, is not counted
 * after the restore), then answers it, and the runtime runs the {@code afterRestore} hooks and takes its first event.
 * The restore is in the same process right after init: no snapshot is written or read, so this times the code path
 * after a restore (the hooks, what they read, the first invocation), not the page-in of a restored snapshot's memory.
 *
 * @param initMillis process start to {@code restore/next} asked for: JVM start, the runtime, the handler's class and
 *     constructor, the {@code beforeCheckpoint} hooks (priming)
 * @param afterRestoreMillis {@code restore/next} answered to the runtime's first {@code next}: the
 *     {@code afterRestore} hooks (and the runtime's few steps between them and its loop)
 * @param invokeMillis the event handed out to the response: the first invocation after the restore
 * @param restoreToResponseMillis {@code restore/next} answered to the response: what a restored function's first
 *     caller waits for, less Lambda's own restore
 * @param cpuAfterRestoreMillis CPU time (user and system, every thread) the JVM used from just before the restore to
 *     the response; -1 where the OS does not tell
 * @param restoredAtMillis when the restore was let through, in ms since just before the process was started
 * @param answered false when the runtime reported an error (init, checkpoint, restore or invocation) instead
 * @param response the response body, or the error
 * @param output where the JVM's stdout and stderr went
 */
public record SnapStartRestore(double initMillis, double afterRestoreMillis, double invokeMillis,
        double restoreToResponseMillis, double cpuAfterRestoreMillis, double restoredAtMillis, boolean answered,
        String response, Path output) {

    public static final String INITIALIZATION_TYPE_VARIABLE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /**
     * The middle of the hold, in ms since just before the process was started: the JVM loads nothing for
     * {@code snapshotPause} before the restore, so this splits its class-load log (stamped with JVM uptime, a clock that
     * starts some ms after the harness's) into before and after the restore, whatever that offset.
     */
    public double holdMidpointMillis() {
        return (initMillis + restoredAtMillis) / 2;
    }
    private static final long TIMEOUT_SECONDS = 60;

    /** Runs {@code handler} through init, a restore and one event; fails if any step takes over 60 s. */
    public static SnapStartRestore run(LambdaJvm jvm, TaskRoot taskRoot, String handler,
            Map<String, String> environment, List<String> jvmOptions, String event, Duration snapshotPause,
            Path output) {
        Map<String, String> snapStart = new HashMap<>(environment);
        snapStart.put(INITIALIZATION_TYPE_VARIABLE, "snap-start");
        try (LocalRuntimeApi runtimeApi = LocalRuntimeApi.startHoldingRestore()) {
            LocalRuntimeApi.Invocation invocation = runtimeApi.invoke(UUID.randomUUID().toString(), event);
            long started = System.nanoTime();
            Process process = jvm.start(taskRoot, handler, snapStart, jvmOptions, runtimeApi.address(), output);
            try {
                // An init that fails reports to init/error, which ends the invocation: no restore is asked for then.
                CompletableFuture.anyOf(runtimeApi.restoreRequested(), invocation.outcome())
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!runtimeApi.restoreRequested().isDone()) {
                    LocalRuntimeApi.Outcome failed = invocation.outcome().get();
                    return new SnapStartRestore(millis(failed.at() - started), -1, -1, -1, -1, -1, false,
                            failed.body(), output);
                }
                long requested = runtimeApi.restoreRequested().get();
                Thread.sleep(snapshotPause.toMillis());
                double cpuAtRestore = cpuMillis(process);
                runtimeApi.restore();
                LocalRuntimeApi.Outcome outcome = invocation.outcome().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                double cpuAtResponse = cpuMillis(process);
                long restored = runtimeApi.restored().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long firstNext = runtimeApi.nextRequests().isEmpty() ? outcome.at() : runtimeApi.nextRequests().get(0);
                long handedOut = invocation.handedOutAt() == 0 ? outcome.at() : invocation.handedOutAt();
                return new SnapStartRestore(millis(requested - started), millis(firstNext - restored),
                        millis(outcome.at() - handedOut), millis(outcome.at() - restored),
                        cpuAtRestore < 0 || cpuAtResponse < 0 ? -1 : cpuAtResponse - cpuAtRestore,
                        millis(restored - started), outcome.answered(), outcome.body(), output);
            } catch (TimeoutException e) {
                throw new IllegalStateException(handler + " did not get through init, restore and its first event "
                        + "within " + TIMEOUT_SECONDS + " s each; its output is in " + output, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } finally {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static double cpuMillis(Process process) {
        return process.toHandle().info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e6).orElse(-1.0);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
