package com.scratch.emulators.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways to package, with the real osls (from the repository's {@code node_modules}) on a one-function service in a
 * throw-away repository.
 */
class ServerlessPackagerTest {

    private static final String DEFINITION = """
            service: hello
            provider:
              name: aws
              runtime: java21
              region: us-east-1
            package:
              artifact: target/hello.jar
            functions:
              hello:
                handler: example.Hello::handleRequest
            """;

    @TempDir
    Path temp;

    private Path root;
    private Path service;

    @BeforeEach
    void repositoryWithOneService() throws Exception {
        root = Files.createDirectories(temp.resolve("repository"));
        Files.writeString(root.resolve(RepositoryRoot.MARKER), "custom: {}\n");
        Files.createSymbolicLink(root.resolve("node_modules"), RepositoryRoot.find().resolve("node_modules"));
        service = Files.createDirectories(root.resolve("services/hello"));
        Files.writeString(service.resolve("serverless.yml"), DEFINITION);
        Files.createDirectories(service.resolve("target"));
        Files.writeString(service.resolve("target/hello.jar"), "first build");
    }

    @Test
    void cachedByDefinitionsPackagesAgainOnlyWhenADefinitionChanges() throws Exception {
        // given
        ServerlessPackager packager = ServerlessPackager.cachedByDefinitions(root, temp.resolve("cache"));
        Path first = packager.template(service, "dev");
        String firstHash = codeSha256(packager.read(service, "dev"));

        // when
        Files.writeString(service.resolve("target/hello.jar"), "second build");
        Path afterNewJar = packager.template(service, "dev");
        String hashAfterNewJar = codeSha256(packager.read(service, "dev"));
        Files.writeString(service.resolve("serverless.yml"), DEFINITION.replace("java21", "java17"));
        Path afterNewDefinition = packager.template(service, "dev");

        // then
        assertThat(afterNewJar).isEqualTo(first);
        assertThat(hashAfterNewJar).as("the cached template's jar hash").isEqualTo(firstHash);
        assertThat(afterNewDefinition).isNotEqualTo(first);
        assertThat(packager.read(service, "dev").at("/Resources/HelloLambdaFunction/Properties/Runtime").asText())
                .isEqualTo("java17");
    }

    @Test
    void freshPackagesTheArtifactAsBuiltNow() throws Exception {
        // given
        ServerlessPackager packager = ServerlessPackager.fresh(root, temp.resolve("work"));
        Files.writeString(service.resolve("target/hello.jar"), "second build");

        // when
        JsonNode template = packager.read(service, "dev");

        // then
        assertThat(codeSha256(template)).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(service.resolve("target/hello.jar")))));
    }

    private static String codeSha256(JsonNode template) {
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::Lambda::Version")) {
                return resource.path("Properties").path("CodeSha256").asText();
            }
        }
        throw new AssertionError("No AWS::Lambda::Version in " + template);
    }
}
