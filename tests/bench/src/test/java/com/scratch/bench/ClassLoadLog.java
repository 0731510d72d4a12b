package com.scratch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's {@code -Xlog:class+load:file=...:uptimenanos} log, read back: which classes it loaded, when (since the JVM
 * started), from where. {@link #byLibrary()} groups them by {@link Libraries library} and charges each library with
 * the time between a class load and the one before it, summed over its classes: a rough share of the wall time spent
 * while that library's classes were being loaded (the loading itself, static initialisers, and whatever code ran in
 * between), not a profile.
 */
record ClassLoadLog(List<LoadedClass> classes) {

    private static final Pattern LINE =
            Pattern.compile("^\\[(\\d+)ns\\]\\s+(\\S+)\\s+source:\\s+(.*)$");

    /** One line: {@code [85371229ns] java.lang.Object source: shared objects file}. */
    record LoadedClass(long uptimeNanos, String name, String source) {

        /** From a CDS archive: the JDK's (or the static one named) or, layered on it, a dynamic one. */
        boolean fromSharedArchive() {
            return source.startsWith("shared objects file");
        }

        /** From the dynamic archive layered on the JDK's ({@code -XX:SharedArchiveFile} of an app archive). */
        boolean fromDynamicArchive() {
            return source.equals("shared objects file (top)");
        }
    }

    /** The classes of one library: how many, how many from the CDS archive, first and last load, time charged. */
    record Library(String name, int classes, int fromSharedArchive, double firstMillis, double lastMillis,
            double chargedMillis) {
    }

    static ClassLoadLog read(Path log) {
        try {
            return parse(Files.readAllLines(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClassLoadLog parse(List<String> lines) {
        List<LoadedClass> classes = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                classes.add(new LoadedClass(Long.parseLong(matcher.group(1)), matcher.group(2), matcher.group(3)));
            }
        }
        return new ClassLoadLog(List.copyOf(classes));
    }

    int count() {
        return classes.size();
    }

    long fromSharedArchive() {
        return classes.stream().filter(LoadedClass::fromSharedArchive).count();
    }

    long fromDynamicArchive() {
        return classes.stream().filter(LoadedClass::fromDynamicArchive).count();
    }

    /** When the first class of {@code name}'s (a binary name, or a prefix ending in '.') was loaded, or -1. */
    double firstMillis(String nameOrPrefix) {
        return classes.stream().filter(c -> nameOrPrefix.endsWith(".") ? c.name().startsWith(nameOrPrefix)
                        : c.name().equals(nameOrPrefix))
                .mapToDouble(c -> c.uptimeNanos() / 1e6).findFirst().orElse(-1);
    }

    /** Every library, the one charged the most time first. */
    List<Library> byLibrary() {
        Map<String, double[]> stats = new LinkedHashMap<>();
        long previous = classes.isEmpty() ? 0 : classes.get(0).uptimeNanos();
        for (LoadedClass loaded : classes) {
            double[] s = stats.computeIfAbsent(Libraries.ofClass(loaded.name()),
                    library -> new double[] {0, 0, loaded.uptimeNanos() / 1e6, 0, 0});
            s[0]++;
            s[1] += loaded.fromSharedArchive() ? 1 : 0;
            s[3] = loaded.uptimeNanos() / 1e6;
            s[4] += Math.max(0, loaded.uptimeNanos() - previous) / 1e6;
            previous = loaded.uptimeNanos();
        }
        List<Library> libraries = new ArrayList<>();
        stats.forEach((name, s) -> libraries.add(new Library(name, (int) s[0], (int) s[1], s[2], s[3], s[4])));
        libraries.sort(Comparator.comparingDouble(Library::chargedMillis).reversed());
        return libraries;
    }
}
