package com.scratch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The figures of a JMH run in {@code SampleTime} mode, read from its JSON result file ({@code -rf json}): per
 * benchmark (and parameter values) the percentiles JMH computed over every sample of the measured iterations, the
 * mean and its error, the raw samples of each measured iteration (so that runs of the same benchmark in several
 * rounds can be merged, {@link Sampled#of}) and, with {@code -prof gc}, the bytes allocated per operation and the
 * collections.
 */
final class JmhResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {
    }

    /**
     * One benchmark's result as JMH wrote it: JMH's own percentiles, mean and error ({@code jmh}), and the raw
     * samples of each measured iteration as {@code [value, count]} bins, from which {@link Sampled} merges the rounds
     * of a benchmark run more than once. Times in {@link #unit()}.
     */
    record Result(String benchmark, Map<String, String> params, String unit, Sampled jmh,
            List<List<double[]>> iterations, double allocatedBytesPerOp, double gcCount, double gcMillis) {

        /** The method's name: {@code loopback} for {@code com.scratch.bench.warm.BillingInvocation.loopback}. */
        String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** {@code BillingInvocation.loopback}, with {@code [tracing=xray]} when it has parameters. */
        String name() {
            String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            return params.isEmpty() ? shortName : shortName + params.toString().replace('{', '[').replace('}', ']');
        }

        long samples() {
            return iterations.stream().flatMap(List::stream).mapToLong(bin -> (long) bin[1]).sum();
        }
    }

    /**
     * Figures over a set of samples: percentiles as JMH computes them (commons-math's {@code Percentile}, its default
     * estimation), the mean and the half-width of its 99.9% confidence interval (Student's t, as JMH's
     * {@code scoreError}), the number of samples, and the median of each iteration in order.
     */
    record Sampled(long samples, double p50, double p90, double p99, double p999, double max, double mean,
            double error, List<Double> iterationMedians) {

        /** Every measured iteration of {@code rounds} (one benchmark run once or more), merged. */
        static Sampled of(List<Result> rounds) {
            List<List<double[]>> iterations = rounds.stream().flatMap(round -> round.iterations().stream()).toList();
            long n = iterations.stream().flatMap(List::stream).mapToLong(bin -> (long) bin[1]).sum();
            if (n == 0) {
                throw new IllegalArgumentException("no samples");
            }
            double[] values = new double[Math.toIntExact(n)];
            int at = 0;
            for (List<double[]> iteration : iterations) {
                for (double[] bin : iteration) {
                    for (long i = 0; i < (long) bin[1]; i++) {
                        values[at++] = bin[0];
                    }
                }
            }
            java.util.Arrays.sort(values);
            Percentile percentile = new Percentile();
            percentile.setData(values);
            double mean = java.util.Arrays.stream(values).average().orElseThrow();
            double error = Double.NaN;
            if (n > 2) {
                double variance = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
                double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - 0.999) / 2);
                error = t * Math.sqrt(variance) / Math.sqrt(n);
            }
            return new Sampled(n, percentile.evaluate(50), percentile.evaluate(90), percentile.evaluate(99),
                    percentile.evaluate(99.9), values[values.length - 1], mean, error,
                    iterations.stream().filter(iteration -> !iteration.isEmpty()).map(JmhResults::weightedMedian)
                            .toList());
        }
    }

    static List<Result> read(Path json) throws IOException {
        return read(JSON.readTree(json.toFile()));
    }

    static List<Result> read(JsonNode results) {
        List<Result> read = new ArrayList<>();
        for (JsonNode result : results) {
            JsonNode primary = result.path("primaryMetric");
            JsonNode percentiles = primary.path("scorePercentiles");
            Map<String, String> params = new LinkedHashMap<>();
            result.path("params").fields().forEachRemaining(param -> params.put(param.getKey(), param.getValue().asText()));
            List<List<double[]>> iterations = new ArrayList<>();
            for (JsonNode fork : primary.path("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    List<double[]> bins = new ArrayList<>();
                    for (JsonNode bin : iteration) {
                        bins.add(new double[] {bin.get(0).asDouble(), bin.get(1).asDouble()});
                    }
                    iterations.add(bins);
                }
            }
            long samples = iterations.stream().flatMap(List::stream).mapToLong(bin -> (long) bin[1]).sum();
            Sampled jmh = new Sampled(samples, percentiles.path("50.0").asDouble(Double.NaN),
                    percentiles.path("90.0").asDouble(Double.NaN), percentiles.path("99.0").asDouble(Double.NaN),
                    percentiles.path("99.9").asDouble(Double.NaN), percentiles.path("100.0").asDouble(Double.NaN),
                    primary.path("score").asDouble(Double.NaN), primary.path("scoreError").asDouble(Double.NaN),
                    iterations.stream().filter(bins -> !bins.isEmpty()).map(JmhResults::weightedMedian).toList());
            JsonNode secondary = result.path("secondaryMetrics");
            read.add(new Result(result.path("benchmark").asText(), params, primary.path("scoreUnit").asText(), jmh,
                    iterations, secondary.path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN),
                    secondary.path("gc.count").path("score").asDouble(Double.NaN),
                    secondary.path("gc.time").path("score").asDouble(Double.NaN)));
        }
        return read;
    }

    /**
     * The median of a histogram of {@code [value, count]} bins: the lowest value at or past which half the samples
     * lie (for an even count, the lower middle, as a nearest-rank median).
     */
    static double weightedMedian(List<double[]> bins) {
        List<double[]> sorted = new ArrayList<>(bins);
        sorted.sort(Comparator.comparingDouble(bin -> bin[0]));
        double total = sorted.stream().mapToDouble(bin -> bin[1]).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("no samples");
        }
        double half = Math.ceil(total / 2);
        double seen = 0;
        for (double[] bin : sorted) {
            seen += bin[1];
            if (seen >= half) {
                return bin[0];
            }
        }
        return sorted.get(sorted.size() - 1)[0];
    }
}
