package com.scratch.billing.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.aws.AwsClients;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What billing publishes, as a third-party SNS emulator (fauxqs) receives and delivers it: the event arrives
 * whole on a subscribed queue, and a filter policy on {@code eventType} selects it.
 */
class SnsPurchaseAnnouncementsFauxqsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Fauxqs fauxqs;
    private static SnsClient sns;
    private static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        fauxqs = Fauxqs.start();
        sns = AwsClients.sns(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_SNS", fauxqs.endpoint().toString()));
        sqs = SqsClient.builder()
                .endpointOverride(fauxqs.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        if (sns != null) {
            sns.close();
            sqs.close();
        }
        if (fauxqs != null) {
            fauxqs.close();
        }
    }

    @Test
    void theEventArrivesWholeAndCanBeFilteredByType() throws Exception {
        // given: the topic, a queue that wants NotePurchased and one that wants something else
        String topicArn = sns.createTopic(r -> r.name("dev-note-purchased")).topicArn();
        String wanted = subscribedQueue(topicArn, "notify-dev", "NotePurchased");
        String unwanted = subscribedQueue(topicArn, "other-dev", "SomethingElse");
        NotePurchased event = new NotePurchased("evt-fauxqs-1", 4200, "usd", "Scratch charge", 21, "pi_123",
                "USER-SUB-1234", "dev", Instant.parse("2026-11-26T15:06:28.123Z"));

        // when
        new SnsPurchaseAnnouncements(sns, topicArn).announce(event);

        // then: the SNS envelope carries our message and the eventType attribute
        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(wanted).waitTimeSeconds(5).maxNumberOfMessages(10)).messages();
        assertThat(received).hasSize(1);
        JsonNode envelope = JSON.readTree(received.get(0).body());
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topicArn);
        assertThat(envelope.at("/MessageAttributes/eventType/Value").asText()).isEqualTo("NotePurchased");
        assertThat(NotePurchasedCodec.decode(envelope.get("Message").asText())).isEqualTo(event);

        // and the filter kept it from the queue that did not ask for it
        assertThat(sqs.receiveMessage(r -> r.queueUrl(unwanted).waitTimeSeconds(1)).messages()).isEmpty();
    }

    private static String subscribedQueue(String topicArn, String name, String eventType) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(arn)
                .attributes(Map.of("FilterPolicy", "{\"eventType\":[\"" + eventType + "\"]}")));
        return url;
    }
}
