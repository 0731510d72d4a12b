package com.scratch.bench.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRootTest {

    @Test
    void unzipsTheJarAndKeepsAFolderAlreadyUnzippedFromTheSameJar(@TempDir Path folder) throws Exception {
        // given
        Path jar = folder.resolve("function.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("com/example/"));
            zip.putNextEntry(new ZipEntry("com/example/Handler.class"));
            zip.write("bytes".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("logback.xml"));
            zip.write("<configuration/>".getBytes(StandardCharsets.UTF_8));
        }

        // when
        TaskRoot root = TaskRoot.unzip(jar, folder.resolve("task"));
        Files.writeString(root.folder().resolve("marker"), "kept");
        TaskRoot again = TaskRoot.unzip(jar, folder.resolve("task"));

        // then
        assertThat(Files.readString(root.folder().resolve("com/example/Handler.class"))).isEqualTo("bytes");
        assertThat(Files.readString(root.folder().resolve("logback.xml"))).isEqualTo("<configuration/>");
        assertThat(again.folder().resolve("marker")).as("not unzipped again").exists();
    }

    @Test
    void unzipsAgainWhenTheJarChanged(@TempDir Path folder) throws Exception {
        // given
        Path jar = folder.resolve("function.jar");
        writeJar(jar, "one");
        TaskRoot.unzip(jar, folder.resolve("task"));
        Files.writeString(folder.resolve("task/marker"), "stale");

        // when
        writeJar(jar, "two");
        TaskRoot root = TaskRoot.unzip(jar, folder.resolve("task"));

        // then
        assertThat(Files.readString(root.folder().resolve("a.txt"))).isEqualTo("two");
        assertThat(root.folder().resolve("marker")).doesNotExist();
    }

    private static void writeJar(Path jar, String content) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
