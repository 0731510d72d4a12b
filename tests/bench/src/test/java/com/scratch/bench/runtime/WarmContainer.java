package com.scratch.bench.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment kept alive for many invocations, as Lambda keeps a container warm: one JVM under the
 * runtime interface client, its own local Runtime API, and one invocation at a time (the next event is queued only
 * once the previous one is answered, as Lambda sends a container one event at a time). {@link ColdStart} starts a JVM
 * for one event and kills it; this one stays until {@link #close()}.
 */
public final class WarmContainer implements AutoCloseable {

    private final LocalRuntimeApi runtimeApi;
    private final Process process;
    private final Path output;
    private final long startedAt;

    private WarmContainer(LocalRuntimeApi runtimeApi, Process process, Path output, long startedAt) {
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.output = output;
        this.startedAt = startedAt;
    }

    /**
     * Starts the function's JVM ({@link LambdaJvm#start}); it runs its init and then waits in
     * {@code GET .../invocation/next} for the first event.
     */
    public static WarmContainer start(LambdaJvm jvm, TaskRoot taskRoot, String handler, Map<String, String> environment,
            List<String> jvmOptions, Path output) {
        LocalRuntimeApi runtimeApi = LocalRuntimeApi.start();
        try {
            long startedAt = System.nanoTime();
            Process process = jvm.start(taskRoot, handler, environment, jvmOptions, runtimeApi.address(), output);
            return new WarmContainer(runtimeApi, process, output, startedAt);
        } catch (RuntimeException e) {
            runtimeApi.close();
            throw e;
        }
    }

    /**
     * Waits until the runtime first asks for an event, i.e. until init is done, and returns when that was
     * ({@link System#nanoTime()}); fails if init fails or takes longer than {@code timeout}.
     */
    public long awaitInit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (runtimeApi.nextRequests().isEmpty()) {
            if (runtimeApi.initError().isDone()) {
                throw new IllegalStateException("Init failed: " + runtimeApi.initError().join() + "; output in "
                        + output);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The JVM exited during init (" + process.exitValue() + "); output in "
                        + output);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Init took longer than " + timeout + "; output in " + output);
            }
            Thread.sleep(5);
        }
        return runtimeApi.nextRequests().get(0);
    }

    /** Hands the function one event and waits for its answer (at most {@code timeout}). */
    public Invoked invoke(String event, Duration timeout) {
        long queuedAt = System.nanoTime();
        LocalRuntimeApi.Invocation invocation = runtimeApi.invoke(UUID.randomUUID().toString(), event);
        try {
            LocalRuntimeApi.Outcome outcome = invocation.outcome().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Invoked(queuedAt, invocation.handedOutAt() == 0 ? queuedAt : invocation.handedOutAt(), outcome);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No answer within " + timeout + "; output in " + output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The function's JVM itself (started directly, no wrapper): what {@code /proc/<pid>} describes. */
    public long pid() {
        return process.pid();
    }

    /** When the process was started ({@link System#nanoTime()}). */
    public long startedAt() {
        return startedAt;
    }

    /** Where its stdout and stderr go. */
    public Path output() {
        return output;
    }

    /** CPU time (user + system, every thread) the JVM has used so far, in ms; -1 where the OS does not tell. */
    public double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e6).orElse(-1.0);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runtimeApi.close();
        }
    }

    /**
     * One invocation: when the event was queued, when the runtime took it and what came back (with when), all in
     * {@link System#nanoTime()}.
     */
    public record Invoked(long queuedAt, long handedOutAt, LocalRuntimeApi.Outcome outcome) {

        /** The event handed out to the response: the invocation's duration as Lambda counts it. */
        public double millis() {
            return (outcome.at() - handedOutAt) / 1e6;
        }
    }
}
