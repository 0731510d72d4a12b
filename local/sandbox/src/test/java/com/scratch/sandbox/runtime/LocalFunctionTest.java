package com.scratch.sandbox.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.scratch.sandbox.runtime.handlers.EnvironmentEchoHandler;
import com.scratch.sandbox.runtime.handlers.ProcessEnvironmentHandler;
import com.scratch.sandbox.runtime.handlers.StreamEchoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions hosted in one JVM, each built from its own jar in its own class loader with its own environment. */
class LocalFunctionTest {

    @TempDir
    static Path directory;

    private static Path artifact;

    /** A deployment jar holding only the test handlers, so the function's loader sees nothing else of this build. */
    @BeforeAll
    static void packageHandlers() throws IOException, URISyntaxException {
        artifact = directory.resolve("handlers.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(artifact))) {
            for (Class<?> handler : new Class<?>[] {EnvironmentEchoHandler.class, ProcessEnvironmentHandler.class,
                    StreamEchoHandler.class}) {
                String entry = handler.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                Path classes = Path.of(handler.getProtectionDomain().getCodeSource().getLocation().toURI());
                Files.copy(classes.resolve(entry), jar);
                jar.closeEntry();
            }
            copyRuntimeInterfaces(jar);
        }
    }

    /** aws-lambda-java-core's classes ({@code Context}, {@code RequestStreamHandler}...), which a function's jar ships. */
    private static void copyRuntimeInterfaces(JarOutputStream jar) throws IOException, URISyntaxException {
        Path core = Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile library = new JarFile(core.toFile())) {
            for (JarEntry entry : java.util.Collections.list(library.entries())) {
                if (entry.getName().endsWith(".class")) {
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = library.getInputStream(entry)) {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
        }
    }

    @Test
    void twoFunctionsInOneJvmEachSeeTheirOwnEnvironmentAndNotTheJvms() {
        // given
        try (LocalFunction billing = new LocalFunction(spec("billing", EnvironmentEchoHandler.class,
                        Map.of("STAGE", "local", "AWS_ACCESS_KEY_ID", "ASIABILLING")));
                LocalFunction notify = new LocalFunction(spec("notify", EnvironmentEchoHandler.class,
                        Map.of("STAGE", "local", "AWS_ACCESS_KEY_ID", "ASIANOTIFY")))) {

            // when / then
            assertThat(billing.invoke("\"AWS_ACCESS_KEY_ID\"").resultJson()).isEqualTo("\"ASIABILLING\"");
            assertThat(notify.invoke("\"AWS_ACCESS_KEY_ID\"").resultJson()).isEqualTo("\"ASIANOTIFY\"");
            assertThat(billing.invoke("\"STAGE\"").resultJson()).isEqualTo("\"local\"");
            // the test JVM has AWS_REGION and PATH (the build sets AWS_REGION): a function sees only what it was given
            assertThat(System.getenv("AWS_REGION")).isNotNull();
            assertThat(billing.invoke("\"AWS_REGION\"").resultJson()).isNull();
            assertThat(notify.invoke("\"PATH\"").resultJson()).isNull();
        }
    }

    @Test
    void aStreamHandlerGetsTheEventsBytesAndAContextAndItsAnswerIsWhatItWrote() {
        try (LocalFunction function = new LocalFunction(spec("billing", StreamEchoHandler.class, Map.of()))) {
            String event = "{\"body\":\"caf\u00e9\",\"isBase64Encoded\":false}";

            assertThat(function.invoke(event).resultJson())
                    .isEqualTo("{\"function\":\"billing\",\"event\":" + event + "}");
        }
    }

    @Test
    void aHandlerWithoutAnEnvironmentConstructorIsRefusedByName() {
        try (LocalFunction function = new LocalFunction(spec("legacy", ProcessEnvironmentHandler.class, Map.of("STAGE", "local")))) {
            assertThatThrownBy(() -> function.invoke("\"STAGE\""))
                    .isInstanceOf(FunctionInitFailedException.class)
                    .hasMessageStartingWith("legacy: " + ProcessEnvironmentHandler.class.getName()
                            + " has no public constructor ProcessEnvironmentHandler(Map<String, String> environment)");
        }
    }

    private static FunctionSpec spec(String name, Class<?> handler, Map<String, String> environment) {
        return new FunctionSpec(name, handler.getName(), "handleRequest", artifact, environment, 256, Duration.ofSeconds(6));
    }
}
