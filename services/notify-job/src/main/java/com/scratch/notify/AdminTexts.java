package com.scratch.notify;

import com.scratch.config.PhoneNumber;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;

/** Sends text messages to the stage's admin through SNS {@code Publish} with a phone number. */
final class AdminTexts {

    private static final Logger log = LoggerFactory.getLogger(AdminTexts.class);

    private final SnsClient sns;
    private final PhoneNumber admin;

    AdminTexts(SnsClient sns, PhoneNumber admin) {
        this.sns = Objects.requireNonNull(sns, "sns == null");
        this.admin = Objects.requireNonNull(admin, "admin == null");
    }

    void send(String text) {
        String messageId = sns.publish(request -> request.phoneNumber(admin.value()).message(text)).messageId();
        log.info("Texted the admin: \"{}\" (SNS message {})", text, messageId);
    }
}
