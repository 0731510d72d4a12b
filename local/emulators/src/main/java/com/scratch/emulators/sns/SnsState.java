package com.scratch.emulators.sns;

import com.scratch.emulators.iam.LocalAccount;
import com.scratch.emulators.internal.RandomIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Topics, subscriptions, published messages and publish listeners of one emulator. Thread-safe. */
final class SnsState {

    private static final Logger log = LoggerFactory.getLogger(SnsState.class);
    static final String ARN_PREFIX = "arn:" + LocalAccount.PARTITION + ":sns:" + LocalAccount.REGION + ":"
            + LocalAccount.ACCOUNT_ID + ":";

    // Topic ARNs in creation order, which is the order ListTopics pages in.
    private final Map<String, List<Subscription>> topics = new LinkedHashMap<>();
    private final List<PublishedMessage> published = new CopyOnWriteArrayList<>();
    private final List<SmsMessage> smsOutbox = new CopyOnWriteArrayList<>();
    private final Map<String, List<Consumer<PublishedMessage>>> listeners = new ConcurrentHashMap<>();
    private final List<Consumer<SmsMessage>> smsListeners = new CopyOnWriteArrayList<>();

    /** Creating a topic that exists returns its ARN again, as SNS does. */
    synchronized String createTopic(String name) {
        String arn = ARN_PREFIX + name;
        topics.computeIfAbsent(arn, created -> new ArrayList<>());
        return arn;
    }

    synchronized boolean topicExists(String topicArn) {
        return topics.containsKey(topicArn);
    }

    synchronized List<String> topicArns() {
        return List.copyOf(topics.keySet());
    }

    /** Subscribing the same endpoint twice returns the first subscription, as SNS does. */
    synchronized Subscription subscribe(String topicArn, String protocol, String endpoint) {
        List<Subscription> subscriptions = topics.get(topicArn);
        if (subscriptions == null) {
            throw SnsError.topicNotFound();
        }
        for (Subscription existing : subscriptions) {
            if (existing.protocol().equals(protocol) && existing.endpoint().equals(endpoint)) {
                return existing;
            }
        }
        Subscription subscription = new Subscription(topicArn + ":" + RandomIds.uuid(), topicArn, protocol, endpoint);
        subscriptions.add(subscription);
        return subscription;
    }

    synchronized List<Subscription> subscriptions() {
        return topics.values().stream().flatMap(List::stream).toList();
    }

    /** Records the message, then calls the topic's listeners on the calling (server) thread. */
    void publish(PublishedMessage message) {
        published.add(message);
        for (Consumer<PublishedMessage> listener : listeners.getOrDefault(message.topicArn(), List.of())) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                // Real SNS delivers after answering the publisher, so a failing subscriber never fails Publish.
                log.warn("Publish listener for {} failed on message {}", message.topicArn(), message.messageId(), e);
            }
        }
    }

    void sendSms(SmsMessage sms) {
        smsOutbox.add(sms);
        for (Consumer<SmsMessage> listener : smsListeners) {
            try {
                listener.accept(sms);
            } catch (RuntimeException e) {
                log.warn("SMS listener failed on message {}", sms.messageId(), e);
            }
        }
    }

    void addSmsListener(Consumer<SmsMessage> listener) {
        smsListeners.add(Objects.requireNonNull(listener, "listener == null"));
    }

    void addListener(String topicArn, Consumer<PublishedMessage> listener) {
        Objects.requireNonNull(topicArn, "topicArn == null");
        Objects.requireNonNull(listener, "listener == null");
        listeners.computeIfAbsent(topicArn, arn -> new CopyOnWriteArrayList<>()).add(listener);
    }

    List<PublishedMessage> published(String topicArn) {
        return published.stream().filter(message -> message.topicArn().equals(topicArn)).toList();
    }

    List<SmsMessage> smsOutbox() {
        return List.copyOf(smsOutbox);
    }

    synchronized void clear() {
        topics.clear();
        published.clear();
        smsOutbox.clear();
        listeners.clear();
        smsListeners.clear();
    }
}
