package com.scratch.billing.announce;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.testing.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * fauxqs, the npm SNS/SQS emulator, started as a child process on a free loopback port. The repo's
 * {@code npm ci} installs it; a missing install fails with that instruction rather than skipping the test.
 */
final class Fauxqs implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private Fauxqs(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    static Fauxqs start() throws IOException, InterruptedException {
        Path cli = RepositoryRoot.find().resolve("node_modules/.bin/fauxqs");
        if (!Files.isExecutable(cli)) {
            throw new IllegalStateException(cli + " is missing: run npm ci at the repository root first");
        }
        int port = FreePort.find();
        Path log = Files.createTempFile("fauxqs", ".log");
        ProcessBuilder builder = new ProcessBuilder(cli.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("FAUXQS_PORT", Integer.toString(port));
        builder.environment().put("FAUXQS_HOST", "127.0.0.1");
        builder.environment().put("FAUXQS_LOGGER", "false");
        Fauxqs fauxqs = new Fauxqs(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        fauxqs.awaitHealthy(Duration.ofSeconds(30));
        return fauxqs;
    }

    URI endpoint() {
        return endpoint;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health")).timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("fauxqs exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("fauxqs did not answer /health within " + timeout + ": " + Files.readString(log));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
