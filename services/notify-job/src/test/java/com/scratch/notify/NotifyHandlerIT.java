package com.scratch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.scratch.aws.AwsClients;
import com.scratch.config.PhoneNumber;
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

/** The notify function reading real SNS events and texting through the real SDK against a local SNS server. */
class NotifyHandlerIT {

    private static final PhoneNumber ADMIN = PhoneNumber.of("+14151234567");

    private static SnsEmulator sns;
    /** notify's role for the dev stage, as {@code osls package} generates it; every text is signed as notify. */
    private static LocalPrincipal notify;
    private static final List<AccessRefusal> refusals = new CopyOnWriteArrayList<>();
    private NotifyHandler handler;

    @BeforeAll
    static void startServer() {
        sns = SnsEmulator.start();
        ServerlessPackager packager = ServerlessPackager.cachedByDefinitions(RepositoryRoot.find(), Path.of("target", "packaged"));
        notify = PackagedPolicies.forStage(packager, List.of(packager.repositoryRoot().resolve("services/notify-job")), "dev")
                .principal("notify-job-dev-notify", "notify");
        AccessControl access = new AccessControl().register(notify);
        access.onRefusal(refusals::add);
        sns.enforce(access);
    }

    @AfterAll
    static void stopServer() {
        sns.close();
    }

    @BeforeEach
    void coldStart() {
        sns.reset();
        refusals.clear();
        handler = new NotifyHandler(new AdminTexts(AwsClients.sns(environment(Map.of())), ADMIN));
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

    /** notify's environment as Lambda sets it (region, the role's keys), pointed at the local SNS, with {@code more}. */
    private static Map<String, String> environment(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", notify.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", notify.secretAccessKey());
        return environment;
    }

    private void handle(String fixture) {
        handler.handleRequest(LambdaEvents.load(fixture, SNSEvent.class), null);
    }
}
