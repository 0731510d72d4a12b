package com.scratch.deploy;

import static org.assertj.core.api.Assertions.fail;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.serverless.ServerlessPackageException;
import com.scratch.emulators.serverless.ServerlessPackager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudFormation templates the real framework generates, {@code osls package --stage <stage>} in a service folder,
 * packaged {@linkplain ServerlessPackager#fresh fresh} with the service's jar as built now (the tests check its
 * hash). Each service is packaged once per stage and JVM (about two seconds each); every test of that pair reads
 * the same template.
 */
final class PackagedTemplates {

    private static final Logger log = LoggerFactory.getLogger(PackagedTemplates.class);

    /** Service and stage → what packaging gave; a failure is kept too, so it is not retried by every test. */
    private static final Map<String, Packaged> PACKAGED = new ConcurrentHashMap<>();
    private static final ServerlessPackager PACKAGER = ServerlessPackager.fresh(RepositoryRoot.find(), createWorkDir());

    private PackagedTemplates() {
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
            service.builtShadedJar();
            long started = System.nanoTime();
            Path template = PACKAGER.template(service.directory(), stage);
            log.info("Packaged {} for stage {} in {} ms", service, stage, (System.nanoTime() - started) / 1_000_000);
            return new Packaged(CloudFormationTemplate.read(template), null);
        } catch (AssertionError | ServerlessPackageException e) {
            return new Packaged(null, e.getMessage());
        }
    }

    private static Path createWorkDir() {
        try {
            Path dir = Files.createTempDirectory("osls-package-");
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
