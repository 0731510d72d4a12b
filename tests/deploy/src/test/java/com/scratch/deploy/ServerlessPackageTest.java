package com.scratch.deploy;

import static com.scratch.deploy.CloudFormationTemplate.getAtt;
import static com.scratch.deploy.CloudFormationTemplate.importValue;
import static com.scratch.deploy.CloudFormationTemplate.ref;
import static com.scratch.deploy.CloudFormationTemplate.sub;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.config.Stage;
import com.scratch.config.StageConfig;
import com.scratch.secrets.ParameterStoreCache;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packages both services with the real framework (osls) for prod, dev and a feature stage, and checks
 * the generated CloudFormation: what each function runs with, that IAM grants only what the code needs,
 * that the Java stage config and the IAM policy name the same Stripe key parameter for every stage, and
 * that notify-job subscribes to exactly the topic billing-api exports.
 *
 * <p>Needs {@code npm ci} at the repo root and the services' shaded jars ({@code mvn package}).
 */
class ServerlessPackageTest {

    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final String TOPIC_LOGICAL_ID = "NotePurchasedTopic";
    static final String TOPIC_ARN_OUTPUT = "NotePurchasedTopicArn";
    static final List<String> XRAY_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    /** Runs the test once for prod, for dev and for a feature stage that borrows the dev config. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "stage {0}")
    @ValueSource(strings = {"dev", "prod", "feature-login"})
    @interface ForEveryStage {
    }

    static CloudFormationTemplate billingTemplate(String stage) {
        return PackagedTemplates.template(Service.BILLING_API, stage);
    }

    static CloudFormationTemplate notifyTemplate(String stage) {
        return PackagedTemplates.template(Service.NOTIFY_JOB, stage);
    }

    @Nested
    class BillingApi {

        static final String FUNCTION = "BillingLambdaFunction";

        @ForEveryStage
        void functionRunsJava21WithTracingAndTheStage(String stage) {
            // when
            JsonNode function = billingTemplate(stage).properties(FUNCTION);

            // then
            assertThat(function.path("Runtime").asText()).isEqualTo("java21");
            assertThat(function.path("Handler").asText())
                    .isEqualTo("com.scratch.billing.BillingHandler::handleRequest");
            assertThat(function.path("TracingConfig").path("Mode").asText()).isEqualTo("Active");
            assertThat(function.path("MemorySize").asInt()).isEqualTo(1024);
            assertThat(function.path("Timeout").asInt()).isEqualTo(28);
        }

        @ForEveryStage
        void snapStartIsOnForPublishedVersions(String stage) {
            // when
            JsonNode function = billingTemplate(stage).properties(FUNCTION);

            // then
            assertThat(function.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        }

        @ForEveryStage
        void environmentNamesTheStageAndTheTopic(String stage) {
            // when
            JsonNode environment = billingTemplate(stage).environmentOf(FUNCTION);

            // then
            assertThat(environment.path(StageConfig.STAGE_VARIABLE).asText()).isEqualTo(stage);
            assertThat(environment.path("JAVA_TOOL_OPTIONS").asText()).isEqualTo(JAVA_TOOL_OPTIONS);
            assertThat(environment.path("NOTE_PURCHASED_TOPIC_ARN")).isEqualTo(ref(TOPIC_LOGICAL_ID));
            assertThat(environment.has(StageConfig.ADMIN_PHONE_VARIABLE)).isFalse();
        }

        @ForEveryStage
        void postBillingNeedsSignedRequestsAndAnswersCorsPreflight(String stage) {
            // given
            CloudFormationTemplate template = billingTemplate(stage);

            // when
            JsonNode resource = template.properties("ApiGatewayResourceBilling");
            JsonNode post = template.properties("ApiGatewayMethodBillingPost");
            JsonNode options = template.properties("ApiGatewayMethodBillingOptions");

            // then
            assertThat(resource.path("PathPart").asText()).isEqualTo("billing");
            assertThat(post.path("HttpMethod").asText()).isEqualTo("POST");
            assertThat(post.path("AuthorizationType").asText()).isEqualTo("AWS_IAM");
            assertThat(post.path("Integration").path("Type").asText()).isEqualTo("AWS_PROXY");
            assertThat(options.path("HttpMethod").asText()).isEqualTo("OPTIONS");
            assertThat(options.path("ResourceId")).isEqualTo(ref("ApiGatewayResourceBilling"));
            // a browser may send the Idempotency-Key header that paymentMethod purchases need
            JsonNode preflight = options.path("Integration").path("IntegrationResponses").path(0).path("ResponseParameters");
            assertThat(preflight.path("method.response.header.Access-Control-Allow-Headers").asText())
                    .contains("Idempotency-Key").contains("Authorization").contains("X-Amz-Security-Token");
            assertThat(preflight.path("method.response.header.Access-Control-Allow-Origin").asText()).isEqualTo("'*'");
        }

        /** Stripe cannot sign with AWS credentials: the webhook is open, and its Stripe-Signature is checked in code. */
        @ForEveryStage
        void postBillingWebhookIsOpenToStripeAndRunsTheWebhookHandler(String stage) {
            // given
            CloudFormationTemplate template = billingTemplate(stage);

            // when
            JsonNode resource = template.properties("ApiGatewayResourceBillingWebhook");
            JsonNode post = template.properties("ApiGatewayMethodBillingWebhookPost");
            JsonNode function = template.properties("WebhookLambdaFunction");

            // then
            assertThat(resource.path("PathPart").asText()).isEqualTo("webhook");
            assertThat(resource.path("ParentId")).isEqualTo(ref("ApiGatewayResourceBilling"));
            assertThat(post.path("HttpMethod").asText()).isEqualTo("POST");
            assertThat(post.path("AuthorizationType").asText()).isEqualTo("NONE");
            assertThat(function.path("Handler").asText()).isEqualTo("com.scratch.billing.StripeWebhookHandler::handleRequest");
            assertThat(function.path("Environment").path("Variables").path("NOTE_PURCHASED_TOPIC_ARN"))
                    .isEqualTo(ref(TOPIC_LOGICAL_ID));
            assertThat(function.path("Environment").path("Variables").path("ANNOUNCEMENTS_TABLE"))
                    .isEqualTo(ref("PurchaseAnnouncementsTable"));
        }

        @ForEveryStage
        void topicIsNamedAfterTheStageAndItsArnExported(String stage) {
            // given
            CloudFormationTemplate template = billingTemplate(stage);

            // when
            JsonNode topic = template.resource(TOPIC_LOGICAL_ID);

            // then
            assertThat(topic.path("Type").asText()).isEqualTo("AWS::SNS::Topic");
            assertThat(topic.path("Properties").path("TopicName").asText()).isEqualTo(stage + "-note-purchased");
            assertThat(template.output(TOPIC_ARN_OUTPUT).path("Value")).isEqualTo(ref(TOPIC_LOGICAL_ID));
            assertThat(template.exportNameOf(TOPIC_ARN_OUTPUT)).isEqualTo(stage + "-ExtNotePurchasedTopicArn");
        }

        /** Active tracing carries billing's trace through the topic into notify's invocation. */
        @ForEveryStage
        void topicPassesTracesOn(String stage) {
            // when
            JsonNode topic = billingTemplate(stage).properties(TOPIC_LOGICAL_ID);

            // then
            assertThat(topic.path("TracingConfig").asText()).isEqualTo("Active");
        }

        /** The Java config and the IAM policy must agree, or the function is denied its own key or webhook secret. */
        @ForEveryStage
        void mayReadExactlyTheStripeKeyAndWebhookSecretParametersTheJavaConfigPicks(String stage) {
            // given
            StageConfig config = StageConfig.forStage(Stage.of(stage));

            // when
            List<IamStatement> ssm = billingTemplate(stage).lambdaRoleStatementsFor("ssm");

            // then
            // ParameterStoreCache reads with GetParameter and prefetches with GetParameters: both, on those two ARNs
            assertThat(ssm).containsExactly(new IamStatement("Allow", ParameterStoreCache.IAM_ACTIONS,
                    List.of(stripeKeyParameterArn(config.stripeKeyParameter()),
                            stripeKeyParameterArn(config.stripeWebhookSecretParameter()))));
        }

        @Test
        void featureStageReadsTheDevKey() {
            // when
            List<IamStatement> feature = billingTemplate("feature-login").lambdaRoleStatementsFor("ssm");
            List<IamStatement> dev = billingTemplate("dev").lambdaRoleStatementsFor("ssm");
            List<IamStatement> prod = billingTemplate("prod").lambdaRoleStatementsFor("ssm");

            // then
            assertThat(feature).isEqualTo(dev);
            assertThat(dev).singleElement().extracting(IamStatement::resources)
                    .isEqualTo(List.of(stripeKeyParameterArn(StageConfig.TEST_STRIPE_KEY_PARAMETER),
                            stripeKeyParameterArn(StageConfig.TEST_STRIPE_WEBHOOK_SECRET_PARAMETER)));
            assertThat(prod).singleElement().extracting(IamStatement::resources)
                    .isEqualTo(List.of(stripeKeyParameterArn(StageConfig.LIVE_STRIPE_KEY_PARAMETER),
                            stripeKeyParameterArn(StageConfig.LIVE_STRIPE_WEBHOOK_SECRET_PARAMETER)));
        }

        @ForEveryStage
        void mayPublishOnlyToItsTopic(String stage) {
            // when
            List<IamStatement> sns = billingTemplate(stage).lambdaRoleStatementsFor("sns");

            // then
            assertThat(sns).containsExactly(
                    new IamStatement("Allow", List.of("sns:Publish"), List.of(ref(TOPIC_LOGICAL_ID))));
        }

        @ForEveryStage
        void grantsNothingOnEveryResourceButXRay(String stage) {
            // when
            List<IamStatement> statements = billingTemplate(stage).lambdaRoleStatements();

            // then
            assertThat(statements).anySatisfy(ServerlessPackageTest::assertIsXRayStatement);
            assertThat(statements).filteredOn(IamStatement::appliesToAnyResource)
                    .allSatisfy(ServerlessPackageTest::assertIsXRayStatement);
        }

        private static JsonNode stripeKeyParameterArn(String parameterName) {
            return sub("arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter" + parameterName);
        }
    }

    @Nested
    class NotifyJob {

        static final String FUNCTION = "NotifyLambdaFunction";

        @ForEveryStage
        void functionRunsJava21WithTracingAndTheStage(String stage) {
            // when
            JsonNode function = notifyTemplate(stage).properties(FUNCTION);
            JsonNode environment = notifyTemplate(stage).environmentOf(FUNCTION);

            // then
            assertThat(function.path("Runtime").asText()).isEqualTo("java21");
            assertThat(function.path("Handler").asText())
                    .isEqualTo("com.scratch.notify.NotifyHandler::handleRequest");
            assertThat(function.path("TracingConfig").path("Mode").asText()).isEqualTo("Active");
            assertThat(function.path("MemorySize").asInt()).isEqualTo(512);
            assertThat(function.path("Timeout").asInt()).isEqualTo(30);
            assertThat(environment.path(StageConfig.STAGE_VARIABLE).asText()).isEqualTo(stage);
            assertThat(environment.path("JAVA_TOOL_OPTIONS").asText()).isEqualTo(JAVA_TOOL_OPTIONS);
        }

        @ForEveryStage
        void subscribesToTheTopicBillingExportsForTheSameStage(String stage) {
            // given
            JsonNode billingTopicArn = importValue(billingTemplate(stage).exportNameOf(TOPIC_ARN_OUTPUT));

            // when
            JsonNode subscription = notifyTemplate(stage).propertiesOfOnly("AWS::SNS::Subscription");

            // then
            assertThat(subscription.path("TopicArn")).isEqualTo(billingTopicArn);
            assertThat(subscription.path("Protocol").asText()).isEqualTo("lambda");
            assertThat(subscription.path("Endpoint")).isEqualTo(getAtt(FUNCTION, "Arn"));
        }

        @ForEveryStage
        void letsThatTopicInvokeTheFunction(String stage) {
            // given
            JsonNode billingTopicArn = importValue(billingTemplate(stage).exportNameOf(TOPIC_ARN_OUTPUT));

            // when
            JsonNode permission = notifyTemplate(stage).propertiesOfOnly("AWS::Lambda::Permission");

            // then
            assertThat(permission.path("Principal").asText()).isEqualTo("sns.amazonaws.com");
            assertThat(permission.path("Action").asText()).isEqualTo("lambda:InvokeFunction");
            assertThat(permission.path("FunctionName")).isEqualTo(getAtt(FUNCTION, "Arn"));
            assertThat(permission.path("SourceArn")).isEqualTo(billingTopicArn);
        }

        /** An SMS publish names a phone number, not a topic: there is no ARN to narrow it to. */
        @ForEveryStage
        void mayPublishSmsAnywhere(String stage) {
            // when
            List<IamStatement> statements = notifyTemplate(stage).lambdaRoleStatements();

            // then
            assertThat(notifyTemplate(stage).lambdaRoleStatementsFor("sns")).containsExactly(
                    new IamStatement("Allow", List.of("sns:Publish"), List.of(IamStatement.ANY_RESOURCE)));
            assertThat(statements).anySatisfy(ServerlessPackageTest::assertIsXRayStatement);
        }
    }

    @Nested
    class Artifacts {

        static final List<String> EXCLUDED_HTTP_CLIENTS = List.of(
                "software/amazon/awssdk/http/apache/",
                "software/amazon/awssdk/http/apache5/",
                "software/amazon/awssdk/http/nio/netty/");
        static final String URL_CONNECTION_HTTP_CLIENT = "software/amazon/awssdk/http/urlconnection/";

        @ForEveryStage
        void billingDeploysItsShadedJar(String stage) throws IOException {
            assertDeploysShadedJar(billingTemplate(stage), "BillingLambdaFunction", Service.BILLING_API);
            assertDeploysShadedJar(billingTemplate(stage), "WebhookLambdaFunction", Service.BILLING_API);
        }

        @ForEveryStage
        void notifyDeploysItsShadedJar(String stage) throws IOException {
            assertDeploysShadedJar(notifyTemplate(stage), "NotifyLambdaFunction", Service.NOTIFY_JOB);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Service.class)
        void shadedJarShipsOnlyTheUrlConnectionHttpClient(Service service) throws IOException {
            // when
            List<String> entries;
            try (ZipFile jar = new ZipFile(service.builtShadedJar().toFile())) {
                entries = jar.stream().map(ZipEntry::getName).toList();
            }

            // then
            assertThat(entries)
                    .as("Apache and Netty HTTP client classes in %s", service.shadedJar())
                    .filteredOn(name -> EXCLUDED_HTTP_CLIENTS.stream().anyMatch(name::startsWith))
                    .isEmpty();
            assertThat(entries)
                    .as("url-connection HTTP client classes in %s", service.shadedJar())
                    .filteredOn(name -> name.startsWith(URL_CONNECTION_HTTP_CLIENT) && name.endsWith(".class"))
                    .isNotEmpty();
        }

        /**
         * The template names the jar in its S3 key, and the function version carries the SHA-256 the
         * framework computed from the file it will upload: it must be this very jar.
         */
        private static void assertDeploysShadedJar(
                CloudFormationTemplate template, String function, Service service) throws IOException {
            // given
            String jarSha256 = sha256Base64(service.shadedJar());

            // when
            String s3Key = template.properties(function).path("Code").path("S3Key").asText();
            JsonNode version = template.resourcesOfType("AWS::Lambda::Version").values().stream()
                    .map(resource -> resource.path("Properties"))
                    .filter(properties -> properties.path("FunctionName").equals(ref(function)))
                    .findFirst().orElseThrow(() -> new AssertionError("no AWS::Lambda::Version of " + function));

            // then
            assertThat(s3Key).endsWith("/" + service.shadedJarName());
            assertThat(version.path("CodeSha256").asText())
                    .as("SHA-256 of %s", service.shadedJar())
                    .isEqualTo(jarSha256);
        }
    }

    static void assertIsXRayStatement(IamStatement statement) {
        assertThat(statement.effect()).isEqualTo("Allow");
        assertThat(statement.actions()).containsExactlyInAnyOrderElementsOf(XRAY_ACTIONS);
        assertThat(statement.resources()).containsExactly(IamStatement.ANY_RESOURCE);
    }

    private static String sha256Base64(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
