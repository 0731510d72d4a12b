package com.scratch.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the monorepo: the nearest folder, from the working directory up, that holds
 * {@code serverless.common.yml}. Maven runs the tests in the module folder, an IDE may run them
 * elsewhere in the checkout: both find the same root.
 */
final class RepositoryRoot {

    static final String MARKER = "serverless.common.yml";

    private static final Path PATH = locate(Path.of(System.getProperty("user.dir")).toAbsolutePath());

    private RepositoryRoot() {
    }

    static Path path() {
        return PATH;
    }

    private static Path locate(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("No " + MARKER + " in " + start + " or any folder above it:"
                + " run the tests from inside the repository");
    }
}
