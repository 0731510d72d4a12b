package com.scratch.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.billing.purchase.CardDeclinedException;
import com.scratch.billing.purchase.FailureAnswer;
import com.scratch.billing.purchase.IdempotencyKeyReusedException;
import com.scratch.billing.purchase.PaymentMethodRejectedException;
import com.scratch.billing.purchase.PaymentProviderUnavailableException;
import com.scratch.billing.purchase.PaymentRequestRejectedException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseFailedException;
import com.scratch.emulators.stripe.StripeFault;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What stripe-java throws, for real, over HTTP from the local Stripe, and the purchase failure each one becomes. */
class StripeFailuresIT {

    private static final PaymentSource VISA = new PaymentSource.PaymentMethod("pm_card_visa");

    /** Started once for the class, closed after its last test. */
    @RegisterExtension
    static final LocalStripe local = new LocalStripe();
    private static StripeClient client;

    @BeforeAll
    static void start() {
        client = client(local.stripe.endpoint().toString());
    }

    @BeforeEach
    void reset() {
        local.reset(LocalStripe.KEY);
    }

    @Test
    void aDeclineIsACardDeclinedWithStripesCodesAndMessage() {
        PurchaseFailedException failure = translated(charge("pm_card_chargeDeclinedInsufficientFunds"), VISA);

        assertThat(failure).isInstanceOfSatisfying(CardDeclinedException.class, declined -> {
            assertThat(declined.code()).isEqualTo("card_declined");
            assertThat(declined.declineCode()).contains("insufficient_funds");
        });
        assertThat(failure.answer().message()).isEqualTo("Your card has insufficient funds.");
    }

    @Test
    void anExpiredCardHasACodeButNoDeclineCode() {
        PurchaseFailedException failure = translated(charge("pm_card_chargeDeclinedExpiredCard"), VISA);

        assertThat(failure).isInstanceOfSatisfying(CardDeclinedException.class, declined -> {
            assertThat(declined.code()).isEqualTo("expired_card");
            assertThat(declined.declineCode()).isEmpty();
        });
        assertThat(failure.answer().details()).doesNotContainKey("declineCode");
    }

    @Test
    void aPaymentMethodStripeDoesNotKnowIsTheBuyersInputNamedByItsField() {
        PaymentSource unknown = new PaymentSource.PaymentMethod("pm_nope");

        PurchaseFailedException failure = translated(charge("pm_nope"), unknown);

        assertThat(failure).isInstanceOf(PaymentMethodRejectedException.class);
        assertThat(failure.answer()).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.details()).containsEntry("field", "paymentMethod");
        });
    }

    @Test
    void aCardTokenStripeDoesNotKnowIsNamedAsTheSource() {
        PaymentSource unknown = new PaymentSource.CardToken("tok_nope");
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(400L).setCurrency("usd")
                .setConfirm(true)
                .setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                        .putExtraParam("type", "card").putExtraParam("card", Map.of("token", "tok_nope")).build())
                .build();

        PurchaseFailedException failure = translated(() -> client.v1().paymentIntents().create(params), unknown);

        assertThat(failure).isInstanceOf(PaymentMethodRejectedException.class);
        assertThat(failure.answer().details()).containsEntry("field", "source");
    }

    @Test
    void anIdempotencyKeyReusedForOtherParametersIsAConflict() throws StripeException {
        RequestOptions order7 = RequestOptions.builder().setIdempotencyKey("order-7").build();
        client.v1().paymentIntents().create(params(400, "pm_card_visa"), order7);

        PurchaseFailedException failure = translated(
                () -> client.v1().paymentIntents().create(params(600, "pm_card_visa"), order7), VISA);

        assertThat(failure).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(failure.answer().status()).isEqualTo(409);
    }

    @Test
    void aRequestStripeRefusesForAnythingButThePaymentMethodIsOurBug() {
        PaymentIntentCreateParams noAmount = PaymentIntentCreateParams.builder().setCurrency("usd")
                .setPaymentMethod("pm_card_visa").build();

        PurchaseFailedException failure = translated(() -> client.v1().paymentIntents().create(noAmount), VISA);

        assertThat(failure).isInstanceOf(PaymentRequestRejectedException.class)
                .hasMessageContaining("parameter_missing");
        assertThat(failure.answer()).isEqualTo(FailureAnswer.internalError());
    }

    @Test
    void aStripeErrorIsTheProviderUnavailable() {
        local.stripe.failNext(1, StripeFault.API_ERROR);

        PurchaseFailedException failure = translated(charge("pm_card_visa"), VISA);

        assertThat(failure).isInstanceOf(PaymentProviderUnavailableException.class).hasMessage("Stripe failed");
        assertThat(failure.answer().status()).isEqualTo(502);
    }

    @Test
    void beingRateLimitedIsTheProviderUnavailable() {
        local.stripe.failNext(1, StripeFault.RATE_LIMIT);

        assertThat(translated(charge("pm_card_visa"), VISA)).isInstanceOf(PaymentProviderUnavailableException.class);
    }

    @Test
    void aStripeThatCannotBeReachedIsTheProviderUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StripeClient unreachable = client("http://127.0.0.1:" + closedPort);

        PurchaseFailedException failure = translated(
                () -> unreachable.v1().paymentIntents().create(params(400, "pm_card_visa")), VISA);

        assertThat(failure).isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessage("Stripe could not be reached");
    }

    private static StripeCall charge(String paymentMethod) {
        return () -> client.v1().paymentIntents().create(params(400, paymentMethod));
    }

    private static PaymentIntentCreateParams params(long amount, String paymentMethod) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("usd").setPaymentMethod(paymentMethod)
                .setConfirm(true).build();
    }

    private static PurchaseFailedException translated(StripeCall call, PaymentSource source) {
        try {
            call.run();
        } catch (StripeException e) {
            return StripeFailures.translate(e, source);
        }
        throw new AssertionError("Stripe did not fail");
    }

    private static StripeClient client(String apiBase) {
        return StripeClient.builder().setApiKey(LocalStripe.KEY).setApiBase(apiBase).setMaxNetworkRetries(0).build();
    }

    private interface StripeCall {
        void run() throws StripeException;
    }
}
