package com.scratch.emulators.ssm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ParameterStore} that survives restarts: parameters live in {@code parameters.json} in a directory
 * of their own, SecureString values encrypted with AES-256-GCM under a random key in {@code local.key} next to
 * it. String and StringList values are stored as they are, so the file stays readable; a SecureString
 * plaintext never reaches the disk. Both files are owner-only where the file system has POSIX permissions.
 *
 * <p>Every write replaces the whole file atomically (a temporary file, then a move), so a crash leaves the
 * old file or the new one, never half of one. Reads come from memory. Thread-safe; one process per directory.
 *
 * <pre>{@code
 * ParameterStore store = EncryptedFileParameterStore.open(Path.of(".local/ssm"));
 * try (SsmEmulator ssm = SsmEmulator.start(4583, store)) { ... }
 * }</pre>
 *
 * @see ParameterFileUnreadableException for files that cannot be read back
 */
public final class EncryptedFileParameterStore implements ParameterStore {

    private static final String PARAMETERS_FILE = "parameters.json";
    private static final String KEY_FILE = "local.key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Path parametersFile;
    private final SecureStringCipher cipher;
    private final Object writeLock = new Object();
    // An immutable snapshot sorted by name, replaced only after the file was written: readers never lock
    // and never see a parameter that is not on disk.
    private volatile NavigableMap<String, Entry> entries;

    private EncryptedFileParameterStore(
            Path directory, SecureStringCipher cipher, NavigableMap<String, Entry> entries) {
        this.directory = directory;
        this.parametersFile = directory.resolve(PARAMETERS_FILE);
        this.cipher = cipher;
        this.entries = Collections.unmodifiableNavigableMap(entries);
    }

    /**
     * Opens the store in {@code directory}, creating the directory and the key on first use.
     *
     * @throws ParameterFileUnreadableException if {@code parameters.json} is not valid, a SecureString in it
     *     does not decrypt under {@code local.key}, or the key is missing or damaged
     * @throws UncheckedIOException if the files cannot be created or read
     */
    public static EncryptedFileParameterStore open(Path directory) {
        Objects.requireNonNull(directory, "directory == null");
        Path parametersFile = directory.resolve(PARAMETERS_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        try {
            Files.createDirectories(directory);
            List<ObjectNode> nodes = Files.exists(parametersFile) ? readNodes(parametersFile) : List.of();
            SecureStringCipher cipher;
            if (Files.exists(keyFile)) {
                cipher = SecureStringCipher.read(keyFile);
            } else if (nodes.stream().anyMatch(EncryptedFileParameterStore::isSecureString)) {
                // A new key could not decrypt them, and writing one would hide what went wrong.
                throw new ParameterFileUnreadableException(keyFile,
                        "is missing, so the SecureStrings in " + PARAMETERS_FILE + " cannot be decrypted");
            } else {
                cipher = SecureStringCipher.create(keyFile);
            }
            NavigableMap<String, Entry> entries = new TreeMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                Entry entry = decode(nodes.get(i), i, cipher, parametersFile);
                entries.put(entry.parameter().name(), entry);
            }
            return new EncryptedFileParameterStore(directory, cipher, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the parameter store in " + directory, e);
        }
    }

    @Override
    public Optional<StoredParameter> find(String name) {
        Objects.requireNonNull(name, "name == null");
        return Optional.ofNullable(entries.get(name)).map(Entry::parameter);
    }

    @Override
    public List<StoredParameter> all() {
        return entries.values().stream().map(Entry::parameter).toList();
    }

    @Override
    public void save(StoredParameter parameter) {
        Objects.requireNonNull(parameter, "parameter == null");
        // Encrypted once here and kept: rewriting the file for another parameter leaves this ciphertext as is.
        String onDisk = parameter.type() == ParameterType.SECURE_STRING
                ? cipher.encrypt(parameter.name(), parameter.value())
                : parameter.value();
        synchronized (writeLock) {
            NavigableMap<String, Entry> next = new TreeMap<>(entries);
            next.put(parameter.name(), new Entry(parameter, onDisk));
            replace(next);
        }
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name == null");
        synchronized (writeLock) {
            if (!entries.containsKey(name)) {
                return false;
            }
            NavigableMap<String, Entry> next = new TreeMap<>(entries);
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
        return "EncryptedFileParameterStore[" + directory + "]";
    }

    /** Writes {@code next} to disk, then serves it; if the write fails, the old snapshot stays. */
    private void replace(NavigableMap<String, Entry> next) {
        try {
            writeAtomically(render(next));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + parametersFile, e);
        }
        entries = Collections.unmodifiableNavigableMap(next);
    }

    private void writeAtomically(byte[] content) throws IOException {
        // Same directory, so the move is a rename on one file system. New temp files are owner-only on POSIX.
        Path temp = Files.createTempFile(directory, PARAMETERS_FILE + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before the rename, so a power cut cannot leave an empty file under the real name.
                channel.force(true);
            }
            try {
                Files.move(temp, parametersFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, parametersFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] render(NavigableMap<String, Entry> entries) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode parameters = root.putArray("parameters");
        for (Entry entry : entries.values()) {
            StoredParameter parameter = entry.parameter();
            ObjectNode node = parameters.addObject();
            node.put("name", parameter.name());
            node.put("type", parameter.type().wireName());
            node.put(parameter.type() == ParameterType.SECURE_STRING ? "ciphertext" : "value", entry.onDisk());
            node.put("version", parameter.version());
            node.put("lastModified", parameter.lastModified().toString());
        }
        // Indented, because people open this file to see what the sandbox is configured with.
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static List<ObjectNode> readNodes(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // Jackson's own message can quote the offending token, which may be part of a value: location only.
            JsonLocation at = e.getLocation();
            throw new ParameterFileUnreadableException(file, "is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        JsonNode parameters = root == null ? null : root.get("parameters");
        if (parameters == null || !parameters.isArray()) {
            throw new ParameterFileUnreadableException(file, "is not a JSON object with a \"parameters\" array");
        }
        List<ObjectNode> nodes = new ArrayList<>();
        for (JsonNode node : parameters) {
            if (!node.isObject()) {
                throw new ParameterFileUnreadableException(file,
                        "parameter #" + (nodes.size() + 1) + " is not a JSON object");
            }
            nodes.add((ObjectNode) node);
        }
        return nodes;
    }

    private static Entry decode(ObjectNode node, int index, SecureStringCipher cipher, Path file) {
        String name = text(node, "name").orElseThrow(() -> malformed(file, "parameter #" + (index + 1), "name"));
        String where = "parameter " + name;
        ParameterType type = text(node, "type").flatMap(ParameterType::fromWireName)
                .orElseThrow(() -> malformed(file, where, "type"));
        boolean secure = type == ParameterType.SECURE_STRING;
        String onDisk = text(node, secure ? "ciphertext" : "value")
                .orElseThrow(() -> malformed(file, where, secure ? "ciphertext" : "value"));
        JsonNode version = node.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
            throw malformed(file, where, "version");
        }
        Instant lastModified = text(node, "lastModified").flatMap(EncryptedFileParameterStore::instant)
                .orElseThrow(() -> malformed(file, where, "lastModified"));
        String value = secure
                ? cipher.decrypt(name, onDisk).orElseThrow(() -> new ParameterFileUnreadableException(file,
                        "the SecureString " + name + " cannot be decrypted with " + KEY_FILE
                                + ": the key was replaced, or the file was changed"))
                : onDisk;
        return new Entry(new StoredParameter(name, type, value, version.asLong(), lastModified), onDisk);
    }

    private static boolean isSecureString(ObjectNode node) {
        return ParameterType.SECURE_STRING.wireName().equals(node.path("type").asText());
    }

    private static Optional<String> text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static ParameterFileUnreadableException malformed(Path file, String where, String field) {
        // Names the field, never its content: the content may be a value.
        return new ParameterFileUnreadableException(file, where + " has no valid \"" + field + "\"");
    }

    /** A parameter with the value as the file holds it: the plaintext, or the sealed SecureString. */
    private record Entry(StoredParameter parameter, String onDisk) {
    }
}
