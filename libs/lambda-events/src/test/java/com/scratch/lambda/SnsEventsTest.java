package com.scratch.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our reading of the SNS event, held to the Lambda runtime's own serialiser on the same JSON. */
class SnsEventsTest {

    private static final ClassLoader LOADER = SnsEventsTest.class.getClassLoader();

    @Test
    void readsEachRecordsMessageAsTheRuntimesSerialiserDoes() throws IOException {
        byte[] json;
        try (InputStream in = LOADER.getResourceAsStream("events/sns-two-records.json")) {
            json = in.readAllBytes();
        }
        SNSEvent runtimes = LambdaEventSerializers.serializerFor(SNSEvent.class, LOADER)
                .fromJson(new ByteArrayInputStream(json));

        List<SnsNotification> ours = SnsEvents.read(new ByteArrayInputStream(json));

        assertThat(ours).hasSize(2);
        for (int i = 0; i < 2; i++) {
            SNSEvent.SNS sns = runtimes.getRecords().get(i).getSNS();
            assertThat(ours.get(i)).isEqualTo(new SnsNotification(sns.getMessageId(), sns.getTopicArn(), sns.getMessage()));
        }
        assertThat(ours.get(1).message()).contains("insufficient_funds");
    }

    @Test
    void readsWhatTheRuntimesSerialiserWritesForAnEventBuiltInCode() throws IOException {
        SNSEvent event = new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(new SNSEvent.SNS()
                .withMessageId("m-1").withTopicArn("arn:aws:sns:us-east-1:1:dev-note-purchased").withMessage("{\"a\":1}"))));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(SNSEvent.class, LOADER).toJson(event, json);

        assertThat(SnsEvents.read(new ByteArrayInputStream(json.toByteArray())))
                .containsExactly(new SnsNotification("m-1", "arn:aws:sns:us-east-1:1:dev-note-purchased", "{\"a\":1}"));
    }

    @Test
    void refusesAPayloadThatIsNoSnsEventNamingWhatIsWrongButNotItsValue() {
        assertThatThrownBy(() -> read("{not json")).isInstanceOf(MalformedSnsEventException.class)
                .hasMessage("The invocation's payload is not JSON");
        assertThatThrownBy(() -> read("null")).isInstanceOf(MalformedSnsEventException.class)
                .hasMessageContaining("a JSON object is expected, was NULL");
        assertThatThrownBy(() -> read("{}")).isInstanceOf(MalformedSnsEventException.class)
                .hasMessage("The SNS event's Records must be an array, was missing");
        assertThatThrownBy(() -> read("{\"Records\":[{\"sns\":{}}]}")).isInstanceOf(MalformedSnsEventException.class)
                .hasMessage("The SNS event's Records[0].Sns must be an object, was missing");
        assertThatThrownBy(() -> read("{\"Records\":[{\"Sns\":{\"MessageId\":\"m\",\"TopicArn\":\"t\",\"Message\":{\"card\":\"4242\"}}}]}"))
                .isInstanceOf(MalformedSnsEventException.class)
                .hasMessage("The SNS event's Records[0].Sns.Message must be a string, was OBJECT");
    }

    @Test
    void anEventWithoutRecordsHasNoMessages() throws IOException {
        assertThat(read("{\"Records\":[]}")).isEmpty();
    }

    private static List<SnsNotification> read(String json) throws IOException {
        return SnsEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
