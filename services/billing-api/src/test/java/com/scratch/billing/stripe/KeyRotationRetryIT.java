package com.scratch.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.billing.purchase.PaymentKeyRejectedException;
import com.scratch.config.Stage;
import com.scratch.emulators.stripe.StripeRequest;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeyRotationRetryIT {

    private static final String ROTATED_KEY = "sk_test_51RotatedKeyQrstuvwxyz0123";
    private static final RequestOptions ORDER_1 = RequestOptions.builder().setIdempotencyKey("order-1").build();

    /** Started once for the class, closed after its last test. */
    @RegisterExtension
    static final LocalStripe local = new LocalStripe();

    private StripeClients clients;

    @BeforeEach
    void coldStart() {
        local.reset(LocalStripe.KEY);
        clients = new StripeClients(local.keyParameter(), Stage.of("dev"), local.config(0));
    }

    @Test
    void aRotatedKeyIsReadAgainAndTheCallMadeOnceMoreWithTheSameIdempotencyKey() throws StripeException {
        // given: any key, however recently read, may be read again (the age rule is the next tests')
        KeyRotationRetry retry = new KeyRotationRetry(clients, Duration.ZERO);
        retry.call(client -> client.v1().paymentIntents().create(StripeClientsIT.visaCharge()));

        // when: the key is rolled in Stripe and the new one is put in Parameter Store
        local.stripe.requireApiKey(ROTATED_KEY);
        local.ssm.putSecureString(LocalStripe.KEY_PARAMETER, ROTATED_KEY);
        PaymentIntent intent = retry.call(client -> client.v1().paymentIntents().create(visaCharge(), ORDER_1));

        // then
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        List<StripeRequest> requests = local.stripe.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).apiKey()).isEqualTo(LocalStripe.KEY);
        assertThat(requests.get(2).apiKey()).isEqualTo(ROTATED_KEY);
        assertThat(requests.get(2).idempotencyKey()).isEqualTo(requests.get(1).idempotencyKey()).isEqualTo("order-1");
        assertThat(local.keyReads()).isEqualTo(2);
    }

    @Test
    void aKeyRejectedAgainAfterReadingItAfreshIsRejectedForGood() {
        local.stripe.requireApiKey(ROTATED_KEY); // revoked in Stripe, not yet replaced in Parameter Store
        KeyRotationRetry retry = new KeyRotationRetry(clients, Duration.ZERO);

        assertThatThrownBy(() -> retry.call(client -> client.v1().paymentIntents().create(visaCharge(), ORDER_1)))
                .isInstanceOf(PaymentKeyRejectedException.class)
                .hasMessageContaining(LocalStripe.KEY_PARAMETER)
                .message().doesNotContain(LocalStripe.KEY);
        assertThat(local.stripe.requests()).hasSize(2);
        assertThat(local.keyReads()).isEqualTo(2);
        assertThat(local.stripe.createdPaymentIntentCount()).isZero();
    }

    @Test
    void aKeyReadMomentsAgoIsNotReadAgainWhenRejected() {
        local.stripe.requireApiKey(ROTATED_KEY);
        KeyRotationRetry retry = new KeyRotationRetry(clients); // 10 s: the key was read just now

        assertThatThrownBy(() -> retry.call(client -> client.v1().paymentIntents().create(visaCharge(), ORDER_1)))
                .isInstanceOf(PaymentKeyRejectedException.class);
        assertThat(local.stripe.requests()).hasSize(1);
        assertThat(local.keyReads()).isEqualTo(1);
    }

    @Test
    void everyOtherStripeFailureIsLeftToTheCaller() {
        KeyRotationRetry retry = new KeyRotationRetry(clients, Duration.ZERO);
        PaymentIntentCreateParams declined = PaymentIntentCreateParams.builder().setAmount(400L).setCurrency("usd")
                .setPaymentMethod("pm_card_chargeDeclined").setConfirm(true).build();

        assertThatThrownBy(() -> retry.call(client -> client.v1().paymentIntents().create(declined)))
                .isInstanceOf(CardException.class);
        assertThat(local.stripe.requests()).hasSize(1);
        assertThat(local.keyReads()).isEqualTo(1);
    }

    private static PaymentIntentCreateParams visaCharge() {
        return StripeClientsIT.visaCharge();
    }
}
