package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {

    @Test
    void printsTheReportAndWritesItIntoAFolderItCreates(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("target/benchmarks/figures.md");
        String report = "| case | calls |\n| --- | --- |\n| one | 1 |\n";

        // when
        String printed;
        try (LogCapture console = new LogCapture()) {
            BenchmarkReport.write(file, report);
            printed = console.text();
        }

        // then
        assertThat(Files.readString(file)).isEqualTo(report);
        assertThat(printed).contains(report);
    }
}
