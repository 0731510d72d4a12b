package com.scratch.secrets;

import com.scratch.aws.AwsClients;
import com.scratch.aws.ClientTracing;
import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.testing.BenchmarkReport;
import com.scratch.testing.ConcurrentCalls;
import com.scratch.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * How many calls Parameter Store gets, counted by the local SSM server: 10,000 reads of one parameter, 64
 * threads reading a cold and an expired one at once (SSM answering in 200 ms, so they really overlap), and 12
 * parameters prefetched. Run with {@code mvn -B verify -Pbenchmarks -pl libs/secrets -am}; figures go to stdout
 * and {@code libs/secrets/target/benchmarks/parameter-store-cache.md}.
 */
class ParameterStoreCacheBenchmark {

    private static final String NAME = "/stripeSecretKey/test";

    @Test
    void callsMadeToParameterStore() throws Exception {
        List<String> rows = new ArrayList<>();
        try (SsmEmulator ssm = SsmEmulator.start()) {
            Map<String, String> environment = Map.of("AWS_REGION", "us-east-1",
                    "AWS_ENDPOINT_URL_SSM", ssm.endpoint().toString());
            try (SsmClient client = AwsClients.ssm(environment, ClientTracing.none())) {
                ssm.putSecureString(NAME, "sk_test_benchmark");

                CachedParameter key = ParameterStoreCache.builder(client).build().secureString(NAME);
                long started = System.nanoTime();
                key.get();
                long first = System.nanoTime() - started;
                started = System.nanoTime();
                for (int i = 1; i < 10_000; i++) {
                    key.get();
                }
                long cached = System.nanoTime() - started;
                rows.add(row("10,000 reads of one parameter (TTL 5 min)", calls(ssm)
                        + String.format(" (first read %.1f ms; the 9,999 others %.0f ns each on average)",
                                first / 1e6, cached / 9_999.0)));

                ssm.reset();
                ssm.putSecureString(NAME, "sk_test_benchmark");
                ssm.delayResponses(Duration.ofMillis(200));
                CachedParameter cold = ParameterStoreCache.builder(client).build().secureString(NAME);
                ConcurrentCalls.atOnce(64, i -> cold::get);
                rows.add(row("64 threads reading a cold parameter at once", calls(ssm)));

                ssm.reset();
                ssm.putSecureString(NAME, "sk_test_benchmark");
                TestClock clock = TestClock.at(Instant.parse("2026-11-26T12:00:00Z"));
                CachedParameter expiring = ParameterStoreCache.builder(client).clock(clock).build().secureString(NAME);
                expiring.get();
                clock.advance(ParameterStoreCache.DEFAULT_TIME_TO_LIVE);
                ssm.delayResponses(Duration.ofMillis(200));
                ConcurrentCalls.atOnce(64, i -> expiring::get);
                rows.add(row("64 threads reading an expired parameter at once (after its first read)", calls(ssm)));

                ssm.reset();
                ParameterStoreCache cache = ParameterStoreCache.builder(client).build();
                for (int i = 1; i <= 12; i++) {
                    ssm.putSecureString("/app/secret" + i, "value" + i);
                    cache.secureString("/app/secret" + i);
                }
                cache.prefetchNow();
                rows.add(row("12 parameters prefetched, then each read once", calls(ssm)));
            }
        }
        String report = "| case | calls to SSM |\n| --- | --- |\n" + String.join("\n", rows) + "\n";
        BenchmarkReport.write(Path.of("target/benchmarks/parameter-store-cache.md"), report);
    }

    private static String calls(SsmEmulator ssm) {
        return ssm.callCount("GetParameter") + " GetParameter + " + ssm.callCount("GetParameters") + " GetParameters";
    }

    private static String row(String what, String calls) {
        return "| " + what + " | " + calls + " |";
    }
}
