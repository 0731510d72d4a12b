package com.scratch.emulators.ssm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown when {@link EncryptedFileParameterVault#open(Path)} finds files it cannot trust: a parameters file
 * that is not valid JSON or not in the expected shape, a SecureString that does not decrypt under the key
 * (the key was replaced or the file was changed), or a key file that is missing or the wrong size. The
 * message names the file and the problem, never a value. Deleting the directory starts an empty vault.
 *
 * <pre>{@code
 * try {
 *     vault = EncryptedFileParameterVault.open(Path.of(".local/ssm"));
 * } catch (ParameterFileUnreadableException e) {
 *     System.err.println(e.getMessage() + "; delete " + e.file().getParent() + " to start over");
 * }
 * }</pre>
 */
public final class ParameterFileUnreadableException extends RuntimeException {

    private final transient Path file;

    ParameterFileUnreadableException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file == null") + ": " + Objects.requireNonNull(problem, "problem == null"));
        this.file = file;
    }

    /** The file that could not be read: the parameters file or the key file. */
    public Path file() {
        return file;
    }
}
