package com.scratch.bench.runtime;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployment package unzipped as Lambda does before a Java function starts: the jar's entries under one folder
 * ({@code /var/task} in Lambda), which becomes the runtime's working directory; the runtime interface client loads
 * the handler from it ({@code user.dir}, plus any {@code lib/*.jar}).
 */
public record TaskRoot(Path folder, Path deployedJar) {

    /** Where the task root notes the jar it was unzipped from (one extra file in it, which no class loader reads). */
    static final String STAMP = ".unzipped-from";

    /**
     * Unzips {@code jar} into {@code folder}, emptied first; a folder already unzipped from the same jar (same path and
     * SHA-256, noted in {@value #STAMP}) is kept as it is.
     */
    public static TaskRoot unzip(Path jar, Path folder) {
        try {
            String stamp = jar.toRealPath() + " " + sha256(jar);
            Path stampFile = folder.resolve(STAMP);
            if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
                return new TaskRoot(folder.toRealPath(), jar);
            }
            delete(folder);
            Files.createDirectories(folder);
            Path root = folder.toRealPath();
            Set<Path> folders = new HashSet<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("Entry outside the task root: " + entry.getName());
                    }
                    Path folderOfEntry = entry.isDirectory() ? target : target.getParent();
                    if (folders.add(folderOfEntry)) {
                        Files.createDirectories(folderOfEntry);
                    }
                    if (!entry.isDirectory()) {
                        // Plain streams into a fresh folder: Files.copy with REPLACE_EXISTING took three times as long.
                        try (InputStream in = zip.getInputStream(entry);
                                OutputStream out = new FileOutputStream(target.toFile())) {
                            in.transferTo(out);
                        }
                    }
                }
            }
            Files.writeString(stampFile, stamp);
            return new TaskRoot(root, jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unzip " + jar + " into " + folder, e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
