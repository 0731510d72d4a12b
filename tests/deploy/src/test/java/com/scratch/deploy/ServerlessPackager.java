package com.scratch.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real framework, {@code osls package --stage <stage>}, in a service folder and reads the
 * CloudFormation template it generates. Each service is packaged once per stage and JVM (about two
 * seconds each); every test of that pair reads the same template.
 *
 * <p>Packaging is offline: no AWS call is made. The CLI gets a throw-away {@code HOME} (it writes
 * {@code ~/.serverless}), dummy credentials and no profile, so nothing of the developer's AWS setup
 * leaks in.
 */
final class ServerlessPackager {

    static final String TEMPLATE_FILE = "cloudformation-template-update-stack.json";

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(ServerlessPackager.class);

    /** Service and stage → what packaging gave; a failure is kept too, so it is not retried by every test. */
    private static final Map<String, Packaged> PACKAGED = new ConcurrentHashMap<>();
    private static final Path WORK_DIR = createWorkDir();

    private ServerlessPackager() {
    }

    /** The template of {@code service} packaged for {@code stage}, packaging it on first use. */
    static CloudFormationTemplate template(Service service, String stage) {
        Packaged packaged = PACKAGED.computeIfAbsent(service + "@" + stage, key -> packageOnce(service, stage));
        if (packaged.failure() != null) {
            fail(packaged.failure());
        }
        return packaged.template();
    }

    private record Packaged(CloudFormationTemplate template, String failure) {
    }

    private static Packaged packageOnce(Service service, String stage) {
        try {
            return new Packaged(packageService(service, stage), null);
        } catch (AssertionError e) {
            return new Packaged(null, e.getMessage());
        }
    }

    private static CloudFormationTemplate packageService(Service service, String stage) {
        Path cli = RepositoryRoot.path().resolve("node_modules/.bin/osls");
        if (!Files.isExecutable(cli)) {
            fail("The Serverless Framework CLI " + cli + " is missing: run npm ci at the repo root first");
        }
        service.builtShadedJar();
        Path outputDir = WORK_DIR.resolve(service + "-" + stage);
        Path cliLog = WORK_DIR.resolve(service + "-" + stage + ".log");
        ProcessBuilder command = new ProcessBuilder(
                cli.toString(), "package", "--stage", stage, "--package", outputDir.toString())
                .directory(service.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(cliLog.toFile());
        isolate(command.environment());

        long started = System.nanoTime();
        int exitCode = run(command, cliLog);
        if (exitCode != 0) {
            fail("osls package --stage " + stage + " failed in " + service.directory() + " (exit code "
                    + exitCode + "):\n" + read(cliLog));
        }
        Path template = outputDir.resolve(TEMPLATE_FILE);
        if (!Files.isRegularFile(template)) {
            fail("osls package wrote no " + TEMPLATE_FILE + " for " + service + ", stage " + stage + ":\n"
                    + read(cliLog));
        }
        log.info("Packaged {} for stage {} in {} ms", service, stage, (System.nanoTime() - started) / 1_000_000);
        return CloudFormationTemplate.read(template);
    }

    private static void isolate(Map<String, String> environment) {
        environment.put("HOME", WORK_DIR.resolve("home").toString());
        environment.put("AWS_ACCESS_KEY_ID", "AKIDLOCALTEST");
        environment.put("AWS_SECRET_ACCESS_KEY", "local-test-secret");
        environment.remove("AWS_SESSION_TOKEN");
        environment.remove("AWS_PROFILE");
        environment.remove("AWS_DEFAULT_PROFILE");
        environment.put("SLS_TELEMETRY_DISABLED", "1");
        environment.put("SLS_NOTIFICATIONS_MODE", "off");
    }

    private static int run(ProcessBuilder command, Path cliLog) {
        try {
            Process process = command.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("osls package did not finish within " + TIMEOUT.toSeconds() + " s:\n" + read(cliLog));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while packaging", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static Path createWorkDir() {
        try {
            Path dir = Files.createTempDirectory("osls-package-");
            Files.createDirectories(dir.resolve("home"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the packages", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only a temporary folder is left behind.
        }
    }
}
