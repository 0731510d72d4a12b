package com.scratch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a {@code ...Benchmark} puts its figures: on stdout, and in a Markdown file under the module's
 * {@code target/benchmarks/} (copied into BENCHMARKS.md by hand).
 *
 * <pre>{@code
 * BenchmarkReport.write(Path.of("target/benchmarks/loopback-latency.md"), "| server | p50 |\n| --- | --- |\n...");
 * }</pre>
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** Prints {@code report} and writes it to {@code file}, creating its folder. */
    public static void write(Path file, String report) throws IOException {
        System.out.println(report);
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Files.writeString(file, report);
    }
}
