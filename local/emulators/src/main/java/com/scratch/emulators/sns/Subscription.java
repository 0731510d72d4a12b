package com.scratch.emulators.sns;

import java.util.Objects;

/**
 * A subscription made through the Subscribe action. The emulator records it but delivers nothing itself;
 * in-JVM delivery goes through {@link SnsEmulator#onPublish}.
 *
 * <pre>{@code
 * assertThat(sns.subscriptions()).extracting(Subscription::protocol).containsExactly("lambda");
 * }</pre>
 *
 * @param subscriptionArn {@code <topicArn>:<uuid>}
 * @param topicArn the topic subscribed to
 * @param protocol for example {@code lambda}, {@code sqs} or {@code email}
 * @param endpoint where the real SNS would deliver, for example a function ARN; may be empty
 */
public record Subscription(String subscriptionArn, String topicArn, String protocol, String endpoint) {

    public Subscription {
        Objects.requireNonNull(subscriptionArn, "subscriptionArn == null");
        Objects.requireNonNull(topicArn, "topicArn == null");
        Objects.requireNonNull(protocol, "protocol == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
    }
}
