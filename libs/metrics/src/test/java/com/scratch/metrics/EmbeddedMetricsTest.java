package com.scratch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EmbeddedMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final EmbeddedMetrics metrics = new EmbeddedMetrics("Scratch",
            Map.of("service", "billing-api", "stage", "dev"), new PrintStream(written, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** The structure CloudWatch's EMF specification asks for: one directive naming every metric and dimension. */
    @Test
    void oneLineOfEmbeddedMetricFormatWithEveryMetricAndBothDimensions() throws Exception {
        metrics.count("Purchases");
        metrics.count("Purchases");
        metrics.add("ChargedAmount", MetricUnit.NONE, 4200);
        metrics.add("ChargedAmount", MetricUnit.NONE, 400);

        metrics.flush();

        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.path("Namespace").asText()).isEqualTo("Scratch");
        assertThat(directive.path("Dimensions").get(0)).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("service", "stage");
        assertThat(directive.path("Metrics").findValuesAsText("Name")).containsExactly("Purchases", "ChargedAmount");
        assertThat(directive.path("Metrics").findValuesAsText("Unit")).containsExactly("Count", "None");
        assertThat(line.path("service").asText()).isEqualTo("billing-api");
        assertThat(line.path("stage").asText()).isEqualTo("dev");
        assertThat(line.path("Purchases").asLong()).isEqualTo(2);
        assertThat(line.path("ChargedAmount").asLong()).isEqualTo(4600);
    }

    @Test
    void aFlushForgetsWhatItWroteAndWritesNothingWhenNothingWasAdded() {
        metrics.count("Purchases");
        assertThat(metrics.flush()).isPresent();

        assertThat(metrics.flush()).isEmpty();
        assertThat(lines()).hasSize(1);
    }

    @Test
    void countsFromManyThreadsAreAllKept() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(threads.submit(() -> {
                for (int j = 0; j < 1_000; j++) {
                    metrics.count("SecretCacheHits");
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();

        assertThat(JSON.readTree(metrics.flush().orElseThrow()).path("SecretCacheHits").asLong()).isEqualTo(8_000);
    }

    @Test
    void refusesWhatCloudWatchWouldRefuseOrMisread() {
        assertThatThrownBy(() -> metrics.count("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric name");
        assertThatThrownBy(() -> metrics.count("stage")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
        assertThatThrownBy(() -> metrics.add("ChargedAmount", MetricUnit.NONE, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        metrics.count("Purchases");
        assertThatThrownBy(() -> metrics.add("Purchases", MetricUnit.MILLISECONDS, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Count");
        for (int i = 1; i < EmbeddedMetrics.MAX_METRICS; i++) {
            metrics.count("M" + i);
        }
        assertThatThrownBy(() -> metrics.count("OneTooMany")).isInstanceOf(IllegalStateException.class);
    }

    private List<String> lines() {
        String text = written.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }
}
