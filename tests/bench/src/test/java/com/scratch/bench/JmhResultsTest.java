package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhResultsTest {

    /** Two results as JMH 1.37 writes them with -rf json (trimmed to the fields read), the second with a parameter. */
    private static final String RESULTS = """
            [
              {
                "benchmark": "com.scratch.bench.warm.BillingInvocation.loopback",
                "mode": "sample",
                "primaryMetric": {
                  "score": 2.5, "scoreError": 0.25, "scoreUnit": "ms/op",
                  "scorePercentiles": {"0.0": 1.0, "50.0": 2.0, "90.0": 3.0, "95.0": 3.5, "99.0": 4.0,
                                       "99.9": 5.0, "99.99": 5.0, "99.999": 5.0, "99.9999": 5.0, "100.0": 6.0},
                  "rawDataHistogram": [
                    [
                      [[1.0, 2], [2.0, 1], [3.0, 1]],
                      [[2.5, 3], [6.0, 1]]
                    ]
                  ]
                },
                "secondaryMetrics": {
                  "gc.alloc.rate.norm": {"score": 652000.5, "scoreUnit": "B/op"},
                  "gc.count": {"score": 19.0, "scoreUnit": "counts"},
                  "gc.time": {"score": 29.0, "scoreUnit": "ms"}
                }
              },
              {
                "benchmark": "com.scratch.bench.warm.BillingInvocation.ownWork",
                "mode": "sample",
                "params": {"tracing": "xray"},
                "primaryMetric": {
                  "score": 0.1, "scoreError": 0.01, "scoreUnit": "ms/op",
                  "scorePercentiles": {"50.0": 0.09, "90.0": 0.2, "99.0": 0.7, "99.9": 5.0, "100.0": 16.0},
                  "rawDataHistogram": [[[[0.09, 10]]]]
                },
                "secondaryMetrics": {}
              }
            ]
            """;

    @Test
    void readsThePercentilesSamplesAndIterationMediansOfEachBenchmark() throws Exception {
        // when
        List<JmhResults.Result> results = JmhResults.read(new ObjectMapper().readTree(RESULTS));

        // then
        assertThat(results).hasSize(2);
        JmhResults.Result loopback = results.get(0);
        assertThat(loopback.name()).isEqualTo("BillingInvocation.loopback");
        assertThat(loopback.method()).isEqualTo("loopback");
        assertThat(loopback.params()).isEmpty();
        assertThat(loopback.unit()).isEqualTo("ms/op");
        JmhResults.Sampled jmh = loopback.jmh();
        assertThat(List.of(jmh.p50(), jmh.p90(), jmh.p99(), jmh.p999(), jmh.max()))
                .containsExactly(2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(jmh.mean()).isEqualTo(2.5);
        assertThat(jmh.error()).isEqualTo(0.25);
        assertThat(jmh.samples()).isEqualTo(8);
        assertThat(loopback.samples()).isEqualTo(8);
        assertThat(jmh.iterationMedians()).containsExactly(1.0, 2.5);
        assertThat(loopback.allocatedBytesPerOp()).isCloseTo(652000.5, within(1e-9));
        assertThat(loopback.gcCount()).isEqualTo(19.0);
        assertThat(loopback.gcMillis()).isEqualTo(29.0);

        JmhResults.Result ownWork = results.get(1);
        assertThat(ownWork.params()).isEqualTo(Map.of("tracing", "xray"));
        assertThat(ownWork.name()).isEqualTo("BillingInvocation.ownWork[tracing=xray]");
        assertThat(ownWork.samples()).isEqualTo(10);
        assertThat(ownWork.allocatedBytesPerOp()).isNaN();
    }

    @Test
    void roundsOfOneBenchmarkMergeIntoOneSetOfSamples() throws Exception {
        // given: 1..100 ms, once each, split over two rounds of two iterations (as bins, some with counts)
        List<JmhResults.Result> rounds = List.of(result(List.of(bins(1, 30), bins(31, 50))),
                result(List.of(bins(51, 90), bins(91, 100))));

        // when
        JmhResults.Sampled merged = JmhResults.Sampled.of(rounds);

        // then: commons-math's default percentile, as JMH's: position p (n + 1) / 100, interpolated
        assertThat(merged.samples()).isEqualTo(100);
        assertThat(merged.p50()).isCloseTo(50.5, within(1e-9));
        assertThat(merged.p90()).isCloseTo(90.9, within(1e-9));
        assertThat(merged.p99()).isCloseTo(99.99, within(1e-9));
        assertThat(merged.p999()).isEqualTo(100.0);
        assertThat(merged.max()).isEqualTo(100.0);
        assertThat(merged.mean()).isCloseTo(50.5, within(1e-9));
        // standard deviation of 1..100 is 29.0115; Student's t for 99.9% and 99 degrees of freedom is about 3.39
        assertThat(merged.error()).isCloseTo(3.39 * 29.0115 / 10, within(0.01));
        assertThat(merged.iterationMedians()).containsExactly(15.0, 40.0, 70.0, 95.0);
    }

    @Test
    void mergingOneRoundGivesWhatJmhComputed() throws Exception {
        // given
        JmhResults.Result loopback = JmhResults.read(new ObjectMapper().readTree(RESULTS)).get(0);

        // when
        JmhResults.Sampled own = JmhResults.Sampled.of(List.of(loopback));

        // then: the same samples, so the same median and maximum as the JSON's (its other figures are made up)
        assertThat(own.samples()).isEqualTo(8);
        assertThat(own.max()).isEqualTo(6.0);
        assertThat(own.mean()).isCloseTo((1 + 1 + 2 + 3 + 2.5 * 3 + 6) / 8.0, within(1e-9));
    }

    private static List<double[]> bins(int from, int to) {
        List<double[]> bins = new java.util.ArrayList<>();
        for (int value = from; value <= to; value++) {
            bins.add(new double[] {value, 1});
        }
        return bins;
    }

    private static JmhResults.Result result(List<List<double[]>> iterations) {
        return new JmhResults.Result("com.scratch.bench.warm.BillingInvocation.loopback", Map.of(), "ms/op", null,
                iterations, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void theMedianOfAHistogramIsTheValueAtWhichHalfTheSamplesAreReached() {
        assertThat(JmhResults.weightedMedian(List.of(new double[] {3.0, 1}, new double[] {1.0, 1},
                new double[] {2.0, 1}))).isEqualTo(2.0);
        assertThat(JmhResults.weightedMedian(List.of(new double[] {1.0, 2}, new double[] {9.0, 2}))).isEqualTo(1.0);
        assertThat(JmhResults.weightedMedian(List.of(new double[] {1.0, 1}, new double[] {9.0, 5}))).isEqualTo(9.0);
    }
}
