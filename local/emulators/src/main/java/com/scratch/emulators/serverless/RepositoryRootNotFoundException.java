package com.scratch.emulators.serverless;

import java.nio.file.Path;

/** Started outside the repository: no folder from there up holds {@value RepositoryRoot#MARKER}. */
public final class RepositoryRootNotFoundException extends RuntimeException {

    public RepositoryRootNotFoundException(Path start) {
        super("No " + RepositoryRoot.MARKER + " in " + start + " or any folder above it: run this from inside the repository");
    }
}
