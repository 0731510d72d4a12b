package com.scratch.emulators.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.ThrottledException;
import software.amazon.awssdk.services.sns.model.Topic;

class SnsEmulatorTest {

    private static SnsEmulator sns;
    private static SnsClient client;

    @BeforeAll
    static void startEmulator() {
        sns = SnsEmulator.start();
        client = SnsClient.builder()
                .endpointOverride(sns.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void resetEmulator() {
        sns.reset();
    }

    @AfterAll
    static void stopEmulator() {
        client.close();
        sns.close();
    }

    @Test
    void createTopicIsIdempotentByName() {
        // when
        String first = client.createTopic(r -> r.name("billing-events")).topicArn();
        String second = client.createTopic(r -> r.name("billing-events")).topicArn();

        // then
        assertThat(first).isEqualTo("arn:aws:sns:us-east-1:000000000000:billing-events").isEqualTo(second);
        assertThat(sns.createTopic("billing-events")).isEqualTo(first);
        assertThat(sns.callCount("CreateTopic")).isEqualTo(2);
    }

    @Test
    void recordsEveryCallWithItsFormFailedOnesIncluded() {
        // given
        sns.failNext(1, SnsFault.INTERNAL_ERROR);

        // when
        assertThatThrownBy(() -> client.createTopic(r -> r.name("first"))).isInstanceOf(InternalErrorException.class);
        client.createTopic(r -> r.name("second"));

        // then
        assertThat(sns.calls()).extracting(SnsCall::action).containsExactly("CreateTopic", "CreateTopic");
        assertThat(sns.calls()).extracting(call -> call.form().get("Name")).containsExactly("first", "second");
        sns.reset();
        assertThat(sns.calls()).isEmpty();
        assertThat(sns.callCount("CreateTopic")).isZero();
    }

    @Test
    void publishRecordsMessageSubjectAndAttributesByName() {
        // given
        String topicArn = sns.createTopic("billing-events");
        String message = "{\"orderId\":\"o-1\",\"note\":\"a+b & <c> 100%\"}";

        // when
        PublishResponse response = client.publish(r -> r.topicArn(topicArn).message(message).subject("Payment")
                .messageAttributes(Map.of(
                        "eventType", MessageAttributeValue.builder().dataType("String").stringValue("payment.succeeded").build(),
                        "amount", MessageAttributeValue.builder().dataType("Number").stringValue("2000").build())));

        // then
        List<PublishedMessage> published = sns.published(topicArn);
        assertThat(published).hasSize(1);
        PublishedMessage recorded = published.get(0);
        assertThat(recorded.messageId()).isEqualTo(response.messageId());
        assertThat(recorded.message()).isEqualTo(message);
        assertThat(recorded.subject()).isEqualTo("Payment");
        assertThat(recorded.attributes()).containsOnly(
                Map.entry("eventType", new MessageAttribute("String", "payment.succeeded")),
                Map.entry("amount", new MessageAttribute("Number", "2000")));
        assertThat(recorded.publishedAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(response.responseMetadata().requestId()).isNotEqualTo("UNKNOWN");
    }

    /** What SNS passes on to the topic's subscribers: the trace header the publisher's X-Ray SDK added. */
    @Test
    void publishKeepsTheRequestsTraceHeaderWithTheMessage() {
        // given
        String topicArn = sns.createTopic("billing-events");
        String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        // when
        client.publish(r -> r.topicArn(topicArn).message("traced")
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", header)));
        client.publish(r -> r.topicArn(topicArn).message("untraced"));

        // then
        assertThat(sns.published(topicArn)).extracting(PublishedMessage::message, PublishedMessage::traceHeader)
                .containsExactly(tuple("traced", header), tuple("untraced", null));
    }

    @Test
    void publishToAPhoneNumberGoesToTheSmsOutbox() {
        // when
        String messageId = client.publish(r -> r.phoneNumber("+15555550100").message("Your code is +123456")).messageId();

        // then
        assertThat(sns.smsOutbox()).singleElement().satisfies(sms -> {
            assertThat(sms.messageId()).isEqualTo(messageId);
            assertThat(sms.phoneNumber()).isEqualTo("+15555550100");
            assertThat(sms.message()).isEqualTo("Your code is +123456");
        });
    }

    @Test
    void publishToAnInvalidPhoneNumberIsAnInvalidParameter() {
        // when / then
        assertThatThrownBy(() -> client.publish(r -> r.phoneNumber("555-0100").message("hi")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(sns.smsOutbox()).isEmpty();
    }

    @Test
    void publishWithoutMessageOrWithBothTargetsIsAnInvalidParameter() {
        // given
        String topicArn = sns.createTopic("billing-events");

        // when / then
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topicArn)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> client.publish(r -> r.message("m")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topicArn).phoneNumber("+15555550100").message("m")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(sns.published(topicArn)).isEmpty();
    }

    @Test
    void attributeWithoutValueIsAnInvalidParameterValue() {
        // given
        String topicArn = sns.createTopic("billing-events");

        // when / then
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topicArn).message("m")
                .messageAttributes(Map.of("eventType", MessageAttributeValue.builder().dataType("String").build()))))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void publishToATopicNeverCreatedIsNotFound() {
        // when / then
        assertThatThrownBy(() -> client.publish(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:nope").message("m")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThat(sns.callCount("Publish")).isEqualTo(1);
    }

    @Test
    void subscribeReturnsASubscriptionArnUnderTheTopic() {
        // given
        String topicArn = sns.createTopic("billing-events");
        String function = "arn:aws:lambda:us-east-1:000000000000:function:notify";

        // when
        String subscriptionArn = client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(function)
                .returnSubscriptionArn(true)).subscriptionArn();

        // then
        assertThat(subscriptionArn).startsWith(topicArn + ":").hasSize(topicArn.length() + 1 + 36);
        assertThat(sns.subscriptions()).containsExactly(new Subscription(subscriptionArn, topicArn, "lambda", function));
        assertThatThrownBy(() -> client.subscribe(r -> r.topicArn(topicArn + "x").protocol("lambda").endpoint(function)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void listTopicsPagesThroughEveryTopic() {
        // given
        for (int i = 0; i < 105; i++) {
            sns.createTopic("topic-" + i);
        }

        // when
        List<String> arns = client.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();

        // then
        assertThat(arns).hasSize(105).doesNotHaveDuplicates()
                .contains("arn:aws:sns:us-east-1:000000000000:topic-104");
        assertThat(sns.callCount("ListTopics")).isEqualTo(2);
    }

    @Test
    void listTopicsWithNoTopicsIsEmpty() {
        // when / then
        assertThat(client.listTopics().topics()).isEmpty();
    }

    @Test
    void publishListenersSeeEachMessageAndCannotFailThePublish() {
        // given
        String topicArn = sns.createTopic("billing-events");
        List<PublishedMessage> delivered = new CopyOnWriteArrayList<>();
        sns.onPublish(topicArn, delivered::add);
        sns.onPublish(topicArn, message -> {
            throw new IllegalStateException("a broken subscriber");
        });

        // when
        String messageId = client.publish(r -> r.topicArn(topicArn).message("hello")).messageId();

        // then: listeners run before the publisher is answered, so nothing to wait for
        assertThat(delivered).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(messageId);
            assertThat(message.message()).isEqualTo("hello");
        });
    }

    @Test
    void smsListenersHearEveryTextOnceItIsInTheOutbox() {
        // given
        List<SmsMessage> heard = new CopyOnWriteArrayList<>();
        sns.onSms(heard::add);

        // when
        client.publish(r -> r.phoneNumber("+14151234567").message("Charged $42.00"));

        // then
        assertThat(heard).singleElement().satisfies(sms -> {
            assertThat(sms.phoneNumber()).isEqualTo("+14151234567");
            assertThat(sms.message()).isEqualTo("Charged $42.00");
        });
        assertThat(sns.smsOutbox()).containsExactlyElementsOf(heard);
    }

    @Test
    void throttledFaultRaisesThrottledException() {
        // given
        sns.failNext(1, SnsFault.THROTTLED);

        // when / then
        assertThatThrownBy(() -> client.createTopic(r -> r.name("t")))
                .isInstanceOfSatisfying(ThrottledException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(client.createTopic(r -> r.name("t")).topicArn()).endsWith(":t");
        assertThat(sns.callCount("CreateTopic")).isEqualTo(2);
    }

    @Test
    void internalErrorFaultRaisesInternalErrorException() {
        // given
        String topicArn = sns.createTopic("billing-events");
        sns.failNext(1, SnsFault.INTERNAL_ERROR);

        // when / then
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topicArn).message("m")))
                .isInstanceOfSatisfying(InternalErrorException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(sns.published(topicArn)).isEmpty();
    }

    @Test
    void authorizationFaultRaisesAuthorizationErrorException() {
        // given
        sns.failNext(1, SnsFault.AUTHORIZATION_ERROR);

        // when / then
        assertThatThrownBy(() -> client.publish(r -> r.phoneNumber("+15555550100").message("m")))
                .isInstanceOfSatisfying(AuthorizationErrorException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(sns.smsOutbox()).isEmpty();
        assertThat(sns.callCount("Publish")).isEqualTo(1);
    }

    @Test
    void resetForgetsTopicsMessagesAndListeners() {
        // given
        String topicArn = sns.createTopic("billing-events");
        List<PublishedMessage> delivered = new CopyOnWriteArrayList<>();
        sns.onPublish(topicArn, delivered::add);
        client.publish(r -> r.topicArn(topicArn).message("before"));

        // when
        sns.reset();
        sns.createTopic("billing-events");
        client.publish(r -> r.topicArn(topicArn).message("after"));

        // then
        assertThat(sns.published(topicArn)).extracting(PublishedMessage::message).containsExactly("after");
        assertThat(delivered).extracting(PublishedMessage::message).containsExactly("before");
        assertThat(sns.callCount("Publish")).isEqualTo(1);
    }

    /** The SDK gives up after its call timeout, but each attempt was published: the copies a slow SNS makes. */
    @Test
    void aPublishDelayedPastTheClientsTimeoutIsStillPublishedAndOtherTopicsAreNotDelayed() throws Exception {
        String slow = sns.createTopic("slow-topic");
        String fast = sns.createTopic("fast-topic");
        sns.delayPublishesTo(slow, java.time.Duration.ofMillis(700));
        SnsClient impatient = SnsClient.builder()
                .endpointOverride(sns.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(java.time.Duration.ofMillis(300))
                        .apiCallTimeout(java.time.Duration.ofMillis(1_000)))
                .build();

        assertThatThrownBy(() -> impatient.publish(r -> r.topicArn(slow).message("late")))
                .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
        impatient.publish(r -> r.topicArn(fast).message("prompt"));
        com.scratch.testing.Await.until(java.time.Duration.ofSeconds(5), () -> sns.published(slow).size() >= 2);

        assertThat(sns.published(slow)).extracting(m -> m.message()).containsOnly("late");
        assertThat(sns.published(fast)).hasSize(1);
        impatient.close();
    }
}
