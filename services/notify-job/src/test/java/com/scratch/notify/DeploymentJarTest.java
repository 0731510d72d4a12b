package com.scratch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.testing.ShrunkJar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * notify-job.jar keeps only what its classes reach (shade's minimizeJar, services/pom.xml): what is reached
 * otherwise, by name or through an SDK operation the filters list, is still in it. The sandbox's ITs run the
 * function from this jar; this says why a path they do not take would still find its classes.
 */
class DeploymentJarTest {

    private static final Path JAR = Path.of("target", "notify-job.jar");
    private final ShrunkJar jar = ShrunkJar.read(JAR);

    @Test
    void everyServiceProviderItsServiceFilesNameIsInIt() {
        assertThat(jar.missingServiceProviders()).isEmpty();
    }

    @Test
    void everyClassItsClassesNameInAStringIsInIt() {
        assertThat(jar.missingClassesNamedInStrings()).isEmpty();
    }

    @Test
    void everyClassItsClassesDependOnIsInItButTheSdkOperationsNotCalled() {
        assertThat(jar.missingDependencies(ShrunkJar.OPERATION_HUBS)).isEmpty();
    }

    @Test
    void theSdkClientsLoadWithoutTheOperationsLeftOut() {
        assertThat(jar.unlinkable(ShrunkJar.SDK_CLIENTS)).isEmpty();
        assertThat(jar.contains("software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient")).isTrue();
        assertThat(jar.contains("software.amazon.awssdk.services.sns.DefaultSnsClient")).isTrue();
    }

    /**
     * Tracing writes X-Ray's documents itself (libs/aws): no class of the X-Ray SDK ships, nor commons-logging, which
     * only the SDK logged through.
     */
    @Test
    void neitherTheXRaySdkNorCommonsLoggingIsInIt() {
        assertThat(jar.classesStartingWith("com.amazonaws.xray.")).isEmpty();
        assertThat(jar.classesStartingWith("org.apache.commons.logging.")).isEmpty();
        assertThat(jar.contains("com.scratch.aws.XRayClientTracing")).isTrue();
    }
}
