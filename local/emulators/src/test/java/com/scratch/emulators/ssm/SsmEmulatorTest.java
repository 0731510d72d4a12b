package com.scratch.emulators.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.InternalServerErrorException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;
import software.amazon.awssdk.services.ssm.model.ThrottlingException;

class SsmEmulatorTest {

    private static SsmEmulator ssm;
    private static SsmClient client;

    @BeforeAll
    static void startEmulator() {
        ssm = SsmEmulator.start();
        client = clientBuilder().overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterEach
    void resetEmulator() {
        ssm.reset();
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        ssm.close();
    }

    @Test
    void getParameterReturnsValueVersionArnAndTimestampInSeconds() {
        // given
        ssm.putString("/app/db/user", "app");
        ssm.putString("/app/db/user", "app2");

        // when
        GetParameterResponse response = client.getParameter(r -> r.name("/app/db/user"));

        // then
        Parameter parameter = response.parameter();
        assertThat(parameter.value()).isEqualTo("app2");
        assertThat(parameter.type()).isEqualTo(ParameterType.STRING);
        assertThat(parameter.version()).isEqualTo(2L);
        assertThat(parameter.arn()).isEqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/app/db/user");
        assertThat(parameter.dataType()).isEqualTo("text");
        // Epoch milliseconds would parse as a date tens of thousands of years away.
        assertThat(parameter.lastModifiedDate()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(response.responseMetadata().requestId()).isNotBlank().isNotEqualTo("UNKNOWN");
        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
        assertThat(ssm.calls()).extracting(SsmCall::operation).containsExactly("GetParameter");
    }

    @Test
    void secureStringIsPlaintextOnlyWithDecryption() {
        // given
        ssm.putSecureString("/app/stripe/key", "sk_test_secret");

        // when
        String decrypted = client.getParameter(r -> r.name("/app/stripe/key").withDecryption(true)).parameter().value();
        String encrypted = client.getParameter(r -> r.name("/app/stripe/key")).parameter().value();

        // then
        assertThat(decrypted).isEqualTo("sk_test_secret");
        assertThat(encrypted).isNotEqualTo("sk_test_secret").doesNotContain("sk_test");
        assertThat(new String(Base64.getDecoder().decode(encrypted), StandardCharsets.ISO_8859_1))
                .doesNotContain("sk_test_secret");
        assertThat(ssm.calls().get(0).body().path("WithDecryption").asBoolean()).isTrue();
        assertThat(ssm.calls().get(1).body().has("WithDecryption")).isFalse();
    }

    @Test
    void missingParameterRaisesParameterNotFound() {
        // when / then
        assertThatThrownBy(() -> client.getParameter(r -> r.name("/app/x")))
                .isInstanceOfSatisfying(ParameterNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Parameter /app/x not found.");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void getParametersListsUnknownNamesAsInvalid() {
        // given
        ssm.putString("/app/db/user", "app");
        ssm.putSecureString("/app/db/password", "s3cr3t");

        // when
        GetParametersResponse response = client.getParameters(r -> r
                .names("/app/db/password", "/app/db/user", "/app/missing").withDecryption(true));

        // then
        assertThat(response.parameters()).extracting(Parameter::name, Parameter::value)
                .containsExactly(tuple("/app/db/password", "s3cr3t"),
                        tuple("/app/db/user", "app"));
        assertThat(response.invalidParameters()).containsExactly("/app/missing");
    }

    @Test
    void getParametersByPathPagesThroughEverythingWithThePaginator() {
        // given
        for (int i = 0; i < 23; i++) {
            ssm.putString(String.format("/app/flags/f%02d", i), "on");
        }
        ssm.putString("/app/flags/nested/deep", "x");
        ssm.putString("/other/flag", "y");

        // when (this paginator has no flattened parameters() view: the SSM model names no result key)
        List<String> recursive = client.getParametersByPathPaginator(r -> r.path("/app").recursive(true))
                .stream().flatMap(page -> page.parameters().stream()).map(Parameter::name).toList();
        List<String> direct = client.getParametersByPathPaginator(r -> r.path("/app/flags/").recursive(false))
                .stream().flatMap(page -> page.parameters().stream()).map(Parameter::name).toList();

        // then
        assertThat(recursive).hasSize(24).contains("/app/flags/nested/deep").doesNotContain("/other/flag");
        assertThat(direct).hasSize(23).doesNotContain("/app/flags/nested/deep");
        assertThat(ssm.callCount("GetParametersByPath")).isEqualTo(3 + 3);
    }

    @Test
    void getParametersByPathRejectsPagesOverTen() {
        // when / then
        assertThatThrownBy(() -> client.getParametersByPath(r -> r.path("/app").maxResults(11)))
                .hasMessageContaining("less than or equal to 10");
    }

    @Test
    void putParameterCreatesThenOverwritesWithIncreasingVersions() {
        // when
        PutParameterResponse first = client.putParameter(r -> r.name("/app/n").value("1").type(ParameterType.STRING));
        PutParameterResponse second = client.putParameter(r -> r.name("/app/n").value("2").overwrite(true));

        // then
        assertThat(first.version()).isEqualTo(1L);
        assertThat(second.version()).isEqualTo(2L);
        assertThat(second.tierAsString()).isEqualTo("Standard");
        assertThat(ssm.value("/app/n")).contains("2");
        assertThat(client.getParameter(r -> r.name("/app/n")).parameter().type()).isEqualTo(ParameterType.STRING);
    }

    @Test
    void putParameterWithoutOverwriteOnAnExistingNameFails() {
        // given
        ssm.putString("/app/n", "1");

        // when / then
        assertThatThrownBy(() -> client.putParameter(r -> r.name("/app/n").value("2").type(ParameterType.STRING)))
                .isInstanceOf(ParameterAlreadyExistsException.class);
        assertThat(ssm.value("/app/n")).contains("1");
    }

    @Test
    void putParameterStoresSecureStrings() {
        // when
        client.putParameter(r -> r.name("/app/pw").value("n3w").type(ParameterType.SECURE_STRING));

        // then
        assertThat(ssm.value("/app/pw")).contains("n3w");
        assertThat(ssm.calls().get(0).toString()).doesNotContain("n3w");
        assertThat(client.getParameter(r -> r.name("/app/pw")).parameter().value()).isNotEqualTo("n3w");
    }

    @Test
    void deleteParameterRemovesItAndFailsOnASecondDelete() {
        // given
        ssm.putString("/app/n", "1");

        // when
        client.deleteParameter(r -> r.name("/app/n"));

        // then
        assertThat(ssm.value("/app/n")).isEmpty();
        assertThatThrownBy(() -> client.deleteParameter(r -> r.name("/app/n")))
                .isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void throttlingFaultRaisesThrottlingException() {
        // given
        ssm.putString("/app/n", "1");
        ssm.failNext(1, SsmFault.THROTTLING);

        // when / then
        assertThatThrownBy(() -> client.getParameter(r -> r.name("/app/n")))
                .isInstanceOfSatisfying(ThrottlingException.class,
                        e -> assertThat(e.isThrottlingException()).isTrue());
        assertThat(client.getParameter(r -> r.name("/app/n")).parameter().value()).isEqualTo("1");
        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    @Test
    void throttlingIsRetriedByTheDefaultClient() {
        // given
        ssm.putString("/app/n", "1");
        ssm.failNext(1, SsmFault.THROTTLING);

        // when
        String value;
        try (SsmClient retrying = clientBuilder().build()) {
            value = retrying.getParameter(r -> r.name("/app/n")).parameter().value();
        }

        // then
        assertThat(value).isEqualTo("1");
        assertThat(ssm.callCount("GetParameter")).isEqualTo(2);
    }

    @Test
    void internalErrorFaultRaisesInternalServerError() {
        // given
        ssm.failNext(1, SsmFault.INTERNAL_ERROR);

        // when / then
        assertThatThrownBy(() -> client.getParameter(r -> r.name("/app/n")))
                .isInstanceOfSatisfying(InternalServerErrorException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    void accessDeniedFaultRaisesAccessDenied() {
        // given
        ssm.failNext(1, SsmFault.ACCESS_DENIED);

        // when / then
        assertThatThrownBy(() -> client.putParameter(r -> r.name("/app/n").value("1").type(ParameterType.STRING)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ssm.callCount("PutParameter")).isEqualTo(1);
        assertThat(ssm.value("/app/n")).isEmpty();
    }

    @Test
    void delayedResponsesRunIntoTheClientTimeout() {
        // given
        ssm.putString("/app/n", "1");
        ssm.delayResponses(Duration.ofSeconds(2));

        // when / then
        try (SsmClient impatient = clientBuilder().overrideConfiguration(o -> o
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofMillis(200))).build()) {
            assertThatThrownBy(() -> impatient.getParameter(r -> r.name("/app/n")))
                    .isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void unknownTargetIsAnInvalidAction() throws Exception {
        // given
        HttpRequest request = HttpRequest.newBuilder(ssm.endpoint().resolve("/"))
                .header("X-Amz-Target", "AmazonSSM.LabelParameterVersion")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();

        // when
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"InvalidAction\"");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void resetForgetsParametersCallsAndFaults() {
        // given
        ssm.putString("/app/n", "1");
        ssm.failNext(3, SsmFault.INTERNAL_ERROR);
        ssm.delayResponses(Duration.ofSeconds(5));

        // when
        ssm.reset();

        // then
        assertThatThrownBy(() -> client.getParameter(r -> r.name("/app/n")))
                .isInstanceOf(ParameterNotFoundException.class);
        assertThat(ssm.callCount("GetParameter")).isEqualTo(1);
    }

    @Test
    void parametersLiveInTheStoreGivenAtStart() {
        // given
        ParameterVault vault = new InMemoryParameterVault();
        vault.save(new VaultEntry("/seeded", com.scratch.emulators.ssm.ParameterType.STRING, "from-vault", 7,
                Instant.parse("2024-06-10T16:07:03.456Z")));

        // when
        Parameter parameter;
        try (SsmEmulator own = SsmEmulator.start(0, vault);
             SsmClient ownClient = SsmClient.builder().endpointOverride(own.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            parameter = ownClient.getParameter(r -> r.name("/seeded")).parameter();
            own.putString("/written", "x");
        }

        // then
        assertThat(parameter.value()).isEqualTo("from-vault");
        assertThat(parameter.version()).isEqualTo(7L);
        assertThat(parameter.lastModifiedDate()).isEqualTo(Instant.parse("2024-06-10T16:07:03.456Z"));
        assertThat(vault.find("/written")).isPresent();
    }

    private static SsmClientBuilder clientBuilder() {
        return SsmClient.builder()
                .endpointOverride(ssm.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create());
    }
}
