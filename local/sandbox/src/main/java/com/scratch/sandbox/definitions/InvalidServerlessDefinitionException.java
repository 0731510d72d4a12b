package com.scratch.sandbox.definitions;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A definition file is not what this reader understands: not YAML, a required key missing (such as a
 * function's {@code handler}), a value of the wrong shape, or an event form it does not know.
 */
public final class InvalidServerlessDefinitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public InvalidServerlessDefinitionException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file == null") + ": " + problem);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
