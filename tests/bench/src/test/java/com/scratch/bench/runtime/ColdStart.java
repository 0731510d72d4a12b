package com.scratch.bench.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One cold start as Lambda has it: a fresh JVM under the runtime interface client, one event, timed from just before
 * the process is started to the arrival of the response at the Runtime API; then the JVM is killed, as Lambda freezes
 * and eventually drops an environment.
 *
 * @param totalMillis process start to the response (what the first caller waits for, less the unzip and the network)
 * @param initMillis process start to the first {@code next}: JVM start, the runtime, the handler's class and constructor
 * @param invokeMillis the event handed out to the response: the first invocation
 * @param cpuMillis CPU time (user and system, every thread) the JVM had used when its response arrived: what the cold
 *     start costs in work, much less dependent than the wall times on what else the machine is running (and what a
 *     function with a fraction of a vCPU, 1024 MB being about 0.6 of one, pays for in wall time); -1 where the OS
 *     does not tell
 * @param answered false when the runtime reported an error (init or invocation) instead of a response
 * @param response the response body (the proxy response as the runtime serialised it), or the error
 * @param output where the JVM's stdout and stderr went
 */
public record ColdStart(double totalMillis, double initMillis, double invokeMillis, double cpuMillis, boolean answered,
        String response, Path output) {

    /** How the JVM is ended once it has answered. */
    public enum Ending {
        /** {@code SIGKILL}, at once: Lambda drops a frozen environment without running anything in it. */
        KILLED,
        /**
         * {@code SIGTERM}, then up to 120 s for the JVM to exit: it runs its shutdown, so that what is written at exit
         * (an {@code -XX:ArchiveClassesAtExit} archive) is written.
         */
        TERMINATED
    }

    /** Runs {@code function} cold on {@code event}, then kills it; fails if it has not answered within 60 s. */
    public static ColdStart run(LambdaJvm jvm, TaskRoot taskRoot, String handler, Map<String, String> environment,
            List<String> jvmOptions, String event, Path output) {
        return run(jvm, taskRoot, handler, environment, jvmOptions, event, output, Ending.KILLED);
    }

    /** Runs {@code function} cold on {@code event}, then ends it as {@code ending} says. */
    public static ColdStart run(LambdaJvm jvm, TaskRoot taskRoot, String handler, Map<String, String> environment,
            List<String> jvmOptions, String event, Path output, Ending ending) {
        try (LocalRuntimeApi runtimeApi = LocalRuntimeApi.start()) {
            LocalRuntimeApi.Invocation invocation = runtimeApi.invoke(UUID.randomUUID().toString(), event);
            long started = System.nanoTime();
            Process process = jvm.start(taskRoot, handler, environment, jvmOptions, runtimeApi.address(), output);
            try {
                LocalRuntimeApi.Outcome outcome = invocation.outcome().get(60, TimeUnit.SECONDS);
                double cpuMillis = process.toHandle().info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e6)
                        .orElse(-1.0);
                long firstNext = runtimeApi.nextRequests().isEmpty() ? outcome.at() : runtimeApi.nextRequests().get(0);
                long handedOut = invocation.handedOutAt() == 0 ? outcome.at() : invocation.handedOutAt();
                return new ColdStart(millis(outcome.at() - started), millis(firstNext - started),
                        millis(outcome.at() - handedOut), cpuMillis, outcome.answered(), outcome.body(), output);
            } catch (TimeoutException e) {
                throw new IllegalStateException(handler + " did not answer within 60 s; its output is in " + output, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } finally {
                end(process, ending, output);
            }
        }
    }

    private static void end(Process process, Ending ending, Path output) {
        try {
            if (ending == Ending.TERMINATED) {
                process.destroy();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("The JVM did not exit within 120 s of SIGTERM; output in "
                            + output);
                }
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
