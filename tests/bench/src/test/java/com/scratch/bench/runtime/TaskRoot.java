package com.scratch.bench.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployment package unzipped as Lambda does before a Java function starts: the jar's entries under one folder
 * ({@code /var/task} in Lambda), which becomes the runtime's working directory; the runtime interface client loads
 * the handler from it ({@code user.dir}, plus any {@code lib/*.jar}).
 */
public record TaskRoot(Path folder, Path deployedJar) {

    /** Unzips {@code jar} into {@code folder}, emptied first. */
    public static TaskRoot unzip(Path jar, Path folder) {
        try {
            delete(folder);
            Files.createDirectories(folder);
            Path root = folder.toRealPath();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("Entry outside the task root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return new TaskRoot(root, jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unzip " + jar + " into " + folder, e);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
