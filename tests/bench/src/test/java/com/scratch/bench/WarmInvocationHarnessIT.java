package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.serverless.RepositoryRoot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Figure 3's harness works: each of {@link WarmInvocationBenchmark}'s JMH runs, shortened to one measured iteration
 * of 1 s without warm-up, starts JMH on the side's task root with the function's environment, and its invocations
 * are purchases: billing and the baseline against the stand-ins leave one charge, one publish and one record per
 * invocation (checked by {@code measure}), billing's own work charges and announces in memory once per invocation,
 * billing writes its log and metric lines and sends its trace. Nothing is asserted about a time.
 */
class WarmInvocationHarnessIT {

    @Test
    void everyRunMeasuresPurchases() throws Exception {
        // given
        Path root = RepositoryRoot.find();
        Contenders contenders = Contenders.prepare(root, Path.of("target", "bench"));
        WarmInvocationBenchmark.Settings quick = new WarmInvocationBenchmark.Settings(0, 1, 1, 1, 1, List.of());
        Path folder = Path.of("target", "warm-harness").toAbsolutePath();

        // when
        Map<String, WarmInvocationBenchmark.Measured> measured = new LinkedHashMap<>();
        for (WarmInvocationBenchmark.WarmRun run : WarmInvocationBenchmark.runs(contenders, 1)) {
            measured.put(run.id(), WarmInvocationBenchmark.measure(root, contenders, run, quick, folder,
                    folder.resolve(run.id() + ".log")));
        }

        // then
        assertThat(measured).containsOnlyKeys("billing-loopback-1", "baseline-loopback-1", "billing-own-work-none",
                "billing-own-work-xray", "baseline-serialisation");
        measured.values().forEach(m -> {
            assertThat(m.results()).as(m.run().id()).hasSize(1);
            assertThat(m.results().get(0).samples()).as(m.run().id()).isPositive();
            assertThat(m.results().get(0).jmh().p50()).as(m.run().id()).isPositive();
        });

        Map<String, String> billing = single(measured.get("billing-loopback-1"));
        long billingInvocations = Long.parseLong(billing.get("invocations"));
        assertThat(billingInvocations).isPositive();
        // one log line and one metrics line per purchase (a few more at the cold start)
        assertThat(Long.parseLong(billing.get("stdoutLines"))).isGreaterThanOrEqualTo(2 * billingInvocations);
        assertThat(measured.get("billing-loopback-1").xrayDatagrams()).isGreaterThanOrEqualTo(billingInvocations);
        // its span, with each call out inside it, as X-Ray got them
        assertThat(measured.get("billing-loopback-1").tracedCalls()).containsKeys("## handleRequest", "Stripe POST",
                "DynamoDb PutItem", "Sns Publish", "DynamoDb UpdateItem");

        Map<String, String> baseline = single(measured.get("baseline-loopback-1"));
        assertThat(Long.parseLong(baseline.get("invocations"))).isPositive();
        assertThat(measured.get("baseline-loopback-1").xrayDatagrams()).isPositive();
        assertThat(measured.get("baseline-loopback-1").tracedCalls()).containsKeys("DynamoDb PutItem", "Sns Publish",
                "DynamoDb UpdateItem");

        for (String tracing : List.of("none", "xray")) {
            Map<String, String> own = single(measured.get("billing-own-work-" + tracing));
            long invocations = Long.parseLong(own.get("invocations"));
            assertThat(own.get("name")).isEqualTo("billing.ownWork-" + tracing);
            assertThat(invocations).isPositive();
            assertThat(own.get("charges")).isEqualTo(own.get("invocations"));
            assertThat(own.get("announced")).isEqualTo(own.get("invocations"));
            assertThat(Long.parseLong(own.get("stdoutLines"))).isGreaterThanOrEqualTo(2 * invocations);
        }
        assertThat(measured.get("billing-own-work-none").xrayDatagrams()).isZero();
        assertThat(measured.get("billing-own-work-xray").xrayDatagrams()).isPositive();
    }

    private static Map<String, String> single(WarmInvocationBenchmark.Measured measured) {
        assertThat(measured.stats()).as(measured.run().id()).hasSize(1);
        return measured.stats().get(0);
    }
}
