package com.scratch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.dynamodb.DynamoDbEmulator;
import com.scratch.emulators.dynamodb.DynamoDbFault;
import com.scratch.emulators.iam.AccessControl;
import com.scratch.emulators.iam.AccessRefusal;
import com.scratch.emulators.iam.LocalPrincipal;
import com.scratch.emulators.iam.PackagedPolicies;
import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.serverless.ServerlessPackager;
import com.scratch.emulators.sns.SmsMessage;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.idempotency.EffectInProgressException;
import com.scratch.idempotency.EffectLedgerUnavailableException;
import com.scratch.logging.LogKeys;
import com.scratch.testing.ConcurrentCalls;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.TestLambdaContext;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The notify function reading real SNS events and texting through the real SDK against a local SNS server, once per
 * event through its ledger in the local DynamoDB, every call signed as notify and held to its packaged role.
 */
class NotifyHandlerIT {

    private static final String TEXTS_TABLE = "notify-job-dev-texts";

    private static SnsEmulator sns;
    private static DynamoDbEmulator dynamoDb;
    /** notify's role for the dev stage, as {@code osls package} generates it; every text is signed as notify. */
    private static LocalPrincipal notify;
    private static final List<AccessRefusal> refusals = new CopyOnWriteArrayList<>();
    private NotifyHandler handler;

    @BeforeAll
    static void startServer() {
        sns = SnsEmulator.start();
        dynamoDb = DynamoDbEmulator.start();
        ServerlessPackager packager = ServerlessPackager.cachedByDefinitions(RepositoryRoot.find(), Path.of("target", "packaged"));
        notify = PackagedPolicies.forStage(packager, List.of(packager.repositoryRoot().resolve("services/notify-job")), "dev")
                .principal("notify-job-dev-notify", "notify");
        AccessControl access = new AccessControl().register(notify);
        access.onRefusal(refusals::add);
        sns.enforce(access);
        dynamoDb.enforce(access);
    }

    @AfterAll
    static void stopServer() {
        sns.close();
        dynamoDb.close();
    }

    @BeforeEach
    void coldStart() {
        sns.reset();
        dynamoDb.reset();
        dynamoDb.createTable(TEXTS_TABLE, "id");
        refusals.clear();
        handler = new NotifyHandler(environment(Map.of("STAGE", "dev")));
    }

    /** Lambda builds the handler from its environment: the stage, and the role's keys that sign the texts. */
    @Test
    void theColdStartSignsWithTheRolesKeysFromTheEnvironmentAndItsPolicyAllowsTheText() {
        // given
        handler = new NotifyHandler(environment(Map.of("STAGE", "dev")));

        // when
        handle("events/sns-note-purchased.json");

        // then
        assertThat(refusals).isEmpty();
        assertThat(sns.smsOutbox()).extracting(SmsMessage::phoneNumber).containsExactly("+14151234567");
    }

    @Test
    void aPurchaseTextsTheAdmin() {
        handle("events/sns-note-purchased.json");

        assertThat(sns.smsOutbox()).extracting(SmsMessage::phoneNumber, SmsMessage::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+14151234567", "Charged $42.00 for Scratch charge (21 notes)"));
    }

    @Test
    void everyRecordIsTextedNotOnlyTheFirst() {
        handle("events/sns-two-records.json");

        assertThat(sns.smsOutbox()).extracting(SmsMessage::message).containsExactly(
                "Charged $42.00 for Scratch charge (21 notes)",
                "Charged $101.00 for Scratch charge (101 notes)");
    }

    @Test
    void theOriginalMessageIsStillUnderstood() {
        handle("events/sns-original-message.json");

        assertThat(sns.smsOutbox()).extracting(SmsMessage::message).containsExactly("Charged $42.00 for Scratch charge");
    }

    @Test
    void aMalformedRecordFailsTheInvocationByMessageIdAndNothingIsSent() {
        assertThatThrownBy(() -> handle("events/sns-second-record-malformed.json"))
                .isInstanceOf(MalformedPurchaseMessageException.class)
                .hasMessageContaining("bad00000-0000-4000-8000-00000000dead")
                .hasMessageContaining("amount");

        assertThat(sns.smsOutbox()).isEmpty();
    }

    @Test
    void aFailedTextFailsTheInvocationSoItIsRetried() {
        sns.failNext(3, SnsFault.INTERNAL_ERROR);

        assertThatThrownBy(() -> handle("events/sns-note-purchased.json")).isInstanceOf(SdkException.class);

        assertThat(sns.smsOutbox()).isEmpty();
        handle("events/sns-note-purchased.json");
        assertThat(sns.smsOutbox()).hasSize(1);
    }

    @Test
    void theSameEventDeliveredAgainIsNotTextedAgain() {
        handle("events/sns-note-purchased.json");
        handle("events/sns-note-purchased.json");
        // a cold start of another container, and SNS delivering the same event once more
        LambdaEvents.call(new NotifyHandler(environment(Map.of("STAGE", "dev"))),
                LambdaEvents.load("events/sns-note-purchased.json", SNSEvent.class), null);

        assertThat(sns.smsOutbox()).hasSize(1);
        assertThat(refusals).isEmpty();
    }

    /**
     * Billing's SDK retried a publish SNS answered too late: two SNS messages (two message ids), one event id. One
     * text.
     */
    @Test
    void twoCopiesOfOneEventAreTextedOnce() {
        SNSEvent copies = LambdaEvents.load("events/sns-note-purchased.json", SNSEvent.class);
        SNSEvent.SNSRecord copy = LambdaEvents.load("events/sns-note-purchased.json", SNSEvent.class).getRecords().get(0);
        copy.getSNS().setMessageId("11111111-2222-4333-8444-555555555555");
        copies.setRecords(List.of(copies.getRecords().get(0), copy));

        LambdaEvents.call(handler, copies, null);

        assertThat(sns.smsOutbox()).hasSize(1);
    }

    @Test
    void concurrentDeliveriesOfOneEventInEightContainersTextOnce() throws Exception {
        List<NotifyHandler> containers = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> new NotifyHandler(environment(Map.of("STAGE", "dev")))).toList();

        List<String> outcomes = ConcurrentCalls.atOnce(32, caller -> () -> {
            try {
                LambdaEvents.call(containers.get(caller % 8),
                        LambdaEvents.load("events/sns-note-purchased.json", SNSEvent.class), null);
                return "ok";
            } catch (EffectInProgressException e) {
                return "retried later by Lambda";
            }
        });

        assertThat(sns.smsOutbox()).hasSize(1);
        assertThat(outcomes).contains("ok");
    }

    @Test
    void aLedgerThatCannotBeWrittenFailsTheInvocationBeforeAnyText() {
        dynamoDb.failNext(3, DynamoDbFault.INTERNAL_ERROR);

        assertThatThrownBy(() -> handle("events/sns-note-purchased.json"))
                .isInstanceOf(EffectLedgerUnavailableException.class)
                .hasMessageContaining(TEXTS_TABLE);

        assertThat(sns.smsOutbox()).isEmpty();
        handle("events/sns-note-purchased.json");
        assertThat(sns.smsOutbox()).hasSize(1);
    }

    /** One Embedded Metric Format line per invocation: a text sent, then a repeat that sends none, then a failure. */
    @Test
    void textsSentAndFailedAreCountedAsMetrics() throws Exception {
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        handler = new NotifyHandler(environment(Map.of("STAGE", "dev")),
                new java.io.PrintStream(lines, true, java.nio.charset.StandardCharsets.UTF_8));

        handle("events/sns-note-purchased.json");
        handle("events/sns-note-purchased.json");
        sns.failNext(3, SnsFault.INTERNAL_ERROR);
        assertThatThrownBy(() -> handle("events/sns-two-records.json")).isInstanceOf(SdkException.class);

        List<com.fasterxml.jackson.databind.JsonNode> written = new java.util.ArrayList<>();
        for (String line : lines.toString(java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            written.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
        }
        assertThat(written).hasSize(2);
        assertThat(written.get(0).path("service").asText()).isEqualTo("notify-job");
        assertThat(written.get(0).path("stage").asText()).isEqualTo("dev");
        assertThat(written.get(0).path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("Scratch");
        assertThat(written.get(0).path(NotifyHandler.TEXTS_SENT).asLong()).isEqualTo(1);
        assertThat(written.get(1).path(NotifyHandler.TEXTS_FAILED).asLong()).isEqualTo(1);
        assertThat(written.get(1).has(NotifyHandler.TEXTS_SENT)).isFalse();
    }

    /**
     * notify's lines carry the event's {@code eventId} and {@code paymentId}, the keys billing's lines carry, so one
     * Logs Insights query follows a purchase from the request to the text; a text sent is one info line and no debug.
     */
    @Test
    void aTextsLogLinesCarryThePurchasesKeysAsBillingsDo() throws Exception {
        List<JsonNode> lines;
        try (com.scratch.testing.LogCapture logs = new com.scratch.testing.LogCapture()) {
            LambdaEvents.call(handler, LambdaEvents.load("events/sns-note-purchased.json", SNSEvent.class),
                    new TestLambdaContext("notify-job-dev-notify", "req-text"));
            lines = invocationLines(logs.text(), "req-text");
        }

        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path(LogKeys.LEVEL).asText()).isEqualTo("INFO");
        assertThat(line.path(LogKeys.MESSAGE).asText()).startsWith("Texted the admin");
        assertThat(line.path(LogKeys.SERVICE).asText()).isEqualTo("notify-job");
        assertThat(line.path(LogKeys.STAGE).asText()).isEqualTo("dev");
        assertThat(line.path(LogKeys.FUNCTION_NAME).asText()).isEqualTo("notify-job-dev-notify");
        assertThat(line.path(LogKeys.COLD_START).asBoolean()).isTrue();
        assertThat(line.path(LogKeys.EVENT_ID).asText()).isEqualTo("evt1");
        assertThat(line.path(LogKeys.PAYMENT_ID).asText()).isEqualTo("pi_evt1");
    }

    /** A text that cannot be sent fails the invocation with one error event, its stack inside, and the debug lines. */
    @Test
    void aFailedTextWritesTheInvocationsDebugLinesAndOneErrorEvent() throws Exception {
        List<JsonNode> lines;
        try (com.scratch.testing.LogCapture logs = new com.scratch.testing.LogCapture()) {
            sns.failNext(3, SnsFault.INTERNAL_ERROR);
            assertThatThrownBy(() -> LambdaEvents.call(handler,
                    LambdaEvents.load("events/sns-note-purchased.json", SNSEvent.class),
                    new TestLambdaContext("notify-job-dev-notify", "req-fail"))).isInstanceOf(SdkException.class);
            lines = invocationLines(logs.text(), "req-fail");
        }

        assertThat(lines).filteredOn(line -> line.path(LogKeys.LEVEL).asText().equals("DEBUG"))
                .extracting(line -> line.path(LogKeys.MESSAGE).asText())
                .anySatisfy(message -> assertThat(message).startsWith("Texting the admin for event:evt1"));
        List<JsonNode> errors = lines.stream().filter(line -> line.path(LogKeys.LEVEL).asText().equals("ERROR")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path(LogKeys.EVENT_ID).asText()).isEqualTo("evt1");
        assertThat(errors.get(0).path(LogKeys.ERROR).path("stack").asText()).contains("\n\tat ");
    }

    /** The lines of one invocation; every line written meanwhile must be one JSON object. */
    private static List<JsonNode> invocationLines(String text, String requestId) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                JsonNode node = new ObjectMapper().readTree(line);
                assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
                if (node.path(LogKeys.FUNCTION_REQUEST_ID).asText().equals(requestId)) {
                    lines.add(node);
                }
            }
        }
        return lines;
    }

    /**
     * The admin's phone number is never recorded whole (at most its last 4 digits): every log and metric line of a
     * text sent, a repeat, a failed text and an unreadable message is searched for it.
     */
    @Test
    void theAdminsNumberIsNeverRecordedWhole() {
        java.io.ByteArrayOutputStream metricLines = new java.io.ByteArrayOutputStream();
        String recorded;
        try (com.scratch.testing.LogCapture logs = new com.scratch.testing.LogCapture()) {
            handler = new NotifyHandler(environment(Map.of("STAGE", "dev")),
                    new java.io.PrintStream(metricLines, true, java.nio.charset.StandardCharsets.UTF_8));
            handle("events/sns-note-purchased.json");
            handle("events/sns-note-purchased.json");
            sns.failNext(3, SnsFault.INTERNAL_ERROR);
            assertThatThrownBy(() -> handle("events/sns-two-records.json")).isInstanceOf(SdkException.class);
            assertThatThrownBy(() -> handle("events/sns-second-record-malformed.json"))
                    .isInstanceOf(MalformedPurchaseMessageException.class);
            recorded = logs.text() + metricLines.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(sns.smsOutbox()).extracting(SmsMessage::phoneNumber).contains("+14151234567");
        assertThat(recorded).isNotBlank().doesNotContain("14151234567").doesNotContain("4151234567");
    }

    /** A batch whose first event was texted by an earlier invocation: only the other one is texted now. */
    @Test
    void aBatchTextsOnlyTheEventsNotYetTexted() {
        handle("events/sns-note-purchased.json");

        handle("events/sns-two-records.json");

        assertThat(sns.smsOutbox()).extracting(SmsMessage::message).containsExactly(
                "Charged $42.00 for Scratch charge (21 notes)",
                "Charged $101.00 for Scratch charge (101 notes)");
    }

    /**
     * notify's environment as Lambda sets it (region, the role's keys, the table serverless.yml names), pointed at the
     * local SNS and DynamoDB, with {@code more}.
     */
    private static Map<String, String> environment(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        environment.put("TEXTS_TABLE", TEXTS_TABLE);
        environment.put("AWS_ACCESS_KEY_ID", notify.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", notify.secretAccessKey());
        return environment;
    }

    private void handle(String fixture) {
        LambdaEvents.call(handler, LambdaEvents.load(fixture, SNSEvent.class), null);
    }
}
