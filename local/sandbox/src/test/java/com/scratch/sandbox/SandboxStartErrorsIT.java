package com.scratch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.sandbox.console.InvocationLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a developer can get wrong at start is found at start, before the ready banner, and said in one line on stderr
 * with no stack trace, naming the thing and what to do; the command exits non-zero. Run through
 * {@link SandboxCommand#run}, the entry {@code main} delegates to.
 */
class SandboxStartErrorsIT {

    @TempDir
    Path temp;

    @Test
    void aPortInUseIsNamedWithTheOptionThatAvoidsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            Result result = run("--port", Integer.toString(port), "--no-iam", "--data-dir", temp.resolve("data").toString());

            assertThat(result.exitCode()).isEqualTo(SandboxCommand.CANNOT_START);
            assertThat(result.errorLine()).isEqualTo("Port " + port + " on 127.0.0.1 is in use: stop what listens there,"
                    + " or start the sandbox with --port N (--port 0 picks a free one)");
        }
    }

    @Test
    void aPortThatIsNoNumberIsRefused() throws Exception {
        Result result = run("--port", "abc");

        assertThat(result.exitCode()).isEqualTo(SandboxCommand.BAD_COMMAND_LINE);
        assertThat(result.errorLine()).isEqualTo("--port abc is not a port: give a number from 0 to 65535 (0 picks a free one)");
    }

    @Test
    void aPortOutOfRangeIsRefused() throws Exception {
        Result result = run("--port", "70000");

        assertThat(result.exitCode()).isEqualTo(SandboxCommand.BAD_COMMAND_LINE);
        assertThat(result.errorLine()).isEqualTo("--port 70000 is not a port: give a number from 0 to 65535 (0 picks a free one)");
    }

    @Test
    void anXRayDaemonAddressThatIsNotOneIsRefused() throws Exception {
        Result result = run("--xray-daemon", "localhost");

        assertThat(result.exitCode()).isEqualTo(SandboxCommand.BAD_COMMAND_LINE);
        assertThat(result.errorLine()).isEqualTo(
                "--xray-daemon must be an IPv4 address and a port such as 127.0.0.1:2000, was localhost");
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "not a directory");

        Result result = run("--port", "0", "--data-dir", file.toString());

        assertThat(result.exitCode()).isEqualTo(SandboxCommand.CANNOT_START);
        assertThat(result.errorLine()).isEqualTo("Data directory " + file + " is a file, not a directory:"
                + " give another with --data-dir DIR");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void functionJarsNotBuiltAreNamedWithTheBuildCommand() throws Exception {
        Path root = repositoryCopyWithoutJars();

        Result result = run(root, "--port", "0", "--data-dir", temp.resolve("data").toString());

        assertThat(result.exitCode()).isEqualTo(SandboxCommand.CANNOT_START);
        assertThat(result.errorLine()).isEqualTo("Function jars services/billing-api/target/billing-api.jar (billing, webhook),"
                + " services/notify-job/target/notify-job.jar (notify) are not built: run mvn -B -q package -DskipTests first");
        // found before anything was written
        assertThat(temp.resolve("data")).doesNotExist();
    }

    @Test
    void aCorruptParameterFileIsNamedWithHowToStartOver() throws Exception {
        Path ssm = Files.createDirectories(temp.resolve("data/ssm"));
        Files.writeString(ssm.resolve("parameters.json"), "{\"parameters\": [{\"name\": ");

        Result result = run("--port", "0", "--no-iam", "--data-dir", temp.resolve("data").toString());

        assertThat(result.exitCode()).isEqualTo(SandboxCommand.CANNOT_START);
        assertThat(result.errorLine()).startsWith("Local SSM parameters " + ssm.resolve("parameters.json") + ": is not valid JSON")
                .endsWith("; delete " + ssm + " to start over (a new Stripe test key is seeded), or restore the file");
    }

    @Test
    void aCorruptPackagedTemplateIsNamedWithHowToRebuildIt() throws Exception {
        // given: a first start packaged both services into the cache, then the files were cut short
        Path data = temp.resolve("data");
        SandboxOptions options = SandboxOptions.defaults(RepositoryRoot.find()).withApiPort(0).withDataDirectory(data);
        Sandbox.start(options, new InvocationLog(new PrintStream(OutputStream.nullOutputStream()))).close();
        List<Path> templates;
        try (Stream<Path> files = Files.list(data.resolve("packaged"))) {
            templates = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(templates).hasSize(2);
        for (Path template : templates) {
            Files.writeString(template, Files.readString(template).substring(0, 100));
        }

        // when
        Result result = run("--port", "0", "--data-dir", data.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(SandboxCommand.CANNOT_START);
        assertThat(result.errorLine()).matches("Packaged template " + data.resolve("packaged")
                + "/(billing-api|notify-job)-local-[0-9a-f]{16}\\.json is not valid JSON;"
                + " delete it \\(a cache: the next start packages the service again\\)");
    }

    @Test
    void aSecondSandboxOnTheSameDataDirectorySaysItIsInUse() throws Exception {
        Path data = temp.resolve("data");
        SandboxOptions options = SandboxOptions.defaults(RepositoryRoot.find()).withApiPort(0).withDataDirectory(data)
                .withIamEnforced(false);

        try (Sandbox first = Sandbox.start(options, new InvocationLog(new PrintStream(OutputStream.nullOutputStream())))) {
            Result second = run("--port", "0", "--no-iam", "--data-dir", data.toString());

            assertThat(second.exitCode()).isEqualTo(SandboxCommand.CANNOT_START);
            assertThat(second.errorLine()).isEqualTo("Data directory " + data + " is in use by another sandbox in this"
                    + " process (pid " + ProcessHandle.current().pid() + "): stop that sandbox, or start this one with"
                    + " another --data-dir DIR");
        }
        // released with the first: a third starts
        Sandbox.start(options, new InvocationLog(new PrintStream(OutputStream.nullOutputStream()))).close();
    }

    private Result run(String... args) throws Exception {
        return run(RepositoryRoot.find(), args);
    }

    private static Result run(Path root, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = SandboxCommand.run(args, () -> root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The definitions of the real repository, without a built jar. */
    private Path repositoryCopyWithoutJars() throws IOException {
        Path real = RepositoryRoot.find();
        Path root = temp.resolve("repository");
        Files.createDirectories(root);
        Files.copy(real.resolve("serverless.common.yml"), root.resolve("serverless.common.yml"));
        Files.createSymbolicLink(root.resolve("deploy"), real.resolve("deploy"));
        for (String service : List.of("billing-api", "notify-job")) {
            Path to = Files.createDirectories(root.resolve("services").resolve(service));
            Files.copy(real.resolve("services").resolve(service).resolve("serverless.yml"), to.resolve("serverless.yml"));
        }
        return root;
    }

    private record Result(int exitCode, String output, String errors) {

        /** The one line on stderr; fails when there are more (a stack trace) or none, or the banner was printed. */
        String errorLine() {
            List<String> lines = new ArrayList<>(errors.lines().toList());
            assertThat(lines).as("stderr").hasSize(1);
            assertThat(output).as("stdout").doesNotContain("ready in");
            return lines.get(0);
        }
    }
}
