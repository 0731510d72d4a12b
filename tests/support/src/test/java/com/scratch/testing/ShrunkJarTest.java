package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShrunkJarTest {

    @TempDir
    Path folder;

    @Test
    void aServiceProviderMissingFromTheJarIsFoundWhereTheServiceTypeCanBeAskedFor() throws IOException {
        // given
        Path file = jar(List.of(FreePort.class),
                "META-INF/services/java.sql.Driver", "# a comment\ncom.scratch.testing.FreePort\ncom.example.Gone\n",
                "META-INF/services/com.example.NoSuchService", "com.example.Impl\n");

        // when
        List<String> missing = ShrunkJar.read(file).missingServiceProviders();

        // then
        assertThat(missing).containsExactly("java.sql.Driver: com.example.Gone");
    }

    @Test
    void aClassNamedInAStringIsMissingWhenTheDependenciesHaveIt() throws IOException {
        // given
        Path file = jar(List.of(FixtureLoadsByName.class));

        // when
        List<String> missing = ShrunkJar.read(file).missingClassesNamedInStrings();

        // then
        assertThat(missing).containsExactly("com.scratch.testing.Await");
    }

    @Test
    void aDependencyLeftOutIsMissingUnlessItsDependentIsAHub() throws IOException {
        // given
        ShrunkJar jar = ShrunkJar.read(jar(List.of(FixtureDepends.class)));

        // when
        List<String> missing = jar.missingDependencies(name -> false);

        // then
        assertThat(missing).containsExactly(FixtureDepends.class.getName() + " -> com.scratch.testing.LogCapture");
        assertThat(jar.missingDependencies(name -> name.equals(FixtureDepends.class.getName()))).isEmpty();
    }

    @Test
    void aClassWhoseSuperclassWasLeftOutDoesNotLink() throws IOException {
        // given
        ShrunkJar jar = ShrunkJar.read(jar(List.of(FixtureChild.class, FreePort.class)));

        // when
        List<String> unlinkable = jar.unlinkable(name -> true);

        // then
        assertThat(unlinkable).singleElement().asString()
                .startsWith(FixtureChild.class.getName() + ": java.lang.NoClassDefFoundError")
                .contains("FixtureParent");
    }

    @Test
    void theSdkClientsAndTheOperationHubsAreTheClassesThatReachEveryOperation() {
        assertThat(ShrunkJar.SDK_CLIENTS).accepts("software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient",
                        "software.amazon.awssdk.services.sns.SnsClient",
                        "software.amazon.awssdk.services.dynamodb.endpoints.internal.DynamoDbEndpointResolverUtils")
                .rejects("software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder",
                        "software.amazon.awssdk.services.sns.model.PublishRequest");
        assertThat(ShrunkJar.OPERATION_HUBS).accepts("software.amazon.awssdk.services.sns.model.PublishRequest",
                        "com.stripe.param.PaymentIntentCreateParams", "com.stripe.param.issuing.CardCreateParams")
                .rejects("software.amazon.awssdk.services.sns.model.PublishRequest$BuilderImpl",
                        "com.stripe.param.PaymentIntentCreateParams$Builder", "com.stripe.model.PaymentIntent");
    }

    private Path jar(List<Class<?>> classes, String... files) throws IOException {
        Path file = folder.resolve("shrunk.jar");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                zip.putNextEntry(new ZipEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(zip);
                }
            }
            for (int i = 0; i < files.length; i += 2) {
                zip.putNextEntry(new ZipEntry(files[i]));
                zip.write(files[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }
}

// The classes put in the jars above: top-level, so that none depends on the test class that would hold it.

final class FixtureLoadsByName {
    Class<?> load() throws ClassNotFoundException {
        return Class.forName("com.scratch.testing.Await");
    }
}

final class FixtureDepends {
    Class<?> type() {
        return LogCapture.class;
    }
}

class FixtureParent {
}

final class FixtureChild extends FixtureParent {
}
