package com.scratch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Until the function sets up its logging, Logback is configured by {@link FunctionLogbackConfigurator}, through its
 * service file, in a fresh JVM as in a cold start: a line logged meanwhile is already the function's JSON, and
 * Logback's own search for a configuration and its console layout never run.
 */
class FunctionLogbackConfiguratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> LAMBDA = Map.of("STAGE", "dev",
            "AWS_LAMBDA_FUNCTION_NAME", "billing-api-dev-billing");

    @Test
    void aLineLoggedBeforeTheFunctionsOwnSetUpIsJsonWithTheProcessEnvironmentsFields(@TempDir Path dir)
            throws Exception {
        FreshJvm jvm = FreshJvm.run(LoggingBeforeTheFunction.class, LAMBDA, dir);

        JsonNode line = onlyLine(jvm);
        assertThat(line.path(LogKeys.MESSAGE).asText()).isEqualTo("Started before the function's logging");
        assertThat(line.path(LogKeys.LEVEL).asText()).isEqualTo("INFO");
        assertThat(line.path(LogKeys.STAGE).asText()).isEqualTo("dev");
        assertThat(line.path(LogKeys.FUNCTION_NAME).asText()).isEqualTo("billing-api-dev-billing");
        assertThat(line.has(LogKeys.SERVICE)).as("only the function knows its service").isFalse();
    }

    @Test
    void logbacksOwnConfigurationSearchAndConsoleLayoutNeverRun(@TempDir Path dir) throws Exception {
        FreshJvm jvm = FreshJvm.run(LoggingBeforeTheFunction.class, LAMBDA, dir);

        assertThat(jvm.loaded(FunctionLogbackConfigurator.class.getName())).as("the class-load log is read").isTrue();
        assertThat(jvm.loaded("ch.qos.logback.classic.util.DefaultJoranConfigurator")).isFalse();
        assertThat(jvm.loaded("ch.qos.logback.classic.BasicConfigurator")).isFalse();
        assertThat(jvm.loaded("ch.qos.logback.classic.layout.TTLLLayout")).isFalse();
    }

    @Test
    void aLoggingVariableItDoesNotTakeLeavesTheDefaultsForTheFunctionToRefuse(@TempDir Path dir) throws Exception {
        FreshJvm jvm = FreshJvm.run(LoggingBeforeTheFunction.class, Map.of("LOG_FORMAT", "xml", "LOG_LEVEL", "LOUD"),
                dir);

        assertThat(onlyLine(jvm).path(LogKeys.MESSAGE).asText())
                .isEqualTo("Started before the function's logging");
    }

    /** The one line the main logs (the JVM may add lines of its own, "Picked up JAVA_TOOL_OPTIONS", before it). */
    private static JsonNode onlyLine(FreshJvm jvm) throws Exception {
        List<String> lines = jvm.output().lines().filter(line -> !line.startsWith("Picked up ")).toList();
        assertThat(lines).as(jvm.output()).hasSize(1);
        return JSON.readTree(lines.get(0));
    }
}
