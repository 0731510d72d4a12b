package com.scratch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.sandbox.api.LocalCaller;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.testing.ConsoleCopy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox holds each function to the role {@code osls package} generates for it: a copy of the repository
 * whose billing role lacks an action fails the purchase as AWS would, with one line saying what would allow it.
 * (The real definitions pass: {@link SandboxIT} runs the whole flow with IAM enforced.)
 */
class SandboxIamIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISH_STATEMENT = """
                    - Effect: Allow
                      Action:
                        - sns:Publish
                      Resource:
                        - !Ref NotePurchasedTopic
            """;
    private static final String READ_KEY_STATEMENT = """
                    - Effect: Allow
                      Action:
                        - ssm:GetParameter
                        - ssm:GetParameters
                      Resource:
                        - !Sub 'arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter${self:custom.stripeKeyParameter}'
                        # The webhook's signing secret, of the same account. The framework gives both functions one
                        # role, so each may read both parameters; neither may read anything else.
                        - !Sub 'arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter${self:custom.stripeWebhookSecretParameter}'
            """;
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:local-note-purchased";

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ConsoleCopy output = new ConsoleCopy(System.out);

    @Test
    void aBillingRoleWithoutSnsPublishCharges503sAndNamesTheMissingStatement() throws Exception {
        // given
        Path root = repositoryCopyWithBillingDefinition(definition -> remove(definition, PUBLISH_STATEMENT));

        try (Sandbox stack = start(root, true)) {
            // when
            HttpResponse<String> response = purchase(stack);

            // then: charged, not announced, as on AWS; the client's retry with the same key would not charge again
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("purchase_not_recorded");
            assertThat(stack.endpoints().orElseThrow().sns.published(TOPIC)).isEmpty();
        }
        assertThat(output()).contains("billing  IAM  refused sns:Publish on " + TOPIC + ": no statement allows it;"
                + " allowed by adding to services/billing-api/serverless.yml provider.iam.role.statements:"
                + " {Effect: Allow, Action: sns:Publish, Resource: '" + TOPIC + "'}");
    }

    /**
     * The bug this enforcement was built for: the prefetch at init (GetParameters) is refused and says so at once; as
     * on AWS, a request after it reads the key again with GetParameter, which the role still allows.
     */
    @Test
    void aBillingRoleWithoutGetParametersHasItsPrefetchRefusedAtInit() throws Exception {
        // given
        Path root = repositoryCopyWithBillingDefinition(definition -> remove(definition, "            - ssm:GetParameters\n"));

        try (Sandbox stack = start(root, true)) {
            // when
            HttpResponse<String> response = purchase(stack);

            // then
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(output()).contains("billing  IAM  refused ssm:GetParameters on"
                + " arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/test: no statement allows it");
    }

    @Test
    void aBillingRoleThatMayNotReadTheKeyAnswers503AndChargesNothing() throws Exception {
        // given
        Path root = repositoryCopyWithBillingDefinition(definition -> remove(definition, READ_KEY_STATEMENT));

        try (Sandbox stack = start(root, true)) {
            // when
            HttpResponse<String> response = purchase(stack);

            // then
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("service_unavailable");
            assertThat(stack.endpoints().orElseThrow().stripe.createdPaymentIntentCount()).isZero();
        }
        assertThat(output()).contains("billing  IAM  refused ssm:GetParameter on"
                + " arn:aws:ssm:us-east-1:000000000000:parameter/stripeSecretKey/test: no statement allows it");
    }

    @Test
    void noIamLetsTheSameCopyThroughForAQuickExperiment() throws Exception {
        // given
        Path root = repositoryCopyWithBillingDefinition(definition -> remove(definition, PUBLISH_STATEMENT));

        try (Sandbox stack = start(root, false)) {
            // when
            HttpResponse<String> response = purchase(stack);

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(stack.endpoints().orElseThrow().sns.published(TOPIC)).hasSize(1);
        }
        assertThat(output()).doesNotContain("IAM  refused");
    }

    private Sandbox start(Path root, boolean enforceIam) throws IOException {
        SandboxOptions options = SandboxOptions.defaults(root)
                .withApiPort(0)
                .withDataDirectory(temp.resolve("data"))
                .withIamEnforced(enforceIam);
        return Sandbox.start(options, new InvocationLog(output.printStream()));
    }

    private HttpResponse<String> purchase(Sandbox stack) throws IOException, InterruptedException {
        HttpRequest request = LocalCaller.DEVELOPER.signed(stack.apiEndpoint().resolve("/billing"), "POST",
                "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String output() {
        return output.text();
    }

    /** The definitions and jars of the real repository, billing's serverless.yml changed, node_modules shared. */
    private Path repositoryCopyWithBillingDefinition(java.util.function.UnaryOperator<String> change) throws IOException {
        Path real = RepositoryRoot.find();
        Path root = temp.resolve("repository");
        Files.createDirectories(root);
        Files.copy(real.resolve("serverless.common.yml"), root.resolve("serverless.common.yml"));
        Files.createSymbolicLink(root.resolve("node_modules"), real.resolve("node_modules"));
        // the framework plugin both serverless.yml load (the stage-name rule)
        Files.createSymbolicLink(root.resolve("deploy"), real.resolve("deploy"));
        for (String service : List.of("billing-api", "notify-job")) {
            Path from = real.resolve("services").resolve(service);
            Path to = Files.createDirectories(root.resolve("services").resolve(service).resolve("target")).getParent();
            String definition = Files.readString(from.resolve("serverless.yml"));
            Files.writeString(to.resolve("serverless.yml"), service.equals("billing-api") ? change.apply(definition) : definition);
            Files.copy(from.resolve("target").resolve(service + ".jar"), to.resolve("target").resolve(service + ".jar"));
        }
        return root;
    }

    private static String remove(String definition, String part) {
        assertThat(definition).as("billing's serverless.yml").contains(part);
        return definition.replace(part, "");
    }
}
