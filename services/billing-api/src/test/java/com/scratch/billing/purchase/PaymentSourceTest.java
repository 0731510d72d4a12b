package com.scratch.billing.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentSourceTest {

    @Test
    void aMaskedIdKeepsOnlyItsPrefixAndLastFourCharacters() {
        assertThat(new PaymentSource.PaymentMethod("pm_1QzUnknownPaymentMethod77").masked()).isEqualTo("pm_...od77");
        assertThat(new PaymentSource.CardToken("tok_1QzUnknownCardToken42").masked()).isEqualTo("tok_...en42");
        // too short to show 4 characters without showing it nearly whole
        assertThat(new PaymentSource.CardToken("tok_visa").masked()).isEqualTo("tok_...");
        assertThat(new PaymentSource.PaymentMethod("pm_card_visa").masked()).isEqualTo("pm_...visa");
    }

    @Test
    void aRejectedSourceIsRecordedMaskedWhereverStripesMessageQuotedIt() {
        PaymentMethodRejectedException rejected = new PaymentMethodRejectedException(
                new PaymentSource.PaymentMethod("pm_1QzUnknownPaymentMethod77"),
                "No such PaymentMethod: 'pm_1QzUnknownPaymentMethod77'", null);

        assertThat(rejected.getMessage()).isEqualTo("No such PaymentMethod: 'pm_...od77'");
        assertThat(rejected.answer().message()).doesNotContain("pm_1QzUnknownPaymentMethod77");
    }
}
