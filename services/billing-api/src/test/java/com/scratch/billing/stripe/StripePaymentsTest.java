package com.scratch.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.billing.purchase.AuthenticationRequiredException;
import com.scratch.billing.purchase.Payment;
import com.scratch.billing.purchase.PaymentCanceledException;
import com.scratch.billing.purchase.PaymentPendingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each status of a confirmed PaymentIntent means for the purchase. The local Stripe only ever answers a
 * confirm with {@code succeeded} or a card error, so the other statuses are built here, as stripe-java would
 * read them.
 */
class StripePaymentsTest {

    @Test
    void succeededIsThePayment() {
        assertThat(StripePayments.completed(intent("succeeded"))).isEqualTo(new Payment("pi_1", 4200, "usd"));
    }

    @Test
    void processingIsPendingAndNamesThePayment() {
        assertThatThrownBy(() -> StripePayments.completed(intent("processing")))
                .isInstanceOfSatisfying(PaymentPendingException.class, e -> assertThat(e.paymentId()).isEqualTo("pi_1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"requires_action", "requires_payment_method", "requires_confirmation"})
    void anIntentLeftWaitingAfterTheConfirmNeedsTheCardholderToAuthenticate(String status) {
        assertThatThrownBy(() -> StripePayments.completed(intent(status)))
                .isInstanceOf(AuthenticationRequiredException.class)
                .hasMessageContaining(status)
                .satisfies(e -> assertThat(((AuthenticationRequiredException) e).answer().error())
                        .isEqualTo("authentication_required"));
    }

    @Test
    void canceledIsCanceledNotDeclined() {
        assertThatThrownBy(() -> StripePayments.completed(intent("canceled")))
                .isInstanceOfSatisfying(PaymentCanceledException.class,
                        e -> assertThat(e.answer().error()).isEqualTo("payment_canceled"));
    }

    @Test
    void aStatusTheChargeNeverAsksForIsAFaultNotAnAnswer() {
        assertThatThrownBy(() -> StripePayments.completed(intent("requires_capture")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requires_capture");
    }

    private static PaymentIntentAnswer intent(String status) {
        return new PaymentIntentAnswer("pi_1", status, 4200, "usd", null);
    }
}
