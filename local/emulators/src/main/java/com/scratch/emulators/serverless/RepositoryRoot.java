package com.scratch.emulators.serverless;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The root of the monorepo: the nearest folder, from a start folder up, that holds the services' shared
 * {@value #MARKER}. Maven runs tests in their module folder, an IDE or a developer may start elsewhere in the
 * checkout: all find the same root. Every search for the root in this repository goes through here.
 *
 * <pre>{@code
 * Path root = RepositoryRoot.find();                 // from the working directory
 * Path cli = root.resolve("node_modules/.bin/osls");
 * }</pre>
 */
public final class RepositoryRoot {

    /** The file only the repository root holds. */
    public static final String MARKER = "serverless.common.yml";

    private RepositoryRoot() {
    }

    /** The root above the working directory. */
    public static Path find() {
        return findFrom(Path.of(""));
    }

    /**
     * The root at or above {@code start}.
     *
     * @throws RepositoryRootNotFoundException when no folder from there up holds {@value #MARKER}
     */
    public static Path findFrom(Path start) {
        Path from = Objects.requireNonNull(start, "start == null").toAbsolutePath().normalize();
        for (Path folder = from; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(MARKER))) {
                return folder;
            }
        }
        throw new RepositoryRootNotFoundException(from);
    }
}
