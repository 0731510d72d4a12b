package com.scratch.sandbox.startup;

import java.nio.file.Path;

/** The data directory cannot be one: a file is in its place, or it cannot be created or written. */
public final class DataDirectoryUnusableException extends SandboxStartException {

    private static final long serialVersionUID = 1L;

    public DataDirectoryUnusableException(Path directory, String problem, Throwable cause) {
        super("Data directory " + directory + " " + problem + ": give another with --data-dir DIR", cause);
    }
}
