package com.scratch.sandbox.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.sandbox.definitions.EnvironmentValue.Literal;
import com.scratch.sandbox.definitions.TopicSubscription.ImportedTopic;
import com.scratch.sandbox.definitions.TopicSubscription.TopicByArn;
import com.scratch.sandbox.definitions.TopicSubscription.TopicInService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Functions, their events and overrides, on the fixture repositories. */
class FunctionReadingTest {

    @Test
    void aFunctionOverridesTheProviderSettings() {
        // given
        Path root = TestPaths.fixture("variables");

        // when
        ServiceDefinition hello = ServerlessProject.load(root, "local", Map.of()).service("hello").orElseThrow();

        // then
        FunctionDefinition overriding = hello.function("hello").orElseThrow();
        assertThat(overriding.memorySize()).isEqualTo(256);
        assertThat(overriding.timeoutSeconds()).isEqualTo(3);
        // GREETING keeps the provider's place; the function's own variables come last.
        assertThat(overriding.environment().keySet()).containsExactly(
                "STAGE", "SETTINGS", "REGION", "GREETING", "OWNER", "LABEL", "PORT", "RETRIES", "EXTRA");
        assertThat(overriding.environment())
                .containsEntry("GREETING", new Literal("overridden"))
                .containsEntry("EXTRA", new Literal("only-here"));

        FunctionDefinition inheriting = hello.function("goodbye").orElseThrow();
        assertThat(inheriting.memorySize()).isEqualTo(FunctionDefinition.DEFAULT_MEMORY_SIZE);
        assertThat(inheriting.timeoutSeconds()).isEqualTo(10);
    }

    @Test
    void readsHandlersArtifactsAndHttpRoutes() {
        // given
        Path root = TestPaths.fixture("variables");

        // when
        ServiceDefinition hello = ServerlessProject.load(root, "local", Map.of()).service("hello").orElseThrow();

        // then
        FunctionDefinition shortForm = hello.function("hello").orElseThrow();
        assertThat(shortForm.handlerClass()).isEqualTo("com.example.HelloHandler");
        assertThat(shortForm.handlerMethod()).isEqualTo("handleRequest");
        assertThat(shortForm.artifact()).isEqualTo(root.resolve("services/hello/target/hello.jar"));
        assertThat(shortForm.httpRoutes()).containsExactly(new HttpRoute("GET", "/hello", List.of(), null));

        FunctionDefinition longForm = hello.function("goodbye").orElseThrow();
        assertThat(longForm.handlerMethod()).isEqualTo("handle");
        assertThat(longForm.artifact()).isEqualTo(root.resolve("services/hello/target/goodbye.jar"));
        // The schedule event is ignored.
        assertThat(longForm.httpRoutes()).containsExactly(new HttpRoute("DELETE", "/items/{id}", List.of(), "aws_iam"));
    }

    @Test
    void routesAreUpperCaseAndStartWithASlash() {
        // when
        HttpRoute route = new HttpRoute("post", "billing", HttpRoute.DEFAULT_CORS_HEADERS, "aws_iam");

        // then
        assertThat(route).isEqualTo(new HttpRoute("POST", "/billing", HttpRoute.DEFAULT_CORS_HEADERS, "aws_iam"));
        assertThat(route.hasAuthorizer()).isTrue();
    }

    @Test
    void readsEachFormOfTopicSubscription() {
        // given
        Path root = TestPaths.fixture("subscriptions");

        // when
        ServiceDefinition orders = ServerlessProject.load(root, "local", Map.of()).service("orders").orElseThrow();

        // then
        assertThat(orders.function("audit").orElseThrow().topicSubscriptions()).containsExactly(
                new TopicByArn("arn:aws:sns:us-east-1:123456789012:payments"),
                new TopicInService("SNSTopicOrderalerts"),
                new TopicInService("OrdersTopic"),
                new ImportedTopic("local-CustomersTopicArn"));
        assertThat(orders.topics()).containsExactly(
                new TopicDefinition("orders", "OrdersTopic", "local-orders"),
                new TopicDefinition("orders", "SNSTopicOrderalerts", "order-alerts"));
        assertThat(new TopicByArn("arn:aws:sns:us-east-1:123456789012:payments").topicName()).isEqualTo("payments");
    }

    @Test
    void refusesAnEnvironmentValueOnlyCloudFormationKnows() {
        // given
        Path root = TestPaths.fixture("unsupported-intrinsic");

        // when / then
        assertThatThrownBy(() -> ServerlessProject.load(root, "local", Map.of()))
                .isInstanceOfSatisfying(UnsupportedEnvironmentValueException.class, e -> {
                    assertThat(e.function()).isEqualTo("worker");
                    assertThat(e.variable()).isEqualTo("QUEUE_URL");
                })
                .hasMessageContaining("!Ref JobsQueue");
    }

    @Test
    void readsRetriesAndTheOnFailureQueue() {
        // given
        Path root = TestPaths.fixture("async-invocation");

        // when
        ServiceDefinition jobs = ServerlessProject.load(root, "local", Map.of()).service("jobs").orElseThrow();

        // then
        QueueDefinition failures = new QueueDefinition("jobs", "FailuresQueue", "jobs-local-failures");
        QueueDefinition unnamed = new QueueDefinition("jobs", "UnnamedQueue", "jobs-local-UnnamedQueue");
        assertThat(jobs.queues()).containsExactly(failures, unnamed);
        assertThat(jobs.function("plain").orElseThrow().asyncInvocation())
                .isEqualTo(AsyncInvocationConfig.lambdaDefaults());
        assertThat(jobs.function("retryOnce").orElseThrow().asyncInvocation())
                .isEqualTo(new AsyncInvocationConfig(1, Optional.of(failures)));
        assertThat(jobs.function("named").orElseThrow().asyncInvocation())
                .isEqualTo(new AsyncInvocationConfig(0, Optional.of(unnamed)));
    }

    @Test
    void anOnFailureDestinationThatIsNotAQueueOfTheServiceIsLeftToTheDeadLetterList() {
        // given
        Path root = TestPaths.fixture("async-invocation");

        // when
        ServiceDefinition jobs = ServerlessProject.load(root, "local", Map.of()).service("jobs").orElseThrow();

        // then
        assertThat(jobs.function("toAnotherFunction").orElseThrow().asyncInvocation())
                .isEqualTo(new AsyncInvocationConfig(2, Optional.empty()));
    }

    @Test
    void namesEachFunctionAsLambdaKnowsIt() {
        // given
        Path root = TestPaths.fixture("async-invocation");

        // when
        ServiceDefinition jobs = ServerlessProject.load(root, "local", Map.of()).service("jobs").orElseThrow();

        // then
        assertThat(jobs.function("plain").orElseThrow().lambdaName()).isEqualTo("jobs-local-plain");
        assertThat(jobs.function("named").orElseThrow().lambdaName()).isEqualTo("local-named-job");
    }

    @Test
    void refusesMoreRetriesThanLambdaAllows() {
        // given
        Path root = TestPaths.fixture("too-many-retries");

        // when / then
        assertThatThrownBy(() -> ServerlessProject.load(root, "local", Map.of()))
                .isInstanceOf(InvalidServerlessDefinitionException.class)
                .hasMessageContaining("functions.eager.maximumRetryAttempts must be 0, 1 or 2");
    }
}
