package com.scratch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionEnvironmentTest {

    @Test
    void withoutALocalFileItIsTheProcessEnvironment() {
        assertThat(FunctionEnvironment.variables()).isEqualTo(System.getenv());
    }

    @Test
    void aLocalFileOnTheFunctionsClassPathIsLaidOverTheProcessEnvironment(@TempDir Path dir) throws Exception {
        // given: a class loader like a local runner builds, the variables file in front of the function's classes
        Path file = dir.resolve(FunctionEnvironment.LOCAL_VARIABLES_RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "STAGE=local\nSTRIPE_API_BASE=http://127.0.0.1:1234\n");
        URL classes = FunctionEnvironment.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader function = new URLClassLoader(new URL[] {dir.toUri().toURL(), classes},
                ClassLoader.getPlatformClassLoader())) {
            Method variables = function.loadClass(FunctionEnvironment.class.getName()).getMethod("variables");

            // when
            @SuppressWarnings("unchecked")
            Map<String, String> seen = (Map<String, String>) variables.invoke(null);

            // then
            assertThat(seen).containsEntry("STAGE", "local")
                    .containsEntry("STRIPE_API_BASE", "http://127.0.0.1:1234")
                    .containsAllEntriesOf(Map.of("PATH", System.getenv("PATH")));
        }
        // and the classes outside that loader still see the plain process environment
        assertThat(FunctionEnvironment.variables()).doesNotContainEntry("STAGE", "local");
    }
}
