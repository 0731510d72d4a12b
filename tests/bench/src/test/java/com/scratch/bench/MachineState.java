package com.scratch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a benchmark report says about the machine: cores, memory, JDK, date, and whether anything else was running
 * while it measured (load average, and other JVMs and Node processes seen, sampled before each round), since two
 * cores are shared with other builds.
 */
final class MachineState {

    private final List<Integer> othersSeen = new ArrayList<>();
    private final List<String> loadAverages = new ArrayList<>();

    /** Looks at the machine now: call before each round. */
    void sample() {
        loadAverages.add(loadAverage());
        Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        ProcessHandle.current().parent().ifPresent(parent -> {
            ours.add(parent.pid());
            parent.parent().ifPresent(grandparent -> ours.add(grandparent.pid()));
        });
        ours.add(ProcessHandle.current().pid());
        int others = (int) ProcessHandle.allProcesses()
                .filter(process -> !ours.contains(process.pid()))
                .filter(process -> process.info().command()
                        .map(command -> command.endsWith("/java") || command.endsWith("/node")).orElse(false))
                .count();
        othersSeen.add(others);
    }

    /** One paragraph: machine, JDK, date, and what else ran. */
    String describe() {
        long samplesWithOthers = othersSeen.stream().filter(n -> n > 0).count();
        int most = othersSeen.stream().mapToInt(Integer::intValue).max().orElse(0);
        String others = samplesWithOthers == 0
                ? "no other JVM or Node process was running at any of the " + othersSeen.size() + " samples"
                : String.format(Locale.ROOT, "**other builds were running**: other JVM or Node processes (up to %d) at "
                        + "%d of %d samples taken before each round", most, samplesWithOthers, othersSeen.size());
        return String.format(Locale.ROOT, "Run of %s on this machine (%d cores, %s), JDK %s (%s), %s %s; load "
                        + "average (1, 5, 15 min) at the first sample %s, at the last %s; %s.",
                LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                loadAverages.isEmpty() ? "?" : loadAverages.get(0),
                loadAverages.isEmpty() ? "?" : loadAverages.get(loadAverages.size() - 1), others);
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say nothing about memory
        }
        return "memory unknown";
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
