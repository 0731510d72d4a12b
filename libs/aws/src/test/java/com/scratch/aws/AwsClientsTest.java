package com.scratch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** What a client is built with comes from the environment map it is given, not from the JVM it runs in. */
class AwsClientsTest {

    private static final String SSM = "http://127.0.0.1:4001";
    private static final String SNS = "http://127.0.0.1:4002";
    private static final String GENERIC = "http://127.0.0.1:4566";

    @Test
    void theServiceSpecificEndpointWinsOverTheGenericOne() {
        // given
        Map<String, String> environment = environment(Map.of(
                "AWS_ENDPOINT_URL_SSM", SSM, "AWS_ENDPOINT_URL", GENERIC));

        // when
        try (SsmClient ssm = AwsClients.ssm(environment); SnsClient sns = AwsClients.sns(environment)) {
            // then: SSM has its own; SNS has none of its own and takes the generic one
            assertThat(ssm.serviceClientConfiguration().endpointOverride()).contains(URI.create(SSM));
            assertThat(sns.serviceClientConfiguration().endpointOverride()).contains(URI.create(GENERIC));
        }
    }

    @Test
    void eachServiceReadsItsOwnVariable() {
        Map<String, String> environment = environment(Map.of("AWS_ENDPOINT_URL_SSM", SSM, "AWS_ENDPOINT_URL_SNS", SNS));

        try (SsmClient ssm = AwsClients.ssm(environment); SnsClient sns = AwsClients.sns(environment)) {
            assertThat(ssm.serviceClientConfiguration().endpointOverride()).contains(URI.create(SSM));
            assertThat(sns.serviceClientConfiguration().endpointOverride()).contains(URI.create(SNS));
        }
    }

    @Test
    void withoutEndpointVariablesTheClientIsNotOverridden() {
        try (SsmClient ssm = AwsClients.ssm(environment(Map.of("AWS_ENDPOINT_URL_SSM", "  ")))) {
            assertThat(ssm.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void ignoringConfiguredEndpointsIgnoresThemAsTheSdkDoes() {
        Map<String, String> environment = environment(Map.of(
                "AWS_ENDPOINT_URL_SSM", SSM, "AWS_ENDPOINT_URL", GENERIC, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"));

        try (SsmClient ssm = AwsClients.ssm(environment)) {
            assertThat(ssm.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void twoEnvironmentsInOneJvmGiveTwoEndpointsAndRegions() {
        try (SnsClient one = AwsClients.sns(Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_SNS", SNS));
                SnsClient other = AwsClients.sns(Map.of("AWS_REGION", "us-west-2", "AWS_ENDPOINT_URL_SNS", GENERIC))) {
            assertThat(one.serviceClientConfiguration().endpointOverride()).contains(URI.create(SNS));
            assertThat(one.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(other.serviceClientConfiguration().endpointOverride()).contains(URI.create(GENERIC));
            assertThat(other.serviceClientConfiguration().region()).isEqualTo(Region.US_WEST_2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:4566", "not a url", "ftp://127.0.0.1:21", "http://", "http://[::1"})
    void anInvalidEndpointFailsTheColdStartNamingTheVariable(String url) {
        assertThatThrownBy(() -> AwsClients.ssm(environment(Map.of("AWS_ENDPOINT_URL_SSM", url))))
                .isInstanceOf(InvalidEndpointUrlException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_SSM")
                .hasMessageContaining("'" + url + "'");
        assertThatThrownBy(() -> AwsClients.sns(environment(Map.of("AWS_ENDPOINT_URL", url))))
                .isInstanceOf(InvalidEndpointUrlException.class)
                .hasMessageContaining("Environment variable AWS_ENDPOINT_URL is not");
    }

    @Test
    void theRegionIsTheEnvironmentsAndRequired() {
        // the build sets AWS_REGION=us-east-1 for the test JVM itself: the map's own is the one taken
        try (SsmClient ssm = AwsClients.ssm(Map.of("AWS_REGION", "ap-southeast-2"))) {
            assertThat(ssm.serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTHEAST_2);
        }
        assertThatThrownBy(() -> AwsClients.ssm(Map.of()))
                .isInstanceOf(AwsRegionNotSetException.class)
                .hasMessageContaining("AWS_REGION");
    }

    private static Map<String, String> environment(Map<String, String> endpoints) {
        Map<String, String> environment = new HashMap<>(endpoints);
        environment.put("AWS_REGION", "us-east-1");
        return environment;
    }
}
