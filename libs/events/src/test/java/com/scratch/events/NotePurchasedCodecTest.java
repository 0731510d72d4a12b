package com.scratch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotePurchasedCodecTest {

    private static final NotePurchased EVENT = new NotePurchased("evt-1", 4200, "usd", "Scratch charge", 21,
            "pi_123", "USER-SUB-1234", "dev", Instant.parse("2026-11-26T15:06:28.123Z"));

    @Test
    void encodedEventsReadBackUnchanged() {
        // when
        PurchaseMessage decoded = NotePurchasedCodec.decode(NotePurchasedCodec.encode(EVENT));

        // then
        assertThat(decoded).isEqualTo(EVENT);
    }

    @Test
    void encodingWritesTheSchemaVersionAndLeavesOutAnUnknownBuyer() {
        NotePurchased anonymous = new NotePurchased("evt-1", 4200, "usd", "Scratch charge", 21, "pi_123", null,
                "dev", Instant.parse("2026-11-26T15:06:28Z"));

        String json = NotePurchasedCodec.encode(anonymous);

        assertThat(json).startsWith("{\"schemaVersion\":1,").doesNotContain("userId");
        assertThat(NotePurchasedCodec.decode(json)).isEqualTo(anonymous);
    }

    @Test
    void theOriginalMessageIsAccepted() {
        PurchaseMessage decoded = NotePurchasedCodec.decode(Fixtures.read("events/original-message.json"));

        assertThat(decoded).isEqualTo(new LegacyPurchaseMessage(4200, "Scratch charge"));
        assertThat(decoded.currency()).isEqualTo("usd");
    }

    @Test
    void unknownFieldsAreIgnored() {
        PurchaseMessage decoded = NotePurchasedCodec.decode(Fixtures.read("events/note-purchased-v1-anonymous.json"));

        assertThat(decoded).isInstanceOfSatisfying(NotePurchased.class, event -> {
            assertThat(event.amount()).isEqualTo(10100);
            assertThat(event.buyer()).isEmpty();
        });
    }

    @Test
    void anotherSchemaVersionIsRefused() {
        String version2 = NotePurchasedCodec.encode(EVENT).replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThatThrownBy(() -> NotePurchasedCodec.decode(version2))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Unsupported schemaVersion 2");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "amount      | \"4200\"                | 'amount' must be a positive whole number",
        "amount      | 42.5                    | 'amount' must be a positive whole number",
        "amount      | -1                      | 'amount' must be a positive whole number",
        "storage     | 0                       | 'storage' must be a positive whole number",
        "currency    | \"USD\"                 | 'currency' must be a lower-case ISO 4217 code",
        "paymentId   | \"\"                    | 'paymentId' must be a non-empty string",
        "eventId     | null                    | 'eventId' must be a non-empty string",
        "userId      | 42                      | 'userId' must be a string",
        "purchasedAt | \"yesterday\"           | 'purchasedAt' must be an ISO-8601 UTC time",
    })
    void aBadFieldIsNamed(String field, String badValue, String expectedMessage) {
        String json = NotePurchasedCodec.encode(EVENT)
                .replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9.]+)", "\"" + field + "\":" + badValue);

        assertThatThrownBy(() -> NotePurchasedCodec.decode(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void notJsonOrNotAnObjectIsRefused() {
        assertThatThrownBy(() -> NotePurchasedCodec.decode("Charged 4200")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> NotePurchasedCodec.decode("[1,2]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> NotePurchasedCodec.decode("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> NotePurchasedCodec.decode("{\"amount\":4200}"))
                .hasMessageContaining("no schemaVersion");
    }
}
