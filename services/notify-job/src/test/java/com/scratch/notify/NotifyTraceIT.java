package com.scratch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.aws.InvocationTracing;
import com.scratch.emulators.dynamodb.DynamoDbEmulator;
import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.iam.AccessRefusal;
import com.scratch.emulators.iam.LocalPrincipal;
import com.scratch.emulators.iam.PackagedPolicies;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.serverless.ServerlessPackager;
import com.scratch.emulators.sns.SmsMessage;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.LocalXRayDaemon;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * notify's part of a purchase's trace: the function built by its real cold start with {@code AWS_XRAY_DAEMON_ADDRESS}
 * pointing at a UDP listener of this test ({@link LocalXRayDaemon}), each invocation given the trace header of its segment as
 * Lambda's runtime hands it over ({@code Context.getXrayTraceId()}), texting through the local SNS and its ledger in the local DynamoDB, signed as notify.
 *
 * <p>In AWS the segment belongs to the trace billing started (SNS passes the trace header on); here it is a trace of
 * its own, since only SNS's delivery and Lambda's part make that link: {@code SandboxTraceIT} (local/sandbox) shows
 * it, with billing and notify run by the sandbox.
 */
class NotifyTraceIT {

    private static final String TEXTS_TABLE = "notify-job-dev-texts";
    private static final String SPAN = InvocationTracing.SPAN_NAME;
    /** The dev stage's admin ({@code StageConfig}): the number that must never be in a trace. */
    private static final String ADMIN = "+14151234567";

    private static SnsEmulator sns;
    private static DynamoDbEmulator dynamoDb;
    private static LocalPrincipal notify;
    private static LocalXRayDaemon daemon;
    private static final List<AccessRefusal> refusals = new CopyOnWriteArrayList<>();
    private NotifyHandler handler;

    @BeforeAll
    static void start() {
        sns = SnsEmulator.start();
        dynamoDb = DynamoDbEmulator.start();
        daemon = LocalXRayDaemon.start();
        ServerlessPackager packager = ServerlessPackager.cachedByDefinitions(RepositoryRoot.find(),
                Path.of("target", "packaged"));
        notify = PackagedPolicies.forStage(packager, List.of(packager.repositoryRoot().resolve("services/notify-job")),
                "dev").principal("notify-job-dev-notify", "notify");
        AccessControl access = new AccessControl().register(notify);
        access.onRefusal(refusals::add);
        sns.enforce(access);
        dynamoDb.enforce(access);
    }

    @AfterAll
    static void stop() {
        sns.close();
        dynamoDb.close();
        daemon.close();
    }

    @BeforeEach
    void coldStart() {
        sns.reset();
        dynamoDb.reset();
        dynamoDb.createTable(TEXTS_TABLE, "id");
        refusals.clear();
        handler = new NotifyHandler(environment());
        assertThat(daemon.drain()).as("sent at init").isEmpty();
    }

    @Test
    void aNotePurchasedIsOneAnnotatedInvocationSpanWithItsTextAsAnSnsPublishUnderIt() {
        // when
        LocalXRayDaemon.Invocation<Void> texted = invoke("events/sns-note-purchased.json");

        // then
        assertThat(texted.thrown()).isNull();
        assertThat(sns.smsOutbox()).extracting(SmsMessage::phoneNumber).containsExactly(ADMIN);
        assertThat(texted.trace()).isNotEmpty()
                .allSatisfy(entity -> assertThat(entity.path("trace_id").asText()).isEqualTo(texted.traceId()));
        JsonNode span = texted.single(SPAN);
        assertThat(span.path("parent_id").asText()).as("under the runtime's segment").isEqualTo(texted.segmentId());
        assertThat(span.at("/annotations/stage").asText()).isEqualTo("dev");
        assertThat(span.at("/annotations/cold_start").asBoolean()).isTrue();
        assertThat(span.at("/annotations/eventId").asText()).isEqualTo("evt1");
        assertThat(span.at("/annotations/paymentId").asText()).isEqualTo("pi_evt1");

        JsonNode publish = texted.single("Sns");
        assertThat(publish.at("/aws/operation").asText()).isEqualTo("Publish");
        assertThat(publish.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(publish.path("fault").asBoolean(false)).isFalse();
        assertThat(publish.has("annotations")).isFalse();
        assertThat(texted.operations("DynamoDb")).as("the ledger's claim and completion").contains("PutItem",
                "UpdateItem");
        assertThat(texted.trace()).as("every call is a child of the invocation's span")
                .filteredOn(entity -> !SPAN.equals(entity.path("name").asText()))
                .allSatisfy(entity -> assertThat(entity.path("parent_id").asText()).isEqualTo(span.path("id").asText()));
        assertThat(refusals).isEmpty();
    }

    @Test
    void aRepeatIsAnInvocationWithoutAText() {
        // given
        invoke("events/sns-note-purchased.json");

        // when
        LocalXRayDaemon.Invocation<Void> repeat = invoke("events/sns-note-purchased.json");

        // then
        JsonNode span = repeat.single(SPAN);
        assertThat(span.at("/annotations/cold_start").asBoolean()).as("the container's second invocation").isFalse();
        assertThat(span.at("/annotations/eventId").asText()).isEqualTo("evt1");
        assertThat(repeat.names()).doesNotContain("Sns");
    }

    @Test
    void aFailedTextIsAFaultedSnsPublishUnderTheSpan() {
        // given
        sns.failNext(3, SnsFault.INTERNAL_ERROR);

        // when
        LocalXRayDaemon.Invocation<Void> failed = invoke("events/sns-note-purchased.json");

        // then
        assertThat(failed.thrown()).isInstanceOf(SdkException.class);
        JsonNode publish = failed.single("Sns");
        assertThat(publish.path("fault").asBoolean(false)).isTrue();
        assertThat(publish.at("/http/response/status").asInt()).isEqualTo(500);
        assertThat(publish.path("parent_id").asText()).isEqualTo(failed.single(SPAN).path("id").asText());
    }

    /**
     * Every datagram of a text, a repeat, a failed text, a batch and an unreadable message, searched for the admin's
     * number: no run of 6 of its digits (at most its last 4 may ever be shown).
     */
    @Test
    void theAdminsNumberIsInNoTrace() {
        // when
        invoke("events/sns-note-purchased.json");
        invoke("events/sns-note-purchased.json");
        sns.failNext(3, SnsFault.INTERNAL_ERROR);
        assertThat(invoke("events/sns-two-records.json").thrown()).isInstanceOf(SdkException.class);
        invoke("events/sns-two-records.json");
        assertThat(invoke("events/sns-second-record-malformed.json").thrown())
                .isInstanceOf(MalformedPurchaseMessageException.class);

        // then
        String traces = String.join("\n", daemon.datagrams());
        assertThat(sns.smsOutbox()).extracting(SmsMessage::phoneNumber).contains(ADMIN);
        assertThat(traces).as("the traces searched").contains("\"name\":\"Sns\"", "\"operation\":\"Publish\"",
                "\"eventId\":\"evt1\"");
        String digits = ADMIN.substring(1);
        for (int start = 0; start + 6 <= digits.length(); start++) {
            assertThat(traces).doesNotContain(digits.substring(start, start + 6));
        }
    }

    private LocalXRayDaemon.Invocation<Void> invoke(String fixture) {
        SNSEvent event = LambdaEvents.load(fixture, SNSEvent.class);
        return daemon.invoke(context -> {
            LambdaEvents.call(handler, event, context);
            return null;
        });
    }

    /** notify's environment as Lambda sets it, pointed at the local SNS and DynamoDB and at this test's daemon. */
    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("STAGE", "dev");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        environment.put("TEXTS_TABLE", TEXTS_TABLE);
        environment.put("AWS_ACCESS_KEY_ID", notify.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", notify.secretAccessKey());
        environment.put("AWS_XRAY_DAEMON_ADDRESS", daemon.address());
        return environment;
    }
}
