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
 * Tracing stays behind its seam ({@code com.scratch.aws.ClientTracing}), and the X-Ray SDK for Java stays out: no code
 * that ships (libs, services, the sandbox) names it, since libs/aws writes X-Ray's documents itself (the SDK cost a
 * cold start about 150 ms, and its support ends on 2027-02-25), and libs/aws's main code never names jackson-databind
 * (whose first {@code ObjectMapper} is most of that cost; {@code TracingClassLoadingIT} in libs/aws shows no class of
 * either is loaded). Only the benchmarks' baseline, written the usual way, keeps the SDK.
 */
class TracingSeamTest {

    /**
     * The SDK's packages; not the system property the Lambda Java runtime puts each invocation's trace header in
     * ({@code com.amazonaws.xray.traceHeader}), which the logs read for {@code xray_trace_id} whatever traces.
     */
    private static final java.util.regex.Pattern X_RAY_SDK =
            java.util.regex.Pattern.compile("com\\.amazonaws\\.xray(?!\\.traceHeader\\b)");

    @Test
    void noShippedCodeNamesTheXRaySdkAndLibsAwsNamesNoDatabind() {
        Path root = RepositoryRoot.find();
        List<Path> sources;
        try (Stream<Path> files = Stream.of("libs", "services", "local/sandbox").map(root::resolve)
                .flatMap(TracingSeamTest::walk)) {
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> root.relativize(file).toString().replace('\\', '/').contains("/src/main/java/"))
                    .toList();
        }

        assertThat(sources).as("billing and notify sources scanned")
                .anyMatch(file -> file.endsWith("BillingHandler.java"))
                .anyMatch(file -> file.endsWith("NotifyHandler.java"))
                .anyMatch(file -> file.endsWith("XRayClientTracing.java"))
                .anyMatch(file -> file.endsWith("LocalFunction.java"));
        List<String> naming = sources.stream()
                .filter(file -> X_RAY_SDK.matcher(read(file)).find())
                .map(file -> root.relativize(file).toString().replace('\\', '/'))
                .toList();
        assertThat(naming).as("main sources naming com.amazonaws.xray").isEmpty();
        List<String> databind = sources.stream()
                .filter(file -> root.relativize(file).toString().replace('\\', '/').startsWith("libs/aws/"))
                .filter(file -> read(file).contains("com.fasterxml.jackson.databind"))
                .map(file -> root.relativize(file).toString().replace('\\', '/'))
                .toList();
        assertThat(databind).as("libs/aws main sources naming jackson-databind").isEmpty();
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
