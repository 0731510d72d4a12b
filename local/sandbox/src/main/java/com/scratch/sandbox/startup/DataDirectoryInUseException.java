package com.scratch.sandbox.startup;

import java.nio.file.Path;

/** Another sandbox runs on the same data directory: two would overwrite each other's parameters. */
public final class DataDirectoryInUseException extends SandboxStartException {

    private static final long serialVersionUID = 1L;

    public DataDirectoryInUseException(Path directory, String holder) {
        super("Data directory " + directory + " is in use by " + holder + ": stop that sandbox, or start this one"
                + " with another --data-dir DIR", null);
    }
}
