package com.scratch.emulators.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.ssm.SsmEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The SSM and SNS emulators under {@link AccessControl}, driven by the real SDK signing as each caller. */
class AccessControlTest {

    static final String KEY = "/stripeSecretKey/test";
    static final String KEY_ARN = "arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/test";
    static final String ROLE = "billing-api-dev-us-east-1-lambdaRole";

    final SsmEmulator ssm = SsmEmulator.start();
    final SnsEmulator sns = SnsEmulator.start();
    final AccessControl access = new AccessControl();
    final List<AccessRefusal> refusals = new CopyOnWriteArrayList<>();

    AccessControlTest() {
        ssm.putSecureString(KEY, "sk_test_123");
        ssm.enforce(access);
        sns.enforce(access);
        access.onRefusal(refusals::add);
    }

    @AfterEach
    void stop() {
        ssm.close();
        sns.close();
    }

    @Test
    void aRoleWithOnlyGetParameterIsRefusedGetParametersAsSsmRefusesIt() {
        // given
        LocalPrincipal billing = register(PolicyStatement.allow(List.of("ssm:GetParameter"), List.of(KEY_ARN)));

        try (SsmClient client = ssmAs(billing.accessKeyId(), billing.secretAccessKey())) {
            // when
            String single = client.getParameter(r -> r.name(KEY).withDecryption(true)).parameter().value();

            // then
            assertThat(single).isEqualTo("sk_test_123");
            assertThatThrownBy(() -> client.getParameters(r -> r.names(KEY).withDecryption(true)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/"
                                + ROLE + "/billing-api-dev-billing is not authorized to perform: ssm:GetParameters on resource: "
                                + KEY_ARN + " because no identity-based policy allows the ssm:GetParameters action");
                    });
        }
        assertThat(refusals).singleElement().isInstanceOfSatisfying(AccessRefusal.NotAuthorized.class, refusal -> {
            assertThat(refusal.principal().functionName()).isEqualTo("billing");
            assertThat(refusal.resource()).isEqualTo(KEY_ARN);
        });
    }

    @Test
    void snsRefusesAPublishToAnotherTopicWithA403AuthorizationError() {
        // given
        String own = sns.createTopic("dev-note-purchased");
        String other = sns.createTopic("prod-note-purchased");
        LocalPrincipal billing = register(PolicyStatement.allow(List.of("sns:Publish"), List.of(own)));

        try (SnsClient client = snsAs(billing.accessKeyId(), billing.secretAccessKey())) {
            // when
            client.publish(r -> r.topicArn(own).message("{}"));

            // then
            assertThatThrownBy(() -> client.publish(r -> r.topicArn(other).message("{}")))
                    .isInstanceOfSatisfying(AuthorizationErrorException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).endsWith("is not authorized to perform: SNS:Publish on resource: "
                                + other + " because no identity-based policy allows the SNS:Publish action");
                    });
            // a text names a phone number, which only Resource "*" allows
            assertThatThrownBy(() -> client.publish(r -> r.phoneNumber("+14151234567").message("hi")))
                    .isInstanceOf(AuthorizationErrorException.class)
                    .hasMessageContaining("on resource: +14151234567");
        }
        assertThat(sns.published(own)).hasSize(1);
        assertThat(sns.published(other)).isEmpty();
        assertThat(sns.smsOutbox()).isEmpty();
    }

    @Test
    void anExplicitDenyIsNamedInTheMessage() {
        // given
        LocalPrincipal billing = register(PolicyStatement.allow(List.of("ssm:*"), List.of("*")),
                PolicyStatement.deny(List.of("ssm:GetParameter*"), List.of(KEY_ARN)));

        try (SsmClient client = ssmAs(billing.accessKeyId(), billing.secretAccessKey())) {
            // then
            assertThatThrownBy(() -> client.getParameter(r -> r.name(KEY)))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("is not authorized to perform: ssm:GetParameter on resource: " + KEY_ARN
                            + " with an explicit deny in an identity-based policy");
        }
    }

    @Test
    void anUnknownAccessKeyOrAWrongSecretIsRefusedBeforeThePolicyIsRead() {
        // given
        LocalPrincipal billing = register(PolicyStatement.allow(List.of("*"), List.of("*")));

        // then
        try (SsmClient stranger = ssmAs("ASIASTRANGER0000000", "whatever");
                SsmClient forger = ssmAs(billing.accessKeyId(), "not-the-secret")) {
            assertThatThrownBy(() -> stranger.getParameter(r -> r.name(KEY).withDecryption(true)))
                    .isInstanceOfSatisfying(SsmException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
            assertThatThrownBy(() -> forger.getParameter(r -> r.name(KEY).withDecryption(true)))
                    .isInstanceOfSatisfying(SsmException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
        }
        try (SnsClient stranger = snsAs("ASIASTRANGER0000000", "whatever")) {
            assertThatThrownBy(() -> stranger.listTopics())
                    .isInstanceOfSatisfying(SnsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    });
        }
    }

    @Test
    void anUnsignedRequestCannotReadOrOverwriteTheKey() throws Exception {
        // given
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest read = HttpRequest.newBuilder(ssm.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonSSM.GetParameter")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"" + KEY + "\",\"WithDecryption\":true}"))
                .build();
        HttpRequest overwrite = HttpRequest.newBuilder(ssm.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonSSM.PutParameter")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"" + KEY
                        + "\",\"Value\":\"sk_test_evil\",\"Type\":\"SecureString\",\"Overwrite\":true}"))
                .build();

        // when
        HttpResponse<String> readAnswer = http.send(read, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> overwriteAnswer = http.send(overwrite, HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(readAnswer.statusCode()).isEqualTo(400);
        assertThat(readAnswer.body()).contains("MissingAuthenticationTokenException").doesNotContain("sk_test_123");
        assertThat(overwriteAnswer.statusCode()).isEqualTo(400);
        assertThat(ssm.value(KEY)).contains("sk_test_123");
    }

    private LocalPrincipal register(PolicyStatement... statements) {
        LocalPrincipal principal = LocalPrincipal.forFunction("billing", LocalAccount.ACCOUNT_ID, ROLE,
                "billing-api-dev-billing", new IamPolicy(List.of(statements)));
        access.register(principal);
        return principal;
    }

    private SsmClient ssmAs(String accessKeyId, String secret) {
        return SsmClient.builder().endpointOverride(ssm.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    private SnsClient snsAs(String accessKeyId, String secret) {
        return SnsClient.builder().endpointOverride(sns.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
