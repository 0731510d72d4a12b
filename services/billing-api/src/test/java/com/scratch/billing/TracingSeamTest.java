package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.serverless.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The X-Ray SDK stays behind the tracing seam ({@code com.scratch.aws.ClientTracing}): no code that ships names it
 * outside the X-Ray implementation and {@code AwsClients}, so that moving to OpenTelemetry is one new implementation
 * in libs/aws and the removal of the X-Ray dependencies there. Tests may use it: they play Lambda's runtime.
 */
class TracingSeamTest {

    private static final List<String> ALLOWED = List.of(
            "libs/aws/src/main/java/com/scratch/aws/XRayClientTracing.java",
            "libs/aws/src/main/java/com/scratch/aws/AwsClients.java");

    /**
     * The SDK's packages; not the system property the Lambda Java runtime puts each invocation's trace header in
     * ({@code com.amazonaws.xray.traceHeader}), which the logs read for {@code xray_trace_id} whatever traces.
     */
    private static final java.util.regex.Pattern X_RAY_SDK =
            java.util.regex.Pattern.compile("com\\.amazonaws\\.xray(?!\\.traceHeader\\b)");

    @Test
    void noShippedCodeOutsideLibsAwsNamesTheXRaySdk() {
        Path root = RepositoryRoot.find();
        List<Path> sources;
        try (Stream<Path> files = Stream.of("libs", "services").map(root::resolve).flatMap(TracingSeamTest::walk)) {
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> root.relativize(file).toString().replace('\\', '/').contains("/src/main/java/"))
                    .toList();
        }

        assertThat(sources).as("billing and notify sources scanned")
                .anyMatch(file -> file.endsWith("BillingHandler.java"))
                .anyMatch(file -> file.endsWith("NotifyHandler.java"));
        List<String> naming = sources.stream()
                .filter(file -> X_RAY_SDK.matcher(read(file)).find())
                .map(file -> root.relativize(file).toString().replace('\\', '/'))
                .filter(file -> !ALLOWED.contains(file))
                .toList();
        assertThat(naming).as("main sources naming com.amazonaws.xray outside the seam").isEmpty();
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder).filter(path -> !path.toString().contains("node_modules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
