package com.scratch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.sandbox.console.InvocationLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as the README gives it: {@code java -jar local/sandbox/target/sandbox.jar ...}. */
class SandboxCommandIT {

    @TempDir
    Path data;

    @Test
    void demoRunsAgainstAFreshStackAndExitsZero() throws Exception {
        Result result = run("--demo", "--port", "0", "--data-dir", data.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("Scratch sandbox, stage local, ready in")
                .contains("POST /billing -> billing")
                .contains("curl -s -X POST http://127.0.0.1:")
                .contains("SMS to +14151234567: Charged $42.00 for Scratch charge (21 notes)")
                .contains("Demo passed: 3 of 3");
        assertThat(result.output().lines().filter(line -> line.startsWith("billing  cold"))).hasSize(1);
    }

    @Test
    void anUnknownOptionExitsTwoWithTheUsage() throws Exception {
        Result result = run("--no-such-option");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("Unknown option --no-such-option").contains("Usage: java -jar");
    }

    @Test
    void aSecondSandboxOnTheSameDataDirectoryRefusesNamingTheFirstOnesPid() throws Exception {
        SandboxOptions options = SandboxOptions.defaults(RepositoryRoot.find()).withApiPort(0).withDataDirectory(data)
                .withIamEnforced(false);
        try (Sandbox first = Sandbox.start(options, new InvocationLog(new PrintStream(OutputStream.nullOutputStream())))) {
            Result second = run("--port", "0", "--no-iam", "--data-dir", data.toString());

            assertThat(second.exitCode()).isEqualTo(3);
            assertThat(second.output()).isEqualTo("Data directory " + data + " is in use by another sandbox (pid "
                    + ProcessHandle.current().pid() + "): stop that sandbox, or start this one with another --data-dir DIR\n");
        }
    }

    private static Result run(String... options) throws IOException, InterruptedException {
        Path root = RepositoryRoot.find();
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar",
                root.resolve("local/sandbox/target/sandbox.jar").toString()));
        command.addAll(List.of(options));
        Path output = Files.createTempFile("sandbox", ".out");
        Process process = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sandbox did not exit within 60 s:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
