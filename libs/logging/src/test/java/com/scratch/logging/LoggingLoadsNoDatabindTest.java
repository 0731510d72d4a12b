package com.scratch.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging loads no jackson-databind class: the first ObjectMapper of a JVM costs ~150 ms of a cold start, and the
 * functions are rid of every other one. Run in a fresh JVM ({@link LoggingColdPath}), on this module's test class
 * path, which has jackson-databind: only a class that was never asked for is missing from the JVM's class-load log.
 */
class LoggingLoadsNoDatabindTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void configuringLoggingAndWritingAnInfoAndAnErrorLineLoadsNoDatabindClass(@TempDir Path dir) throws Exception {
        FreshJvm jvm = FreshJvm.run(LoggingColdPath.class, Map.of(), dir);
        String output = jvm.output();

        assertThat(jvm.loaded("com.fasterxml.jackson.core.JsonFactory")).as("the log lists the classes loaded").isTrue();
        assertThat(jvm.loaded(JsonLineEncoder.class.getName())).isTrue();
        assertThat(jvm.classLoadLog()).filteredOn(line -> line.contains("com.fasterxml.jackson.databind")).isEmpty();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as(output).hasSize(2);
        JsonNode info = lines.get(0);
        assertThat(info.fieldNames()).toIterable().startsWith(LogKeys.TIMESTAMP, LogKeys.LEVEL, LogKeys.MESSAGE,
                LogKeys.LOGGER, LogKeys.SERVICE, LogKeys.STAGE, LogKeys.FUNCTION_NAME);
        assertThat(info.path(LogKeys.LEVEL).asText()).isEqualTo("INFO");
        assertThat(info.path(LogKeys.MESSAGE).asText()).isEqualTo("Purchase of 21 notes charged");
        assertThat(info.path(LogKeys.COLD_START).isBoolean()).isTrue();
        assertThat(info.path(LogKeys.AMOUNT).isIntegralNumber()).isTrue();
        assertThat(info.path(LogKeys.STORAGE).asInt()).isEqualTo(21);
        assertThat(info.path(LogKeys.PAYMENT_ID).asText()).isEqualTo("pi_123");
        assertThat(info.path(LogKeys.XRAY_TRACE_ID).asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        JsonNode error = lines.get(1).path(LogKeys.ERROR);
        assertThat(error.path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("stack").asText()).contains("at " + LoggingColdPath.class.getName())
                .contains("Caused by: java.lang.IllegalArgumentException: the cause");
    }
}
