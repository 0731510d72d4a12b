package com.scratch.sandbox.definitions;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Where the tests find their fixture repositories. */
final class TestPaths {

    private TestPaths() {
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
