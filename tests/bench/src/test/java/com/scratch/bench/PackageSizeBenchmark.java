package com.scratch.bench;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.testing.BenchmarkReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Figure 5 of issue 10: each deployed jar (and the baseline's), zipped (the file Lambda gets) and unzipped (what the
 * task root holds), and what is biggest in it, grouped by {@link Libraries library}. Not timed: the same jars give the
 * same figures. Writes {@code target/benchmarks/package-size.md} and the generated section of BENCHMARKS.md.
 */
class PackageSizeBenchmark {

    /** notify-job's goal in issue 10, in bytes (10 MB). */
    static final long NOTIFY_GOAL = 10_000_000;
    private static final int BIGGEST = 8;

    @Test
    void packageSizes() throws IOException {
        Path root = RepositoryRoot.find();
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("billing-api (`services/billing-api/target/billing-api.jar`)",
                root.resolve("services/billing-api/target/billing-api.jar"));
        jars.put("notify-job (`services/notify-job/target/notify-job.jar`)",
                root.resolve("services/notify-job/target/notify-job.jar"));
        jars.put("baseline, never deployed (`tests/bench/target/baseline-billing.jar`)",
                root.resolve("tests/bench/target/baseline-billing.jar"));
        StringBuilder out = new StringBuilder("Command: `" + ColdStartBenchmark.COMMAND + "` (class "
                + "`PackageSizeBenchmark`; writes `tests/bench/target/benchmarks/package-size.md` and this section). "
                + "Zipped: the jar's size, what Lambda is given (limit 50 MB for a direct upload); unzipped: the sum "
                + "of its entries, what the task root holds (limit 250 MB). MB = 1,000,000 bytes.\n\n"
                + "| jar | zipped | unzipped | entries | classes | goal |\n| --- | --- | --- | --- | --- | --- |\n");
        Map<String, List<Share>> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            Contents contents = Contents.of(jar.getValue());
            String goal = jar.getKey().startsWith("notify-job")
                    ? (contents.zipped() <= NOTIFY_GOAL ? "≤ 10 MB: met" : "≤ 10 MB: **not met**") : "";
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %s |%n", jar.getKey(),
                    mb(contents.zipped()), mb(contents.unzipped()), contents.entries(), contents.classes(), goal));
            shares.put(jar.getKey(), contents.shares());
        }
        for (Map.Entry<String, List<Share>> jar : shares.entrySet()) {
            out.append("\nBiggest in ").append(jar.getKey()).append(" (compressed size in the jar, share of the jar, "
                    + "unzipped size, files):\n\n| library | zipped | share | unzipped | files |\n"
                    + "| --- | --- | --- | --- | --- |\n");
            long total = jar.getValue().stream().mapToLong(Share::zipped).sum();
            jar.getValue().stream().limit(BIGGEST).forEach(share -> out.append(String.format(Locale.ROOT,
                    "| %s | %s | %.0f%% | %s | %,d |%n", share.library(), mb(share.zipped()),
                    100.0 * share.zipped() / total, mb(share.unzipped()), share.files())));
            List<Share> rest = jar.getValue().subList(Math.min(BIGGEST, jar.getValue().size()), jar.getValue().size());
            if (!rest.isEmpty()) {
                out.append(String.format(Locale.ROOT, "| %d others | %s | %.0f%% | %s | %,d |%n", rest.size(),
                        mb(rest.stream().mapToLong(Share::zipped).sum()),
                        100.0 * rest.stream().mapToLong(Share::zipped).sum() / total,
                        mb(rest.stream().mapToLong(Share::unzipped).sum()),
                        rest.stream().mapToInt(Share::files).sum()));
            }
        }
        String report = out.toString();
        BenchmarkReport.write(Path.of("target", "benchmarks", "package-size.md"), report);
        if (GeneratedSection.replace(root.resolve("BENCHMARKS.md"), "package-size", report)) {
            System.out.println("BENCHMARKS.md: section package-size rewritten");
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    /** One library's part of a jar. */
    record Share(String library, long zipped, long unzipped, int files) {
    }

    /** A jar's sizes and its parts, the biggest first. */
    record Contents(long zipped, long unzipped, int entries, int classes, List<Share> shares) {

        static Contents of(Path jar) throws IOException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is not built: run `mvn package` for its module first");
            }
            Map<String, long[]> byLibrary = new LinkedHashMap<>();
            long unzipped = 0;
            int entries = 0;
            int classes = 0;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.isDirectory()) {
                        continue;
                    }
                    entries++;
                    classes += entry.getName().endsWith(".class") ? 1 : 0;
                    unzipped += entry.getSize();
                    long[] sizes = byLibrary.computeIfAbsent(Libraries.ofEntry(entry.getName()), l -> new long[3]);
                    sizes[0] += entry.getCompressedSize();
                    sizes[1] += entry.getSize();
                    sizes[2]++;
                }
            }
            List<Share> shares = new ArrayList<>();
            byLibrary.forEach((library, s) -> shares.add(new Share(library, s[0], s[1], (int) s[2])));
            shares.sort(Comparator.comparingLong(Share::zipped).reversed());
            return new Contents(Files.size(jar), unzipped, entries, classes, shares);
        }
    }
}
