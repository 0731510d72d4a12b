package com.scratch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.regex.Matcher;
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
                .hasMessageContaining("'schemaVersion' must be 1");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "amount      | \"4200\"                 | 'amount' must be a whole number of at least 1, was \"4200\"",
        "amount      | 42.5                     | 'amount' must be a whole number of at least 1, was 42.5",
        "amount      | -1                       | 'amount' must be a whole number of at least 1, was -1",
        "storage     | 0                        | 'storage' must be a whole number from 1 to 100000, was 0",
        "storage     | 200000                   | 'storage' must be a whole number from 1 to 100000, was 200000",
        "currency    | \"USD\"                  | 'currency' must be a lower-case ISO 4217 code matching ^[a-z]{3}$",
        "currency    | \"usd\\n\"               | 'currency' must be a lower-case ISO 4217 code",
        "paymentId   | \"\"                     | 'paymentId' must be a non-empty string, was \"\"",
        "eventId     | null                     | 'eventId' must be a non-empty string, was null",
        "userId      | 42                       | 'userId' must be a non-empty string, or absent",
        "userId      | null                     | 'userId' must be a non-empty string, or absent",
        "stage       | \"not a stage!\"         | 'stage' must be a stage name matching ^[A-Za-z][A-Za-z0-9-]{0,39}$",
        "purchasedAt | \"yesterday\"            | 'purchasedAt' must be an RFC 3339 UTC time",
        "purchasedAt | \"2026-02-29T10:00:00Z\" | 'purchasedAt' must be a date and time that exist",
    })
    void aBadFieldIsNamed(String field, String badValue, String expectedMessage) {
        // given
        String json = withField(field, badValue);

        // when / then
        assertThatThrownBy(() -> NotePurchasedCodec.decode(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void aHugeValueIsShownCutShort() {
        // given: a stage of 100 000 characters
        String json = withField("stage", "\"" + "x".repeat(100_000) + "\"");

        // when / then
        assertThatThrownBy(() -> NotePurchasedCodec.decode(json))
                .hasMessageContaining("'stage' must be a stage name")
                .hasMessageEndingWith("… (100002 chars)")
                .message().hasSizeLessThan(250);
    }

    @Test
    void wholeNumbersMayBeWrittenWithAFractionOrAnExponent() {
        // given: JSON Schema counts 1.0, 21.0 and 4.2E+3 as integers
        String json = withField("storage", "21.0").replace("\"schemaVersion\":1", "\"schemaVersion\":1.0")
                .replace("\"amount\":4200", "\"amount\":4.2E+3");

        // when
        PurchaseMessage decoded = NotePurchasedCodec.decode(json);

        // then
        assertThat(decoded).isEqualTo(EVENT);
    }

    @Test
    void notJsonOrNotAnObjectIsRefused() {
        assertThatThrownBy(() -> NotePurchasedCodec.decode("Charged 4200")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> NotePurchasedCodec.decode("[1,2]")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> NotePurchasedCodec.decode("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> NotePurchasedCodec.decode("{\"amount\":4200}"))
                .hasMessageContaining("no schemaVersion");
    }

    private static String withField(String field, String jsonValue) {
        return NotePurchasedCodec.encode(EVENT)
                .replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9.]+)",
                        Matcher.quoteReplacement("\"" + field + "\":" + jsonValue));
    }
}
