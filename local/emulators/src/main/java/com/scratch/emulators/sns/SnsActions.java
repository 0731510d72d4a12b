package com.scratch.emulators.sns;

import static com.scratch.emulators.sns.SnsXml.element;

import com.scratch.emulators.internal.RandomIds;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** The SNS actions: from a decoded form to the content of the {@code <ActionResult>} element. */
final class SnsActions {

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}(\\.fifo)?");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final int TOPICS_PER_PAGE = 100;

    private final SnsState state;
    private final Clock clock;

    SnsActions(SnsState state, Clock clock) {
        this.state = Objects.requireNonNull(state, "state == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * @param traceHeader the request's {@code X-Amzn-Trace-Id}, kept with a message published to a topic; null when
     *     the request had none
     */
    String handle(String action, Map<String, String> form, String traceHeader) {
        return switch (action) {
            case "CreateTopic" -> createTopic(form);
            case "Publish" -> publish(form, traceHeader);
            case "Subscribe" -> subscribe(form);
            case "ListTopics" -> listTopics(form);
            default -> throw SnsError.sender(400, "InvalidAction",
                    "Could not find operation " + action + " for version 2010-03-31");
        };
    }

    String createTopic(String name) {
        if (name == null || !TOPIC_NAME.matcher(name).matches()) {
            throw SnsError.invalidParameter("Invalid parameter: Topic Name");
        }
        return state.createTopic(name);
    }

    private String createTopic(Map<String, String> form) {
        return element("TopicArn", createTopic(form.get("Name")));
    }

    private String publish(Map<String, String> form, String traceHeader) {
        String message = form.get("Message");
        if (message == null || message.isEmpty()) {
            throw SnsError.invalidParameter("Invalid parameter: Empty message");
        }
        String topicArn = emptyToNull(form.get("TopicArn"));
        String phoneNumber = emptyToNull(form.get("PhoneNumber"));
        if ((topicArn == null) == (phoneNumber == null)) {
            throw SnsError.invalidParameter(
                    "Invalid parameter: TopicArn or PhoneNumber Reason: exactly one of them must be given");
        }
        Map<String, MessageAttribute> attributes = MessageAttributeEntries.parse(form);
        String messageId = RandomIds.uuid();
        if (phoneNumber != null) {
            if (!E164.matcher(phoneNumber).matches()) {
                throw SnsError.invalidParameter(
                        "Invalid parameter: PhoneNumber Reason: " + phoneNumber + " is not valid to publish to");
            }
            state.sendSms(new SmsMessage(messageId, phoneNumber, message, clock.instant()));
        } else {
            if (!state.topicExists(topicArn)) {
                throw SnsError.topicNotFound();
            }
            state.publish(new PublishedMessage(messageId, topicArn, emptyToNull(form.get("Subject")), message,
                    attributes, clock.instant(), emptyToNull(traceHeader)));
        }
        return element("MessageId", messageId);
    }

    private String subscribe(Map<String, String> form) {
        String topicArn = emptyToNull(form.get("TopicArn"));
        String protocol = emptyToNull(form.get("Protocol"));
        if (topicArn == null) {
            throw SnsError.invalidParameter("Invalid parameter: TopicArn");
        }
        if (protocol == null) {
            throw SnsError.invalidParameter("Invalid parameter: Protocol");
        }
        String endpoint = Objects.requireNonNullElse(form.get("Endpoint"), "");
        return element("SubscriptionArn", state.subscribe(topicArn, protocol, endpoint).subscriptionArn());
    }

    private String listTopics(Map<String, String> form) {
        List<String> arns = state.topicArns();
        int from = pageStart(form.get("NextToken"), arns.size());
        int to = Math.min(from + TOPICS_PER_PAGE, arns.size());
        StringBuilder result = new StringBuilder("<Topics>");
        for (String arn : arns.subList(from, to)) {
            result.append("<member>").append(element("TopicArn", arn)).append("</member>");
        }
        result.append("</Topics>");
        if (to < arns.size()) {
            result.append(element("NextToken", Integer.toString(to)));
        }
        return result.toString();
    }

    private static int pageStart(String nextToken, int topicCount) {
        if (nextToken == null || nextToken.isEmpty()) {
            return 0;
        }
        try {
            int start = Integer.parseInt(nextToken);
            if (start >= 0 && start <= topicCount) {
                return start;
            }
        } catch (NumberFormatException e) {
            // Answered below like any other token this emulator did not hand out.
        }
        throw SnsError.invalidParameter("Invalid parameter: NextToken");
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
