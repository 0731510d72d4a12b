package com.scratch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract between billing and notify: what the producer writes must validate against the v1 schema. */
class NotePurchasedSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema V1 = loadSchema("schemas/note-purchased-v1.json");

    @Test
    void eventsTheCodecWritesValidateAgainstV1() throws Exception {
        NotePurchased event = new NotePurchased("evt-1", 4200, "usd", "Scratch charge", 21, "pi_123",
                "USER-SUB-1234", "feature-login", Instant.now());
        NotePurchased anonymous = new NotePurchased("evt-2", 400, "usd", "Scratch charge", 1, "pi_456", null,
                "prod", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(validate(NotePurchasedCodec.encode(event))).isEmpty();
        assertThat(validate(NotePurchasedCodec.encode(anonymous))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"events/note-purchased-v1.json", "events/note-purchased-v1-anonymous.json"})
    void v1FixturesValidate(String fixture) throws Exception {
        assertThat(validate(Fixtures.read(fixture))).isEmpty();
    }

    @Test
    void theOriginalMessageIsNotAV1EventButTheCodecStillAcceptsIt() throws Exception {
        String original = Fixtures.read("events/original-message.json");

        assertThat(validate(original)).isNotEmpty();
        assertThat(NotePurchasedCodec.decode(original)).isInstanceOf(LegacyPurchaseMessage.class);
    }

    @Test
    void theSchemaCatchesWhatTheCodecRefuses() throws Exception {
        String badAmount = Fixtures.read("events/note-purchased-v1.json").replace("\"amount\":4200", "\"amount\":\"4200\"");
        String noPayment = Fixtures.read("events/note-purchased-v1.json").replace("\"paymentId\"", "\"paymentRef\"");

        assertThat(validate(badAmount)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("amount"));
        assertThat(validate(noPayment)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("paymentId"));
    }

    private static Set<ValidationMessage> validate(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return V1.validate(node);
    }

    private static JsonSchema loadSchema(String resource) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = NotePurchased.class.getClassLoader().getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load " + resource, e);
        }
    }
}
