package com.scratch.emulators.ssm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code parameters.json}, the file an {@link EncryptedFileParameterVault} keeps its parameters in: read back with
 * every field checked, and replaced atomically. What it holds of a SecureString is its ciphertext; decrypting is
 * the cipher's job, handed in.
 *
 * <pre>{@code
 * {"parameters": [{"name": "/stripeSecretKey/test", "type": "SecureString", "ciphertext": "...",
 *                  "version": 1, "lastModified": "2026-11-26T14:44:20Z"}]}
 * }</pre>
 */
final class ParameterFile {

    static final String NAME = "parameters.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parameter with its value as the file holds it: the plaintext, or the sealed SecureString. */
    record Line(VaultEntry parameter, String onDisk) {
    }

    private final Path directory;
    private final Path path;

    ParameterFile(Path directory) {
        this.directory = directory;
        this.path = directory.resolve(NAME);
    }

    Path path() {
        return path;
    }

    /**
     * The parameters as JSON objects, not yet checked field by field; none when there is no file yet.
     *
     * @throws ParameterFileUnreadableException if the file is not a JSON object with a {@code parameters} array of
     *     objects
     */
    List<ObjectNode> readNodes() throws IOException {
        if (!Files.exists(path)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(path));
        } catch (JsonProcessingException e) {
            // Jackson's own message can quote the offending token, which may be part of a value: location only.
            JsonLocation at = e.getLocation();
            throw new ParameterFileUnreadableException(path, "is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        JsonNode parameters = root == null ? null : root.get("parameters");
        if (parameters == null || !parameters.isArray()) {
            throw new ParameterFileUnreadableException(path, "is not a JSON object with a \"parameters\" array");
        }
        List<ObjectNode> nodes = new ArrayList<>();
        for (JsonNode node : parameters) {
            if (!node.isObject()) {
                throw new ParameterFileUnreadableException(path,
                        "parameter #" + (nodes.size() + 1) + " is not a JSON object");
            }
            nodes.add((ObjectNode) node);
        }
        return nodes;
    }

    static boolean isSecureString(ObjectNode node) {
        return ParameterType.SECURE_STRING.wireName().equals(node.path("type").asText());
    }

    /**
     * One parameter, checked and decrypted.
     *
     * @param index its place in the file, for messages about a parameter without a name
     * @throws ParameterFileUnreadableException naming the field that is missing or invalid (never its content), or
     *     the SecureString {@code cipher} cannot decrypt
     */
    Line decode(ObjectNode node, int index, SecureStringCipher cipher) {
        String name = text(node, "name").orElseThrow(() -> malformed("parameter #" + (index + 1), "name"));
        String where = "parameter " + name;
        ParameterType type = text(node, "type").flatMap(ParameterType::fromWireName)
                .orElseThrow(() -> malformed(where, "type"));
        boolean secure = type == ParameterType.SECURE_STRING;
        String onDisk = text(node, secure ? "ciphertext" : "value")
                .orElseThrow(() -> malformed(where, secure ? "ciphertext" : "value"));
        JsonNode version = node.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 1) {
            throw malformed(where, "version");
        }
        Instant lastModified = text(node, "lastModified").flatMap(ParameterFile::instant)
                .orElseThrow(() -> malformed(where, "lastModified"));
        String value = secure
                ? cipher.decrypt(name, onDisk).orElseThrow(() -> new ParameterFileUnreadableException(path,
                        "the SecureString " + name + " cannot be decrypted with " + EncryptedFileParameterVault.KEY_FILE
                                + ": the key was replaced, or the file was changed"))
                : onDisk;
        return new Line(new VaultEntry(name, type, value, version.asLong(), lastModified), onDisk);
    }

    /** Replaces the file with {@code lines}; a crash leaves the old file or the new one, never half of one. */
    void write(Collection<Line> lines) throws IOException {
        byte[] content = render(lines);
        // Same directory, so the move is a rename on one file system. New temp files are owner-only on POSIX.
        Path temp = Files.createTempFile(directory, NAME + ".", ".tmp");
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
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] render(Collection<Line> lines) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode parameters = root.putArray("parameters");
        for (Line line : lines) {
            VaultEntry parameter = line.parameter();
            ObjectNode node = parameters.addObject();
            node.put("name", parameter.name());
            node.put("type", parameter.type().wireName());
            node.put(parameter.type() == ParameterType.SECURE_STRING ? "ciphertext" : "value", line.onDisk());
            node.put("version", parameter.version());
            node.put("lastModified", parameter.lastModified().toString());
        }
        // Indented, because people open this file to see what the sandbox is configured with.
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
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

    private ParameterFileUnreadableException malformed(String where, String field) {
        // Names the field, never its content: the content may be a value.
        return new ParameterFileUnreadableException(path, where + " has no valid \"" + field + "\"");
    }
}
