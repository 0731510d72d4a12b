package com.scratch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.scratch.aws.AwsClients;
import com.scratch.config.PhoneNumber;
import com.scratch.emulators.sns.SmsMessage;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.emulators.sns.SnsFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/** The notify function reading real SNS events and texting through the real SDK against a local SNS server. */
class NotifyHandlerIT {

    private static final PhoneNumber ADMIN = PhoneNumber.of("+14151234567");

    private static SnsEmulator sns;
    private NotifyHandler handler;

    @BeforeAll
    static void startServer() {
        sns = SnsEmulator.start();
        System.setProperty("aws.endpointUrlSns", sns.endpoint().toString());
    }

    @AfterAll
    static void stopServer() {
        System.clearProperty("aws.endpointUrlSns");
        sns.close();
    }

    @BeforeEach
    void coldStart() {
        sns.reset();
        handler = new NotifyHandler(new AdminTexts(AwsClients.sns(), ADMIN));
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

    private void handle(String fixture) {
        handler.handleRequest(LambdaEvents.load(fixture, SNSEvent.class), null);
    }
}
