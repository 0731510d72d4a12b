package com.scratch.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What billing reads of Stripe's answer, and what it refuses, never quoting the answer. */
class PaymentIntentAnswerTest {

    @Test
    void readsTheFieldsThePurchaseNeedsAndIgnoresTheRest() {
        PaymentIntentAnswer answer = PaymentIntentAnswer.read("{\"id\":\"pi_1\",\"object\":\"payment_intent\","
                + "\"amount\":4200,\"currency\":\"usd\",\"status\":\"canceled\",\"cancellation_reason\":\"abandoned\","
                + "\"metadata\":{\"storage\":\"21\"},\"payment_method_options\":{\"card\":{\"network\":null}},"
                + "\"a_field_stripe_adds_later\":[1,2]}");

        assertThat(answer).isEqualTo(new PaymentIntentAnswer("pi_1", "canceled", 4200, "usd", "abandoned"));
    }

    @Test
    void aMissingCancellationReasonIsNull() {
        assertThat(PaymentIntentAnswer.read("{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":4200,"
                + "\"currency\":\"usd\",\"status\":\"succeeded\",\"cancellation_reason\":null}").cancellationReason())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "<html>secret 4242</html>",
        "[]",
        "{\"object\":\"customer\",\"id\":\"cus_1\"}",
        "{\"object\":\"payment_intent\",\"amount\":4200,\"currency\":\"usd\",\"status\":\"succeeded\"}",
        "{\"object\":\"payment_intent\",\"id\":\"pi_1\",\"amount\":\"4200\",\"currency\":\"usd\",\"status\":\"succeeded\"}",
        "{\"object\":\"payment_intent\",\"id\":\"pi_1\",\"amount\":42.5,\"currency\":\"usd\",\"status\":\"succeeded\"}",
        "{\"object\":\"payment_intent\",\"id\":\"pi_1\",\"amount\":4200,\"currency\":\"usd\"}",
        "{\"object\":\"payment_intent\",\"id\":\"pi_1\",\"amount\":4200,\"currency\":\"usd\",\"status\":\"\"}"
    })
    void refusesWhatIsNoPaymentIntentWithoutQuotingIt(String json) {
        assertThatThrownBy(() -> PaymentIntentAnswer.read(json))
                .isInstanceOf(MalformedStripeAnswerException.class)
                .hasMessageStartingWith("Stripe's answer to a PaymentIntent call ")
                .hasMessageNotContaining("4242").hasMessageNotContaining("cus_1");
    }
}
