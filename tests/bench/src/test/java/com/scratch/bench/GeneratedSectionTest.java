package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSectionTest {

    @Test
    void replacesOnlyTheTextBetweenItsMarkers(@TempDir Path folder) throws Exception {
        // given
        Path file = folder.resolve("BENCHMARKS.md");
        Files.writeString(file, "# B\nbefore\n<!-- generated: x -->\nold\n<!-- end generated: x -->\nafter\n");

        // when
        boolean replaced = GeneratedSection.replace(file, "x", "new\nfigures\n");

        // then
        assertThat(replaced).isTrue();
        assertThat(Files.readString(file))
                .isEqualTo("# B\nbefore\n<!-- generated: x -->\nnew\nfigures\n<!-- end generated: x -->\nafter\n");
        assertThat(GeneratedSection.replace(file, "y", "z")).isFalse();
    }
}
