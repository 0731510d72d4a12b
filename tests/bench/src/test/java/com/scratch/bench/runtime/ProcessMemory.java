package com.scratch.bench.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Linux says about a process's memory in {@code /proc/<pid>/status}: {@code VmHWM}, the peak resident set size
 * (the high-water mark of {@code VmRSS} since the process started), and {@code VmRSS}, the resident set now, both in
 * kB, with the process's {@code Name} so a caller can check it read the JVM and not a wrapper around it.
 */
public record ProcessMemory(String name, long peakRssKb, long rssKb) {

    private static final Pattern NAME = Pattern.compile("(?m)^Name:\\s*(\\S+)");

    /** Reads {@code /proc/<pid>/status} now. */
    public static ProcessMemory of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read /proc/" + pid + "/status (not Linux, or the process is gone)",
                    e);
        }
    }

    /** Parses the text of a {@code /proc/<pid>/status} file. */
    public static ProcessMemory parse(String status) {
        Matcher name = NAME.matcher(status);
        if (!name.find()) {
            throw new IllegalArgumentException("No Name: line in " + status);
        }
        return new ProcessMemory(name.group(1), kilobytes(status, "VmHWM"), kilobytes(status, "VmRSS"));
    }

    public double peakRssMb() {
        return peakRssKb / 1024.0;
    }

    public double rssMb() {
        return rssKb / 1024.0;
    }

    private static long kilobytes(String status, String field) {
        Matcher matcher = Pattern.compile("(?m)^" + field + ":\\s*(\\d+)\\s*kB\\s*$").matcher(status);
        if (!matcher.find()) {
            throw new IllegalArgumentException("No " + field + " line in kB in " + status);
        }
        return Long.parseLong(matcher.group(1));
    }
}
