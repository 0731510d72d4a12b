package com.scratch.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.scratch.aws.AwsClients;
import com.scratch.config.StageConfig;
import com.scratch.events.MalformedEventException;
import com.scratch.events.NotePurchasedCodec;
import com.scratch.events.PurchaseMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Texts the stage's admin for every purchase on the topic. Every record is read before any text goes out: one
 * unreadable record fails the invocation (logged with its SNS message id) and nothing is sent, so the
 * platform's retry sends each text once, whole.
 *
 * <p>Like every handler here, it is built from an environment it is given: Lambda calls the no-argument
 * constructor, which passes {@code System.getenv()} to the public {@code (Map<String, String>)} one, and the code
 * below reads its variables from that map only. The sandbox, which hosts every function in one JVM, calls the
 * {@code Map} constructor with each function's own variables.
 */
public final class NotifyHandler implements RequestHandler<SNSEvent, Void> {

    private static final Logger log = LoggerFactory.getLogger(NotifyHandler.class);

    private final AdminTexts texts;

    /** Called by Lambda once per container. */
    public NotifyHandler() {
        this(System.getenv());
    }

    /** Builds the SNS client (region, credentials, endpoint) and the stage's admin number from these variables. */
    public NotifyHandler(Map<String, String> environment) {
        this(new AdminTexts(AwsClients.sns(environment), StageConfig.fromEnvironment(environment).adminPhoneNumber()));
    }

    NotifyHandler(AdminTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts == null");
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        List<String> messages = new ArrayList<>();
        for (SNSEvent.SNSRecord record : records(event)) {
            messages.add(PurchaseText.of(read(record.getSNS())));
        }
        messages.forEach(texts::send);
        return null;
    }

    private static List<SNSEvent.SNSRecord> records(SNSEvent event) {
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        return event.getRecords();
    }

    private static PurchaseMessage read(SNSEvent.SNS sns) {
        try {
            return NotePurchasedCodec.decode(sns.getMessage());
        } catch (MalformedEventException e) {
            log.error("SNS message {} is not a NotePurchased event, failing the invocation: {}",
                    sns.getMessageId(), e.getMessage());
            throw new MalformedPurchaseMessageException(sns.getMessageId(), e);
        }
    }
}
