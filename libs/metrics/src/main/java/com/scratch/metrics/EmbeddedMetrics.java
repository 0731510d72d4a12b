package com.scratch.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Metrics as CloudWatch Embedded Metric Format: values are added up in memory during an invocation and written as
 * one JSON log line by {@link #flush()}; CloudWatch Logs turns the line into metrics. No API call, nothing in the
 * request path but a map update, and nothing lost if CloudWatch is slow: the line is in the function's log stream
 * whatever happens. Every metric carries the same dimensions (the project's: {@code service} and {@code stage}).
 *
 * <pre>{@code
 * EmbeddedMetrics metrics = new EmbeddedMetrics("Scratch", Map.of("service", "billing-api", "stage", "dev"),
 *         System.out, Clock.systemUTC());
 * metrics.count("Purchases");
 * metrics.add("ChargedAmount", MetricUnit.NONE, 4200);
 * metrics.flush(); // {"_aws":{"Timestamp":...,"CloudWatchMetrics":[...]},"service":"billing-api",...,"Purchases":1,...}
 * }</pre>
 *
 * <p>Thread-safe: a value added from a background thread (a secret read during init) goes out with the next flush.
 */
public final class EmbeddedMetrics {

    /** Set to {@code true} in a function's environment to write no metrics (the local sandbox's console). */
    public static final String DISABLED_VARIABLE = "METRICS_DISABLED";

    /** CloudWatch's limits for one directive: 100 metrics, 30 dimensions; names of 1 to 255 characters. */
    static final int MAX_METRICS = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,255}");
    private static final JsonFactory JSON = new JsonFactory();

    private final String namespace;
    private final Map<String, String> dimensions;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, Value> values = new LinkedHashMap<>();

    /**
     * @param namespace the CloudWatch namespace, e.g. {@code Scratch}
     * @param dimensions name → value, in the order they are written; every metric is published with all of them
     * @param out where the lines go: stdout in Lambda, which CloudWatch Logs reads
     */
    public EmbeddedMetrics(String namespace, Map<String, String> dimensions, PrintStream out, Clock clock) {
        this.namespace = requireName(namespace, "namespace");
        this.dimensions = new LinkedHashMap<>(Objects.requireNonNull(dimensions, "dimensions == null"));
        this.dimensions.forEach((name, value) -> {
            requireName(name, "dimension name");
            Objects.requireNonNull(value, "dimension " + name + " has no value");
        });
        this.out = Objects.requireNonNull(out, "out == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Where a function's metrics go: stdout, which Lambda sends to CloudWatch Logs, unless its environment sets
     * {@value #DISABLED_VARIABLE} to {@code true}.
     */
    public static PrintStream output(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.get(DISABLED_VARIABLE))
                ? new PrintStream(java.io.OutputStream.nullOutputStream()) : System.out;
    }

    /** Adds one to a count. */
    public void count(String name) {
        add(name, MetricUnit.COUNT, 1);
    }

    /** Adds {@code value} to the metric's sum for this flush. */
    public synchronized void add(String name, MetricUnit unit, double value) {
        requireName(name, "metric name");
        Objects.requireNonNull(unit, "unit == null");
        if (dimensions.containsKey(name)) {
            throw new IllegalArgumentException("metric " + name + " has the name of a dimension");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " must be a finite number, was " + value);
        }
        Value current = values.get(name);
        if (current != null && current.unit() != unit) {
            throw new IllegalArgumentException("metric " + name + " is in " + current.unit().cloudWatchName()
                    + ", not " + unit.cloudWatchName());
        }
        if (current == null && values.size() == MAX_METRICS) {
            throw new IllegalStateException("more than " + MAX_METRICS + " metrics in one line");
        }
        values.put(name, new Value(unit, current == null ? value : current.sum() + value));
    }

    /** Writes what was added since the last flush as one EMF line, and forgets it; nothing when nothing was added. */
    public Optional<String> flush() {
        Map<String, Value> flushed;
        synchronized (this) {
            if (values.isEmpty()) {
                return Optional.empty();
            }
            flushed = new LinkedHashMap<>(values);
            values.clear();
        }
        String line = line(flushed);
        out.println(line);
        out.flush();
        return Optional.of(line);
    }

    private String line(Map<String, Value> flushed) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", clock.millis());
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            for (String dimension : dimensions.keySet()) {
                json.writeString(dimension);
            }
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Map.Entry<String, Value> metric : flushed.entrySet()) {
                json.writeStartObject();
                json.writeStringField("Name", metric.getKey());
                json.writeStringField("Unit", metric.getValue().unit().cloudWatchName());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
            for (Map.Entry<String, Value> metric : flushed.entrySet()) {
                double sum = metric.getValue().sum();
                if (sum == Math.rint(sum) && Math.abs(sum) < 1e15) {
                    json.writeNumberField(metric.getKey(), (long) sum);
                } else {
                    json.writeNumberField(metric.getKey(), sum);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write an EMF line", e);
        }
        return text.toString();
    }

    private static String requireName(String name, String what) {
        Objects.requireNonNull(name, what + " == null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 255 letters, digits, '_', '.' or '-', was \""
                    + (name.length() > 64 ? name.substring(0, 64) + "..." : name) + "\"");
        }
        return name;
    }

    private record Value(MetricUnit unit, double sum) {
    }
}
