package com.scratch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.events.LegacyPurchaseMessage;
import com.scratch.events.NotePurchased;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseTextTest {

    @Test
    void aNotePurchaseReadsAsMoneyAndNotes() {
        NotePurchased event = new NotePurchased("evt-1", 4200, "usd", "Scratch charge", 21, "pi_1", null, "dev", Instant.now());

        assertThat(PurchaseText.of(event)).isEqualTo("Charged $42.00 for Scratch charge (21 notes)");
    }

    @Test
    void oneNoteIsSingular() {
        NotePurchased event = new NotePurchased("evt-1", 400, "usd", "Scratch charge", 1, "pi_1", null, "dev", Instant.now());

        assertThat(PurchaseText.of(event)).isEqualTo("Charged $4.00 for Scratch charge (1 note)");
    }

    @Test
    void theOriginalMessageHasNoNoteCount() {
        assertThat(PurchaseText.of(new LegacyPurchaseMessage(4200, "Scratch charge"))).isEqualTo("Charged $42.00 for Scratch charge");
    }

    @ParameterizedTest
    @CsvSource({"5, usd, $0.05", "10100, usd, $101.00", "123456789, usd, $1234567.89", "4200, eur, 42.00 EUR"})
    void money(long minorUnits, String currency, String expected) {
        assertThat(PurchaseText.money(minorUnits, currency)).isEqualTo(expected);
    }
}
