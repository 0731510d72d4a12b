package com.scratch.sandbox.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.sandbox.definitions.EnvironmentValue.Literal;
import com.scratch.sandbox.definitions.EnvironmentValue.TopicArnOf;
import com.scratch.sandbox.definitions.TopicSubscription.ImportedTopic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The repository's own definitions, read as the local runner reads them. */
class ServerlessProjectTest {

    private static final Path ROOT = RepositoryRoot.find();

    @Test
    void readsBothServicesInFolderOrder() {
        // when
        ServerlessProject project = ServerlessProject.load(ROOT, "local");

        // then
        assertThat(project.services()).extracting(ServiceDefinition::name).containsExactly("billing-api", "notify-job");
        assertThat(project.services()).extracting(ServiceDefinition::runtime).containsOnly("java21");
        assertThat(project.functions()).extracting(FunctionDefinition::name).containsExactly("billing", "webhook", "notify");
    }

    @Test
    void readsTheBillingFunction() {
        // given
        ServerlessProject project = ServerlessProject.load(ROOT, "local");

        // when
        FunctionDefinition billing = project.service("billing-api").orElseThrow().function("billing").orElseThrow();

        // then
        assertThat(billing.service()).isEqualTo("billing-api");
        assertThat(billing.handlerClass()).isEqualTo("com.scratch.billing.BillingHandler");
        assertThat(billing.handlerMethod()).isEqualTo("handleRequest");
        assertThat(billing.artifact()).isEqualTo(ROOT.resolve("services/billing-api/target/billing-api.jar"));
        assertThat(billing.memorySize()).isEqualTo(1024);
        assertThat(billing.timeoutSeconds()).isEqualTo(28);
        assertThat(billing.environment()).containsExactly(
                entry("STAGE", new Literal("local")),
                entry("JAVA_TOOL_OPTIONS", new Literal("-XX:+TieredCompilation -XX:TieredStopAtLevel=1")),
                entry("NOTE_PURCHASED_TOPIC_ARN", new TopicArnOf("NotePurchasedTopic")),
                entry("ANNOUNCEMENTS_TABLE", new EnvironmentValue.TableNameOf("PurchaseAnnouncementsTable")));
        assertThat(billing.httpRoutes()).containsExactly(new HttpRoute("POST", "/billing", List.of("Content-Type", "X-Amz-Date",
                "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent", "Idempotency-Key"), "aws_iam"));
        assertThat(billing.topicSubscriptions()).isEmpty();
    }

    @Test
    void readsTheNotePurchasedTopicAndItsExport() {
        // given
        ServerlessProject project = ServerlessProject.load(ROOT, "local");

        // when
        ServiceDefinition billingApi = project.service("billing-api").orElseThrow();

        // then
        TopicDefinition topic = new TopicDefinition("billing-api", "NotePurchasedTopic", "local-note-purchased");
        assertThat(billingApi.topics()).containsExactly(topic);
        assertThat(project.topicsByExportName()).containsExactly(entry("local-ExtNotePurchasedTopicArn", topic));
    }

    /** The alarm topic exists only where AlarmsEnabled holds: in prod always, in dev (and so locally) not. */
    @Test
    void resourcesWhoseConditionIsFalseAreNotCreated() {
        assertThat(ServerlessProject.load(ROOT, "local").service("billing-api").orElseThrow().topics())
                .extracting(TopicDefinition::logicalId).containsExactly("NotePurchasedTopic");
        assertThat(ServerlessProject.load(ROOT, "prod").service("billing-api").orElseThrow().topics())
                .extracting(TopicDefinition::logicalId).containsExactlyInAnyOrder("NotePurchasedTopic", "AlarmTopic");
        assertThat(ServerlessProject.load(ROOT, "prod").topicsByExportName()).containsKey("prod-ExtAlarmTopicArn");
    }

    @Test
    void readsEachServicesLedgerTableWithItsHashKey() {
        ServerlessProject project = ServerlessProject.load(ROOT, "local");

        assertThat(project.service("billing-api").orElseThrow().tables()).containsExactly(new TableDefinition(
                "billing-api", "PurchaseAnnouncementsTable", "billing-api-local-announcements", "id"));
        assertThat(project.service("notify-job").orElseThrow().tables()).containsExactly(
                new TableDefinition("notify-job", "SentTextsTable", "notify-job-local-texts", "id"));
        assertThat(project.service("notify-job").orElseThrow().function("notify").orElseThrow().environment())
                .containsEntry("TEXTS_TABLE", new EnvironmentValue.TableNameOf("SentTextsTable"));
    }

    @Test
    void notifySubscribesThroughTheExportOfItsOwnStage() {
        // given
        ServerlessProject project = ServerlessProject.load(ROOT, "local");

        // when
        FunctionDefinition notify = project.service("notify-job").orElseThrow().function("notify").orElseThrow();

        // then
        assertThat(notify.topicSubscriptions()).containsExactly(new ImportedTopic("local-ExtNotePurchasedTopicArn"));
        assertThat(project.topicsByExportName()).containsKey("local-ExtNotePurchasedTopicArn");
        assertThat(notify.handlerClass()).isEqualTo("com.scratch.notify.NotifyHandler");
        assertThat(notify.memorySize()).isEqualTo(512);
        assertThat(notify.timeoutSeconds()).isEqualTo(30);
        assertThat(notify.artifact()).isEqualTo(ROOT.resolve("services/notify-job/target/notify-job.jar"));
        assertThat(notify.httpRoutes()).isEmpty();
    }

    @Test
    void notifyRetriesTwiceThenSendsTheRecordToTheFailuresQueueOfItsStage() {
        // given
        ServerlessProject project = ServerlessProject.load(ROOT, "local");

        // when
        ServiceDefinition notifyJob = project.service("notify-job").orElseThrow();

        // then
        QueueDefinition failures = new QueueDefinition("notify-job", "NotifyFailuresQueue", "notify-job-local-notify-failures");
        assertThat(notifyJob.queues()).containsExactly(failures);
        FunctionDefinition notify = notifyJob.function("notify").orElseThrow();
        assertThat(notify.asyncInvocation()).isEqualTo(new AsyncInvocationConfig(2, Optional.of(failures)));
        assertThat(notify.lambdaName()).isEqualTo("notify-job-local-notify");
    }

    @Test
    void aFeatureStageNamesItsTopicAndExportAfterItself() {
        // when
        ServerlessProject project = ServerlessProject.load(ROOT, "feature-login");

        // then
        assertThat(project.service("billing-api").orElseThrow().topics())
                .extracting(TopicDefinition::topicName).containsExactly("feature-login-note-purchased");
        assertThat(project.topicsByExportName()).containsOnlyKeys("feature-login-ExtNotePurchasedTopicArn");
        assertThat(project.service("notify-job").orElseThrow().functions().get(0).topicSubscriptions())
                .containsExactly(new ImportedTopic("feature-login-ExtNotePurchasedTopicArn"));
        assertThat(project.functions().get(0).environment()).containsEntry("STAGE", new Literal("feature-login"));
        assertThat(project.service("notify-job").orElseThrow().queues())
                .extracting(QueueDefinition::queueName).containsExactly("notify-job-feature-login-notify-failures");
    }
}
