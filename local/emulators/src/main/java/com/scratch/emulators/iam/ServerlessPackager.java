package com.scratch.emulators.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CloudFormation template the framework deploys for a service and stage: {@code osls package --stage <stage>},
 * run offline in the service folder, its {@code cloudformation-template-update-stack.json} kept in a cache.
 *
 * <p>The cache key is a hash of what decides the template's policies and names: every {@code *.yml},
 * {@code *.yaml} and {@code *.json} file of the service folder and of the repository root (where the shared
 * {@code serverless.common.yml} is), the stage, and the framework's version. A warm start reads one small file;
 * only a changed definition, stage or framework packages again (1 to 2 s a service).
 *
 * <pre>{@code
 * Path template = new ServerlessPackager(repositoryRoot, cacheDir).template(repositoryRoot.resolve("services/billing-api"), "local");
 * }</pre>
 */
public final class ServerlessPackager {

    public static final String TEMPLATE_FILE = "cloudformation-template-update-stack.json";
    public static final String SHARED_DEFINITION = "serverless.common.yml";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repositoryRoot;
    private final Path cacheDirectory;

    public ServerlessPackager(Path repositoryRoot, Path cacheDirectory) {
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.cacheDirectory = cacheDirectory.toAbsolutePath().normalize();
    }

    /**
     * A packager for the repository that holds {@code start}: the nearest folder, from there up, with the shared
     * {@value #SHARED_DEFINITION} (a test's working directory is its module folder).
     */
    public static ServerlessPackager forRepositoryOf(Path start, Path cacheDirectory) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SHARED_DEFINITION))) {
                return new ServerlessPackager(dir, cacheDirectory);
            }
        }
        throw new ServerlessPackageException("No " + SHARED_DEFINITION + " in " + start + " or any folder above it");
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    /** The path of the packaged template, packaging the service first when the cache has no template for this key. */
    public Path template(Path serviceDirectory, String stage) {
        Path cli = repositoryRoot.resolve("node_modules/.bin/osls");
        if (!Files.isExecutable(cli)) {
            throw new ServerlessPackageException("The Serverless Framework CLI " + cli + " is missing: run npm ci at "
                    + repositoryRoot + " first");
        }
        Path service = serviceDirectory.toAbsolutePath().normalize();
        String key = cacheKey(service, stage);
        Path cached = cacheDirectory.resolve(service.getFileName() + "-" + stage + "-" + key + ".json");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        try {
            Files.createDirectories(cacheDirectory);
            Path output = Files.createTempDirectory(cacheDirectory, "package-");
            Path log = output.resolve("osls.log");
            ProcessBuilder command = new ProcessBuilder(cli.toString(), "package", "--stage", stage,
                    "--package", output.resolve("out").toString())
                    .directory(service.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            isolate(command.environment(), output);
            Process process = command.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ServerlessPackageException("osls package --stage " + stage + " in " + service
                        + " did not finish within " + TIMEOUT.toSeconds() + " s:\n" + Files.readString(log));
            }
            Path template = output.resolve("out").resolve(TEMPLATE_FILE);
            if (process.exitValue() != 0 || !Files.isRegularFile(template)) {
                throw new ServerlessPackageException("osls package --stage " + stage + " failed in " + service
                        + " (exit code " + process.exitValue() + "):\n" + Files.readString(log));
            }
            // Atomic: a concurrent start sees the whole template or none.
            Files.move(template, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(output);
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot package " + service + " for stage " + stage, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerlessPackageException("Interrupted while packaging " + service);
        }
    }

    /** The same, read. */
    public JsonNode read(Path serviceDirectory, String stage) {
        Path template = template(serviceDirectory, stage);
        try {
            return JSON.readTree(template.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + template, e);
        }
    }

    private String cacheKey(Path service, String stage) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> inputs = new ArrayList<>(definitionFiles(repositoryRoot));
            inputs.addAll(definitionFiles(service));
            for (Path input : inputs) {
                digest.update(repositoryRoot.relativize(input).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(input));
                digest.update((byte) 0);
            }
            digest.update(("stage=" + stage + "\nosls=" + frameworkVersion()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the definitions of " + service, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private String frameworkVersion() throws IOException {
        Path manifest = repositoryRoot.resolve("node_modules/osls/package.json");
        return Files.isRegularFile(manifest) ? JSON.readTree(manifest.toFile()).path("version").asText("unknown") : "unknown";
    }

    private static List<Path> definitionFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".*\\.(yml|yaml|json)")
                            && !file.getFileName().toString().equals("package-lock.json"))
                    .sorted()
                    .toList();
        }
    }

    /** No AWS call is made, but the CLI must see nothing of the developer's AWS setup, and writes to HOME. */
    private static void isolate(Map<String, String> environment, Path home) {
        environment.put("HOME", home.toString());
        environment.put("AWS_ACCESS_KEY_ID", "AKIDLOCALPACKAGE");
        environment.put("AWS_SECRET_ACCESS_KEY", "local-package");
        environment.remove("AWS_SESSION_TOKEN");
        environment.remove("AWS_PROFILE");
        environment.remove("AWS_DEFAULT_PROFILE");
        environment.put("SLS_TELEMETRY_DISABLED", "1");
        environment.put("SLS_NOTIFICATIONS_MODE", "off");
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // only a temporary folder is left behind
        }
    }
}
