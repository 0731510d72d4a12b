package com.scratch.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.aws.ClientTracing;
import com.scratch.billing.purchase.CardDeclinedException;
import com.scratch.billing.purchase.Payment;
import com.scratch.billing.purchase.PaymentKeyRejectedException;
import com.scratch.billing.purchase.PaymentMethodRejectedException;
import com.scratch.billing.purchase.PaymentProviderUnavailableException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseDetails;
import com.scratch.config.Stage;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.emulators.stripe.StripeRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Charging as billing is built to: the key from the local SSM, one network retry, the local Stripe. */
class StripePaymentsIT {

    /** Started once for the class, closed after its last test. */
    @RegisterExtension
    static final LocalStripe local = new LocalStripe();

    private static final PurchaseDetails DETAILS = new PurchaseDetails(21, "us-east-1:buyer", "dev");

    private StripePayments payments;

    @BeforeEach
    void coldStart() {
        local.reset(LocalStripe.KEY);
        payments = new StripePayments(local.keyParameter(), Stage.of("dev"), local.config(1), ClientTracing.none());
    }

    @Test
    void aCardTokenIsChargedInOneConfirmedCardOnlyPaymentIntent() {
        Payment payment = payments.charge(4200, new PaymentSource.CardToken("tok_visa"), "purchase-1", DETAILS);

        assertThat(payment.id()).startsWith("pi_");
        assertThat(payment.amount()).isEqualTo(4200);
        assertThat(payment.currency()).isEqualTo("usd");
        StripeRequest charge = local.stripe.requests().get(0);
        assertThat(charge.form()).containsEntry("amount", "4200")
                .containsEntry("currency", "usd")
                .containsEntry("description", "Scratch charge")
                .containsEntry("confirm", "true")
                .containsEntry("error_on_requires_action", "true")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("payment_method_data[card][token]", "tok_visa")
                .doesNotContainKey("payment_method")
                // what the webhook needs to announce it if the request never does
                .containsEntry("metadata[storage]", "21")
                .containsEntry("metadata[buyer_id]", "us-east-1:buyer")
                .containsEntry("metadata[stage]", "dev");
        assertThat(charge.idempotencyKey()).isEqualTo("purchase-1");
    }

    @Test
    void aPaymentMethodIsChargedByItsId() {
        payments.charge(400, new PaymentSource.PaymentMethod("pm_card_visa"), "client-1", DETAILS);

        assertThat(local.stripe.requests().get(0).form()).containsEntry("payment_method", "pm_card_visa")
                .doesNotContainKey("payment_method_data[type]");
    }

    @Test
    void theSameIdempotencyKeyChargesOnce() {
        Payment first = payments.charge(400, new PaymentSource.PaymentMethod("pm_card_visa"), "client-1", DETAILS);
        Payment again = payments.charge(400, new PaymentSource.PaymentMethod("pm_card_visa"), "client-1", DETAILS);

        assertThat(again).isEqualTo(first);
        assertThat(local.stripe.createdPaymentIntentCount()).isEqualTo(1);
    }

    @Test
    void aDeclinedCardIsADecline() {
        assertThatThrownBy(() -> payments.charge(400, new PaymentSource.CardToken("tok_chargeDeclined"), "purchase-2", DETAILS))
                .isInstanceOfSatisfying(CardDeclinedException.class,
                        e -> assertThat(e.declineCode()).contains("generic_decline"));
    }

    @Test
    void anUnknownCardTokenIsRefusedAsTheSource() {
        assertThatThrownBy(() -> payments.charge(400, new PaymentSource.CardToken("tok_nope"), "purchase-3", DETAILS))
                .isInstanceOfSatisfying(PaymentMethodRejectedException.class,
                        e -> assertThat(e.answer().details()).containsEntry("field", "source"));
    }

    @Test
    void oneStripeFailureIsRetriedWithTheSameIdempotencyKey() {
        local.stripe.failNext(1, StripeFault.API_ERROR);

        payments.charge(400, new PaymentSource.PaymentMethod("pm_card_visa"), "client-4", DETAILS);

        assertThat(local.stripe.requests()).hasSize(2)
                .allSatisfy(request -> assertThat(request.idempotencyKey()).isEqualTo("client-4"));
        assertThat(local.stripe.createdPaymentIntentCount()).isEqualTo(1);
    }

    @Test
    void stripeFailingBeyondTheRetryIsTheProviderUnavailable() {
        local.stripe.failNext(10, StripeFault.API_ERROR);

        assertThatThrownBy(() -> payments.charge(400, new PaymentSource.PaymentMethod("pm_card_visa"), "client-5", DETAILS))
                .isInstanceOf(PaymentProviderUnavailableException.class);
        assertThat(local.stripe.createdPaymentIntentCount()).isZero();
    }

    @Test
    void aKeyStripeRejectsIsRejectedWithoutCharging() {
        local.stripe.requireApiKey("sk_test_someoneElsesKey000000000");

        assertThatThrownBy(() -> payments.charge(400, new PaymentSource.PaymentMethod("pm_card_visa"), "client-6", DETAILS))
                .isInstanceOf(PaymentKeyRejectedException.class);
        assertThat(local.stripe.createdPaymentIntentCount()).isZero();
    }
}
