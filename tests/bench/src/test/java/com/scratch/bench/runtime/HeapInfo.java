package com.scratch.bench.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running JVM's heap and metaspace as {@code jcmd <pid> GC.heap_info} reports them: the heap's spaces (for the
 * serial collector, {@code def new generation} and {@code tenured generation}) summed, used and committed, and the
 * metaspace's used and committed. Used heap is taken as it is at that moment, garbage included (no collection is
 * forced), so it says how full the heap was, not how much is live.
 */
public record HeapInfo(long heapUsedKb, long heapCommittedKb, long metaspaceUsedKb, long metaspaceCommittedKb) {

    /** A space's line: {@code def new generation   total 116160K, used 20659K [...]}, not the metaspace's. */
    private static final Pattern SPACE =
            Pattern.compile("(?m)^\\s*(?!Metaspace|class space)(\\S[^\\n]*?)\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("(?m)^\\s*Metaspace\\s+used (\\d+)K, committed (\\d+)K");

    /** Asks the JVM (attaching with this JDK's {@code jcmd}); attach after reading the RSS, since it starts a thread. */
    public static HeapInfo of(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " GC.heap_info failed: " + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Parses {@code GC.heap_info}'s output. */
    public static HeapInfo parse(String output) {
        long used = 0;
        long committed = 0;
        int spaces = 0;
        Matcher space = SPACE.matcher(output);
        while (space.find()) {
            committed += Long.parseLong(space.group(2));
            used += Long.parseLong(space.group(3));
            spaces++;
        }
        Matcher metaspace = METASPACE.matcher(output);
        if (spaces == 0 || !metaspace.find()) {
            throw new IllegalArgumentException("Not GC.heap_info output: " + output);
        }
        return new HeapInfo(used, committed, Long.parseLong(metaspace.group(1)), Long.parseLong(metaspace.group(2)));
    }
}
