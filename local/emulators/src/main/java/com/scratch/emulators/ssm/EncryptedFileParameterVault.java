package com.scratch.emulators.ssm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.ssm.ParameterFile.Line;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ParameterVault} that survives restarts: parameters live in {@code parameters.json} in a directory
 * of their own, SecureString values encrypted with AES-256-GCM under a random key in {@code local.key} next to
 * it. String and StringList values are written as they are, so the file stays readable; a SecureString
 * plaintext never reaches the disk. Both files are owner-only where the file system has POSIX permissions.
 *
 * <p>Every write replaces the whole file atomically (a temporary file, then a move), so a crash leaves the
 * old file or the new one, never half of one. Reads come from memory. Thread-safe; one process per directory.
 *
 * <pre>{@code
 * ParameterVault vault = EncryptedFileParameterVault.open(Path.of(".local/ssm"));
 * try (SsmEmulator ssm = SsmEmulator.start(4583, vault)) { ... }
 * }</pre>
 *
 * @see ParameterFileUnreadableException for files that cannot be read back
 */
public final class EncryptedFileParameterVault implements ParameterVault {

    static final String KEY_FILE = "local.key";

    private final Path directory;
    private final ParameterFile file;
    private final SecureStringCipher cipher;
    private final Object writeLock = new Object();
    // An immutable snapshot sorted by name, replaced only after the file was written: readers never lock
    // and never see a parameter that is not on disk.
    private volatile NavigableMap<String, Line> lines;

    private EncryptedFileParameterVault(Path directory, ParameterFile file, SecureStringCipher cipher,
            NavigableMap<String, Line> lines) {
        this.directory = directory;
        this.file = file;
        this.cipher = cipher;
        this.lines = Collections.unmodifiableNavigableMap(lines);
    }

    /**
     * Opens the vault in {@code directory}, creating the directory and the key on first use.
     *
     * @throws ParameterFileUnreadableException if {@code parameters.json} is not valid, a SecureString in it
     *     does not decrypt under {@code local.key}, or the key is missing or damaged
     * @throws UncheckedIOException if the files cannot be created or read
     */
    public static EncryptedFileParameterVault open(Path directory) {
        Objects.requireNonNull(directory, "directory == null");
        ParameterFile file = new ParameterFile(directory);
        Path keyFile = directory.resolve(KEY_FILE);
        try {
            Files.createDirectories(directory);
            List<ObjectNode> nodes = file.readNodes();
            SecureStringCipher cipher;
            if (Files.exists(keyFile)) {
                cipher = SecureStringCipher.read(keyFile);
            } else if (nodes.stream().anyMatch(ParameterFile::isSecureString)) {
                // A new key could not decrypt them, and writing one would hide what went wrong.
                throw new ParameterFileUnreadableException(keyFile,
                        "is missing, so the SecureStrings in " + ParameterFile.NAME + " cannot be decrypted");
            } else {
                cipher = SecureStringCipher.create(keyFile);
            }
            NavigableMap<String, Line> lines = new TreeMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                Line line = file.decode(nodes.get(i), i, cipher);
                lines.put(line.parameter().name(), line);
            }
            return new EncryptedFileParameterVault(directory, file, cipher, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the parameter vault in " + directory, e);
        }
    }

    @Override
    public Optional<VaultEntry> find(String name) {
        Objects.requireNonNull(name, "name == null");
        return Optional.ofNullable(lines.get(name)).map(Line::parameter);
    }

    @Override
    public List<VaultEntry> all() {
        return lines.values().stream().map(Line::parameter).toList();
    }

    @Override
    public void save(VaultEntry parameter) {
        Objects.requireNonNull(parameter, "parameter == null");
        // Encrypted once here and kept: rewriting the file for another parameter leaves this ciphertext as is.
        String onDisk = parameter.type() == ParameterType.SECURE_STRING
                ? cipher.encrypt(parameter.name(), parameter.value())
                : parameter.value();
        synchronized (writeLock) {
            NavigableMap<String, Line> next = new TreeMap<>(lines);
            next.put(parameter.name(), new Line(parameter, onDisk));
            replace(next);
        }
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name == null");
        synchronized (writeLock) {
            if (!lines.containsKey(name)) {
                return false;
            }
            NavigableMap<String, Line> next = new TreeMap<>(lines);
            next.remove(name);
            replace(next);
            return true;
        }
    }

    @Override
    public void clear() {
        synchronized (writeLock) {
            replace(new TreeMap<>());
        }
    }

    /** Names the directory only: never a value. */
    @Override
    public String toString() {
        return "EncryptedFileParameterVault[" + directory + "]";
    }

    /** Writes {@code next} to disk, then serves it; if the write fails, the old snapshot stays. */
    private void replace(NavigableMap<String, Line> next) {
        try {
            file.write(next.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path(), e);
        }
        lines = Collections.unmodifiableNavigableMap(next);
    }
}
