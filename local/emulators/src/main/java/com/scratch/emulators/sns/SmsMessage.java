package com.scratch.emulators.sns;

import java.time.Instant;
import java.util.Objects;

/**
 * A text message published straight to a phone number; the emulator keeps it instead of sending it.
 *
 * <pre>{@code
 * assertThat(sns.smsOutbox()).extracting(SmsMessage::phoneNumber).containsExactly("+15555550100");
 * }</pre>
 *
 * @param messageId the id returned to the publisher
 * @param phoneNumber the E.164 number, for example {@code +15555550100}
 * @param message the text
 * @param sentAt when the emulator accepted it
 */
public record SmsMessage(String messageId, String phoneNumber, String message, Instant sentAt) {

    public SmsMessage {
        Objects.requireNonNull(messageId, "messageId == null");
        Objects.requireNonNull(phoneNumber, "phoneNumber == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(sentAt, "sentAt == null");
    }
}
