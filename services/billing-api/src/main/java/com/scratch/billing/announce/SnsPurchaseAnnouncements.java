package com.scratch.billing.announce;

import com.scratch.billing.purchase.AnnouncementFailedException;
import com.scratch.billing.purchase.PurchaseAnnouncements;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.protocols.query.unmarshall.XmlDomParser;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Publishes {@code NotePurchased} on the purchase topic, with {@code eventType=NotePurchased} as an attribute. */
public final class SnsPurchaseAnnouncements implements PurchaseAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(SnsPurchaseAnnouncements.class);
    private static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of("eventType",
            MessageAttributeValue.builder().dataType("String").stringValue(NotePurchased.EVENT_TYPE).build());
    /** The shape of SNS's answer to a Publish. */
    private static final byte[] PRIMING_ANSWER = ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<PublishResult><MessageId>priming</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>priming</RequestId></ResponseMetadata></PublishResponse>")
            .getBytes(StandardCharsets.UTF_8);

    private final SnsClient sns;
    private final String topicArn;

    public SnsPurchaseAnnouncements(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns == null");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn == null");
    }

    /**
     * Loads what reading SNS's answer needs, with no network call (priming, in init and before a SnapStart
     * snapshot): SNS answers in XML, and the SDK's XML parser finds and starts the JDK's StAX implementation
     * (about 90 classes) on the first answer.
     */
    public static void prime() {
        XmlDomParser.parse(new ByteArrayInputStream(PRIMING_ANSWER));
    }

    @Override
    public void announce(NotePurchased event) {
        String message = NotePurchasedCodec.encode(event);
        try {
            String messageId = sns.publish(request -> request.topicArn(topicArn).message(message)
                    .messageAttributes(ATTRIBUTES)).messageId();
            log.debug("Published NotePurchased {} as SNS message {}", event.eventId(), messageId);
        } catch (SdkException e) {
            // The event goes into the log whole, so that even if the caller never retries it is not lost.
            log.error("Could not publish NotePurchased for payment {} to {}: {}. Event: {}", event.paymentId(),
                    topicArn, e.getMessage(), message);
            throw new AnnouncementFailedException(event.paymentId(),
                    "NotePurchased for payment " + event.paymentId() + " could not be published", e);
        }
    }
}
