package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.scratch.testing.ShrunkJar;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * billing-api.jar keeps only what its classes reach (shade's minimizeJar; services/pom.xml and this module's pom): what
 * is reached otherwise, by name or through an SDK operation or a Stripe call the filters list, is still in it. The
 * sandbox's ITs and tests/bench's ColdStartHarnessIT run the function from this jar; this says why a path they do not
 * take would still find its classes.
 */
class DeploymentJarTest {

    private static final Path JAR = Path.of("target", "billing-api.jar");
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
        assertThat(jar.contains("software.amazon.awssdk.services.ssm.DefaultSsmClient")).isTrue();
    }

    /**
     * A priming that fails is only logged (the first request then loads what it needs), so nothing else would notice
     * a class it reaches by reflection (stripe-java's parameters and models, the JDK's StAX found by name) missing.
     */
    @Test
    void theRequestPathsPrimingRunsFromIt() throws Exception {
        try (URLClassLoader function = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Method prime = function.loadClass(BillingPrimer.class.getName()).getDeclaredMethod("prime");
            prime.setAccessible(true);

            assertThatCode(() -> prime.invoke(null)).doesNotThrowAnyException();
        }
    }

    @Test
    void stripeJavasClientServicesAndModelsLoadWithoutTheParametersLeftOut() {
        assertThat(jar.unlinkable(name -> name.equals("com.stripe.StripeClient")
                || name.startsWith("com.stripe.service.") || name.startsWith("com.stripe.model."))).isEmpty();
        assertThat(jar.contains("com.stripe.model.PaymentIntent")).isTrue();
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
