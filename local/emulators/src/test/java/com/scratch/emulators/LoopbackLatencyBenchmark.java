package com.scratch.emulators;

import com.scratch.emulators.internal.EmulatorServer;
import com.scratch.emulators.internal.EmulatorServer.Connections;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.testing.BenchmarkReport;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Why the SSM and SNS stand-ins answer with {@code Connection: close}: one SNS Publish through the real AWS SDK
 * (url-connection client) to a local server that keeps connections alive, and to one that closes them. Run
 * with {@code mvn -B verify -Pbenchmarks -pl local/emulators -am}; figures go to stdout and
 * {@code local/emulators/target/benchmarks/loopback-latency.md}.
 */
class LoopbackLatencyBenchmark {

    private static final int CALLS = 3_000;
    private static final String PUBLISH_RESPONSE = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<PublishResult><MessageId>m-1</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>";

    @Test
    void sdkCallsToAServerThatKeepsConnectionsAgainstOneThatClosesThem() throws Exception {
        StringBuilder report = new StringBuilder("| local server | SDK Publish p50 | p90 | p99 |\n| --- | --- | --- | --- |\n");
        for (boolean close : new boolean[] {false, true, false, true}) { // twice each: the first pair warms the JIT
            long[] nanos = publish(close);
            report.append(String.format("| %s | %.3f ms | %.3f ms | %.3f ms |%n",
                    close ? "answers Connection: close" : "keeps connections alive",
                    nanos[CALLS / 2] / 1e6, nanos[CALLS * 9 / 10] / 1e6, nanos[CALLS * 99 / 100] / 1e6));
        }
        BenchmarkReport.write(Path.of("target/benchmarks/loopback-latency.md"), report.toString());
    }

    private static long[] publish(boolean closeConnections) {
        try (EmulatorServer<Void, String> server = EmulatorServer.start("bench", 0,
                closeConnections ? Connections.CLOSE : Connections.KEEP_ALIVE, operation -> operation,
                request -> HttpReply.of(200, "text/xml", PUBLISH_RESPONSE));
                SnsClient sns = SnsClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            long[] nanos = new long[CALLS];
            for (int i = 0; i < CALLS; i++) {
                long started = System.nanoTime();
                sns.publish(request -> request.topicArn("arn:aws:sns:us-east-1:000000000000:t").message("hello"));
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            return nanos;
        }
    }
}
