package com.scratch.sandbox.definitions;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the real repository and their fixture repositories. */
final class TestPaths {

    private TestPaths() {
    }

    /** The repository root: the first folder above the working directory that holds serverless.common.yml. */
    static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("serverless.common.yml"))) {
                return folder;
            }
        }
        throw new IllegalStateException("No serverless.common.yml above " + Path.of("").toAbsolutePath());
    }

    /** A fixture repository under src/test/resources/definitions. */
    static Path fixture(String name) {
        URL url = TestPaths.class.getResource("/definitions/" + name);
        if (url == null) {
            throw new IllegalStateException("No fixture definitions/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
