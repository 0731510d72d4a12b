package com.scratch.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.sandbox.api.LocalCaller;
import com.scratch.testing.BenchmarkReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for BENCHMARKS.md, side by side in one run: the sandbox launched as a developer launches it
 * ({@code java -jar local/sandbox/target/sandbox.jar}), time to ready, the first (cold) purchase, 1,000 warm
 * purchases; then {@code osls invoke local} calling the same billing handler from the same jar against the same
 * local endpoints. Run with {@code mvn -B verify -Pbenchmarks} (after {@code npm ci}); results go to stdout and to
 * {@code target/benchmarks/sandbox.md}.
 */
class SandboxBenchmark {

    /** Purchases after the cold one and before the measured ones: the JIT compiles the request path meanwhile. */
    private static final int WARM_UP_REQUESTS = 1_000;
    private static final int WARM_REQUESTS = 1_000;
    private static final int OSLS_CALLS = 10;
    private static final Pattern ENDPOINT = Pattern.compile("^\\s+(API|SSM|SNS|Stripe)\\s+(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern TOPIC = Pattern.compile("topics (arn:aws:sns:\\S+)");
    private static final Pattern WARM_INVOCATION = Pattern.compile("^(billing|notify)\\s+warm\\s+(\\d+) ms");

    @TempDir
    Path work;

    @Test
    void sandboxAgainstOslsInvokeLocal() throws Exception {
        Path root = RepositoryRoot.find();
        // First launch on an empty data folder: nothing packaged yet, osls packages both services for IAM.
        long coldReadyNanos = launchToReady(root);
        Map<String, String> endpoints = new java.util.HashMap<>();
        long launched = System.nanoTime();
        Process stack = launch(root, work.resolve("stack"));
        String report;
        double warmP50Millis;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
            long readyNanos = readBanner(out, endpoints, launched);
            // Keep the pipe drained, and keep the stack's own per-invocation figures: "billing  warm     6 ms ...".
            List<Long> billingWarm = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Long> notifyWarm = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture.runAsync(() -> out.lines().forEach(line -> {
                Matcher invocation = WARM_INVOCATION.matcher(line);
                if (invocation.find()) {
                    (invocation.group(1).equals("billing") ? billingWarm : notifyWarm).add(Long.parseLong(invocation.group(2)));
                }
            }));
            URI api = URI.create(endpoints.get("API"));
            HttpClient http = HttpClient.newHttpClient();

            long cold = timePurchase(http, api, "bench-cold");
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                timePurchase(http, api, "bench-warm-up-" + i);
            }
            billingWarm.clear();
            notifyWarm.clear();
            long[] warm = new long[WARM_REQUESTS];
            for (int i = 0; i < WARM_REQUESTS; i++) {
                warm[i] = timePurchase(http, api, "bench-warm-" + i);
            }
            Arrays.sort(warm);
            warmP50Millis = millis(percentile(warm, 50));
            report = report(coldReadyNanos, readyNanos, cold, warm)
                    + String.format("| billing handler, warm, median of %d (as the stack logs it, whole ms) | %d ms |%n",
                            billingWarm.size(), median(billingWarm))
                    + String.format("| notify handler, warm, median of %d (as the stack logs it, whole ms) | %d ms |%n",
                            notifyWarm.size(), median(notifyWarm));
        } finally {
            stack.destroy();
            stack.waitFor(10, TimeUnit.SECONDS);
        }

        long[] osls = oslsInvokeLocal(root);
        Arrays.sort(osls);
        report += oslsReport(osls, warmP50Millis);
        BenchmarkReport.write(root.resolve("local/sandbox/target/benchmarks/sandbox.md"), report);
    }

    private Process launch(Path root, Path dataDirectory, String... options) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar",
                root.resolve("local/sandbox/target/sandbox.jar").toString(),
                "--port", "0", "--data-dir", dataDirectory.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    }

    /** Reads the banner up to its "Try:" line, collecting the endpoints and topic; returns the time to "ready". */
    private static long readBanner(BufferedReader out, Map<String, String> endpoints, long launched) throws java.io.IOException {
        long readyNanos = 0;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.contains(" ready in ")) {
                readyNanos = System.nanoTime() - launched;
            }
            Matcher endpoint = ENDPOINT.matcher(line);
            if (endpoint.find()) {
                endpoints.put(endpoint.group(1), endpoint.group(2));
            }
            Matcher topic = TOPIC.matcher(line);
            if (topic.find()) {
                endpoints.put("topic", topic.group(1));
            }
            if (line.startsWith("Try:")) {
                break;
            }
        }
        return readyNanos;
    }

    /** Launches the stack on the benchmark's data folder, times it to its ready line, and stops it. */
    private long launchToReady(Path root) throws Exception {
        long launched = System.nanoTime();
        Process stack = new ProcessBuilder(javaCommand(), "-jar", root.resolve("local/sandbox/target/sandbox.jar").toString(),
                "--port", "0", "--data-dir", work.resolve("stack").toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(" ready in ")) {
                    return System.nanoTime() - launched;
                }
            }
            throw new AssertionError("the sandbox stopped before it was ready");
        } finally {
            stack.destroy();
            stack.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long timePurchase(HttpClient http, URI api, String idempotencyKey) throws Exception {
        HttpRequest request = LocalCaller.DEVELOPER.signed(api.resolve("/billing"), "POST",
                "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey)).build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - started;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return took;
    }

    /**
     * The same handler and jar through osls, per call; the billing service copied only to set the topic ARN. Against
     * a stack of its own started with {@code --no-iam}: a function's local keys live only in the sandbox's memory,
     * so osls, another process, has none the local endpoints would accept.
     */
    private long[] oslsInvokeLocal(Path root) throws Exception {
        Map<String, String> endpoints = new java.util.HashMap<>();
        Process stack = launch(root, work.resolve("osls-stack"), "--no-iam");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
            readBanner(out, endpoints, System.nanoTime());
            CompletableFuture.runAsync(() -> out.lines().forEach(line -> { })); // keep the pipe drained
            return oslsInvokeLocal(root, endpoints);
        } finally {
            stack.destroy();
            stack.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private long[] oslsInvokeLocal(Path root, Map<String, String> endpoints) throws Exception {
        Path service = work.resolve("osls/services/billing-api");
        Files.createDirectories(service.resolve("target"));
        Files.copy(root.resolve("serverless.common.yml"), work.resolve("osls/serverless.common.yml"));
        Files.createSymbolicLink(work.resolve("osls/deploy"), root.resolve("deploy"));
        // osls resolves a Ref in the environment through CloudFormation, which is unreachable offline.
        String definition = Files.readString(root.resolve("services/billing-api/serverless.yml"))
                .replace("NOTE_PURCHASED_TOPIC_ARN: !Ref NotePurchasedTopic",
                        "NOTE_PURCHASED_TOPIC_ARN: ${env:LOCAL_NOTE_PURCHASED_TOPIC_ARN}");
        Files.writeString(service.resolve("serverless.yml"), definition);
        Files.createSymbolicLink(service.resolve("target/billing-api.jar"), root.resolve("services/billing-api/target/billing-api.jar"));
        Path home = Files.createDirectories(work.resolve("osls-home"));

        List<Long> times = new ArrayList<>();
        for (int call = 0; call <= OSLS_CALLS; call++) { // call 0 may build osls's Java bridge: not counted
            Files.writeString(service.resolve("event.json"), "{\"body\":\"{\\\"storage\\\":21,\\\"paymentMethod\\\":"
                    + "\\\"pm_card_visa\\\"}\",\"headers\":{\"Idempotency-Key\":\"bench-osls-" + call + "\"},"
                    + "\"requestContext\":{\"identity\":{\"cognitoIdentityId\":\"bench\"}}}");
            ProcessBuilder osls = new ProcessBuilder(root.resolve("node_modules/.bin/osls").toString(),
                    "invoke", "local", "-f", "billing", "--stage", "local", "-p", "event.json")
                    .directory(service.toFile()).redirectErrorStream(true);
            Map<String, String> environment = osls.environment();
            environment.put("HOME", home.toString());
            environment.put("SLS_TELEMETRY_DISABLED", "1");
            // The stack checks no signature (--no-iam); these only keep the developer's own keys from being sent.
            environment.put("AWS_ACCESS_KEY_ID", "local");
            environment.put("AWS_SECRET_ACCESS_KEY", "local");
            environment.put("AWS_REGION", "us-east-1");
            environment.put("AWS_ENDPOINT_URL_SSM", endpoints.get("SSM"));
            environment.put("AWS_ENDPOINT_URL_SNS", endpoints.get("SNS"));
            environment.put("STRIPE_API_BASE", endpoints.get("Stripe"));
            environment.put("LOCAL_NOTE_PURCHASED_TOPIC_ARN", endpoints.get("topic"));
            long started = System.nanoTime();
            Process process = osls.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            long took = System.nanoTime() - started;
            assertThat(output).as("osls invoke local output").contains("statusCode: 200");
            if (call > 0) {
                times.add(took);
            }
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    private static String report(long coldReadyNanos, long readyNanos, long coldNanos, long[] warm) {
        double p50 = millis(percentile(warm, 50));
        return String.join("\n",
                "| figure | measured |",
                "| --- | --- |",
                String.format("| launch (java -jar) to ready, first start (no packaged policies yet: osls packages both services) | %.0f ms |",
                        millis(coldReadyNanos)),
                String.format("| launch (java -jar) to ready, warm start (packaged policies cached) | %.0f ms |", millis(readyNanos)),
                String.format("| first purchase (cold: billing built; notify is built afterwards, on its delivery) | %.0f ms |", millis(coldNanos)),
                String.format("| warm purchase p50 over %d (after %d not counted) | %.2f ms |", warm.length, WARM_UP_REQUESTS, p50),
                String.format("| warm purchase p99 over %d | %.2f ms |", warm.length, millis(percentile(warm, 99))),
                "");
    }

    private static String oslsReport(long[] osls, double warmP50Millis) {
        double oslsMedian = millis(percentile(osls, 50));
        return String.join("\n",
                String.format("| osls invoke local (against a --no-iam stack), median of %d calls (min %.0f, max %.0f ms) | %.0f ms |",
                        osls.length, millis(osls[0]), millis(osls[osls.length - 1]), oslsMedian),
                String.format("| osls invoke local median / sandbox warm p50 | %.0fx |", oslsMedian / warmP50Millis),
                "");
    }

    private static long median(List<Long> values) {
        return values.isEmpty() ? -1 : values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

}
