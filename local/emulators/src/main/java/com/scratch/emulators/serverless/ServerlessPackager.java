package com.scratch.emulators.serverless;

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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CloudFormation template the framework deploys for a service and stage: {@code osls package --stage <stage>},
 * run offline in the service folder, read from its {@code cloudformation-template-update-stack.json}. The CLI gets a
 * throw-away {@code HOME} (it writes {@code ~/.serverless}), dummy credentials and no profile, so nothing of the
 * developer's AWS setup leaks in. Two ways to package:
 *
 * <ul>
 *   <li>{@link #cachedByDefinitions}: for what the definitions decide (policies, names), as the local IAM needs. The
 *   template is cached under a hash of every {@code *.yml}, {@code *.yaml} and {@code *.json} file of the service
 *   folder and of the repository root (where the shared {@code serverless.common.yml} is), the stage, and the
 *   framework's version; the function's artifact is not part of the key, so the cached template's
 *   {@code CodeSha256} may be an older jar's. A warm start reads one small file; only a changed definition, stage or
 *   framework packages again (1 to 2 s a service).</li>
 *   <li>{@link #fresh}: packages on every call, as a deploy would, with the artifact as built now: for checks of
 *   what is deployed, the jar's hash included. The service's {@code package.artifact} must exist.</li>
 * </ul>
 *
 * <pre>{@code
 * ServerlessPackager packager = ServerlessPackager.cachedByDefinitions(RepositoryRoot.find(), Path.of("target/packaged"));
 * JsonNode template = packager.read(packager.repositoryRoot().resolve("services/billing-api"), "local");
 * }</pre>
 */
public final class ServerlessPackager {

    public static final String TEMPLATE_FILE = "cloudformation-template-update-stack.json";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repositoryRoot;
    private final Path directory;
    private final boolean cached;

    private ServerlessPackager(Path repositoryRoot, Path directory, boolean cached) {
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        this.directory = directory.toAbsolutePath().normalize();
        this.cached = cached;
    }

    /** Packages once per definition, stage and framework version, keeping the templates in {@code cacheDirectory}. */
    public static ServerlessPackager cachedByDefinitions(Path repositoryRoot, Path cacheDirectory) {
        return new ServerlessPackager(repositoryRoot, cacheDirectory, true);
    }

    /** Packages on every call, each time into a new folder under {@code workDirectory}, which the caller cleans up. */
    public static ServerlessPackager fresh(Path repositoryRoot, Path workDirectory) {
        return new ServerlessPackager(repositoryRoot, workDirectory, false);
    }

    public Path repositoryRoot() {
        return repositoryRoot;
    }

    /**
     * The path of the packaged template.
     *
     * @throws ServerlessPackageException when the CLI is missing, fails or does not finish within two minutes
     *     (its output in the message)
     */
    public Path template(Path serviceDirectory, String stage) {
        return template(serviceDirectory, stage, null);
    }

    /**
     * The same, packaged for {@code region} ({@code --region}); null for the service's default region.
     */
    public Path template(Path serviceDirectory, String stage, String region) {
        Path service = serviceDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            return cached ? cachedTemplate(service, stage, region) : packageInto(
                    Files.createTempDirectory(directory, service.getFileName() + "-" + stage + "-"), service, stage,
                    region);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot package " + service + " for stage " + stage, e);
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

    private Path cachedTemplate(Path service, String stage, String region) throws IOException {
        Path cachedFile = directory.resolve(service.getFileName() + "-" + stage + "-" + cacheKey(service, stage, region)
                + ".json");
        if (Files.isRegularFile(cachedFile)) {
            return cachedFile;
        }
        Path output = Files.createTempDirectory(directory, "package-");
        Path template = packageInto(output, service, stage, region);
        // Atomic: a concurrent start sees the whole template or none.
        Files.move(template, cachedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(output);
        return cachedFile;
    }

    /** Runs the CLI with {@code output} as its HOME and its package folder under it; the path of the template. */
    private Path packageInto(Path output, Path service, String stage, String region) throws IOException {
        Path cli = repositoryRoot.resolve("node_modules/.bin/osls");
        if (!Files.isExecutable(cli)) {
            throw new ServerlessPackageException("The Serverless Framework CLI " + cli + " is missing: run npm ci at "
                    + repositoryRoot + " first");
        }
        Path log = output.resolve("osls.log");
        Path packaged = output.resolve("out");
        List<String> arguments = new ArrayList<>(List.of(cli.toString(), "package", "--stage", stage,
                "--package", packaged.toString()));
        if (region != null) {
            arguments.addAll(List.of("--region", region));
        }
        ProcessBuilder command = new ProcessBuilder(arguments)
                .directory(service.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        isolate(command.environment(), output);
        Process process = command.start();
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ServerlessPackageException("osls package --stage " + stage + " in " + service
                        + " did not finish within " + TIMEOUT.toSeconds() + " s:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServerlessPackageException("Interrupted while packaging " + service);
        }
        Path template = packaged.resolve(TEMPLATE_FILE);
        if (process.exitValue() != 0 || !Files.isRegularFile(template)) {
            throw new ServerlessPackageException("osls package --stage " + stage + " failed in " + service
                    + " (exit code " + process.exitValue() + "):\n" + Files.readString(log));
        }
        return template;
    }

    private String cacheKey(Path service, String stage, String region) throws IOException {
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
            digest.update(("stage=" + stage + (region == null ? "" : "\nregion=" + region) + "\nosls=" + frameworkVersion())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
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
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // only a temporary folder is left behind
        }
    }
}
