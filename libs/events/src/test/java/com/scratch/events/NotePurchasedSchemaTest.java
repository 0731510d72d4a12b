package com.scratch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract between billing and notify: what the producer writes must validate against the v1 schema. */
class NotePurchasedSchemaTest {

    @Test
    void eventsTheCodecWritesValidateAgainstV1() {
        NotePurchased event = new NotePurchased("evt-1", 4200, "usd", "Scratch charge", 21, "pi_123",
                "USER-SUB-1234", "feature-login", Instant.now());
        NotePurchased anonymous = new NotePurchased("evt-2", 400, "usd", "Scratch charge", 1, "pi_456", null,
                "prod", Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(V1Schema.validate(NotePurchasedCodec.encode(event))).isEmpty();
        assertThat(V1Schema.validate(NotePurchasedCodec.encode(anonymous))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"events/note-purchased-v1.json", "events/note-purchased-v1-anonymous.json"})
    void v1FixturesValidate(String fixture) {
        assertThat(V1Schema.validate(Fixtures.read(fixture))).isEmpty();
    }

    @Test
    void theOriginalMessageIsNotAV1EventButTheCodecStillAcceptsIt() {
        String original = Fixtures.read("events/original-message.json");

        assertThat(V1Schema.validate(original)).isNotEmpty();
        assertThat(NotePurchasedCodec.decode(original)).isInstanceOf(LegacyPurchaseMessage.class);
    }

    @Test
    void theSchemaCatchesWhatTheCodecRefuses() {
        String event = Fixtures.read("events/note-purchased-v1.json");
        String badAmount = event.replace("\"amount\":4200", "\"amount\":\"4200\"");
        String noPayment = event.replace("\"paymentId\"", "\"paymentRef\"");

        assertThat(V1Schema.validate(badAmount)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("amount"));
        assertThat(V1Schema.validate(noPayment)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("paymentId"));
    }

    @Test
    void theSchemaStatesTheLimitsTheRecordEnforces() {
        // given: the limits are written twice, in the schema and as NotePurchased's constants
        JsonNode properties = V1Schema.document().get("properties");

        // then
        assertThat(properties.at("/schemaVersion/const").intValue()).isEqualTo(NotePurchased.SCHEMA_VERSION);
        assertThat(limit(properties, "/amount/minimum")).isEqualByComparingTo(number(NotePurchased.MIN_AMOUNT));
        assertThat(limit(properties, "/amount/maximum")).isEqualByComparingTo(number(NotePurchased.MAX_AMOUNT));
        assertThat(limit(properties, "/storage/minimum")).isEqualByComparingTo(number(NotePurchased.MIN_STORAGE));
        assertThat(limit(properties, "/storage/maximum")).isEqualByComparingTo(number(NotePurchased.MAX_STORAGE));
        assertThat(properties.at("/currency/pattern").textValue()).isEqualTo(NotePurchased.CURRENCY.pattern());
        assertThat(properties.at("/stage/pattern").textValue()).isEqualTo(NotePurchased.STAGE.pattern());
        assertThat(properties.at("/purchasedAt/pattern").textValue()).isEqualTo(NotePurchased.PURCHASED_AT.pattern());
    }

    private static BigDecimal limit(JsonNode properties, String pointer) {
        return properties.at(pointer).decimalValue();
    }

    private static BigDecimal number(long value) {
        return BigDecimal.valueOf(value);
    }
}
