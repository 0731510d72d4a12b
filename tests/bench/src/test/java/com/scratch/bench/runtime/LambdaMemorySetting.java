package com.scratch.bench.runtime;

import java.util.List;
import java.util.stream.Stream;

/**
 * A function's memory setting and the JVM options Lambda's Java runtime derives from it. Lambda starts the JVM itself
 * (the function cannot change this command line, only add {@code JAVA_TOOL_OPTIONS}) with the heap, metaspace and
 * code cache sized from the memory setting, the serial collector, class data sharing and IPv4 sockets. The split is
 * the one seen on the managed runtime's command line for a 256 MB function ({@code -XX:MaxHeapSize=222823k
 * -XX:MaxMetaspaceSize=26214k -XX:ReservedCodeCacheSize=13107k -XX:+UseSerialGC ... -Djava.net.preferIPv4Stack=true},
 * quoted in DataDog/datadog-lambda-extension#117, java11): metaspace 10% and code cache 5% of the setting, in whole kB,
 * and the heap the rest (85%). AWS publishes no such table; BENCHMARKS.md says where each option comes from.
 *
 * <p>One option is the harness's, not the runtime's: {@code -XX:MaxRAM}, which makes the JVM size what the runtime
 * leaves to ergonomics (the initial heap, 1/64 of the memory) from the setting, as it would inside Lambda's micro-VM,
 * instead of from this machine's memory.
 */
public record LambdaMemorySetting(int megabytes) {

    public LambdaMemorySetting {
        if (megabytes < 128 || megabytes > 10_240) {
            throw new IllegalArgumentException("Lambda takes 128 to 10,240 MB, not " + megabytes);
        }
    }

    public long kilobytes() {
        return megabytes * 1024L;
    }

    /** 10% of the setting. */
    public long maxMetaspaceKb() {
        return kilobytes() / 10;
    }

    /** 5% of the setting. */
    public long reservedCodeCacheKb() {
        return kilobytes() / 20;
    }

    /** What the metaspace and code cache leave: 85% of the setting. */
    public long maxHeapKb() {
        return kilobytes() - maxMetaspaceKb() - reservedCodeCacheKb();
    }

    /** The options Lambda's runtime puts on the JVM's command line for this setting. */
    public List<String> runtimeJvmOptions() {
        return List.of("-XX:MaxHeapSize=" + maxHeapKb() + "k", "-XX:MaxMetaspaceSize=" + maxMetaspaceKb() + "k",
                "-XX:ReservedCodeCacheSize=" + reservedCodeCacheKb() + "k", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true");
    }

    /** The runtime's options and the harness's stand-in for the micro-VM's memory ({@code -XX:MaxRAM}). */
    public List<String> jvmOptions() {
        return Stream.concat(runtimeJvmOptions().stream(), Stream.of("-XX:MaxRAM=" + megabytes + "m")).toList();
    }
}
