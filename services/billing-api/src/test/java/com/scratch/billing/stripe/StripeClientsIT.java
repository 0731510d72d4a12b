package com.scratch.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.billing.purchase.PaymentKeyForWrongStageException;
import com.scratch.billing.purchase.PaymentKeyUnreadableException;
import com.scratch.config.Stage;
import com.scratch.secrets.CachedParameter;
import com.scratch.secrets.SecretNotFoundException;
import com.stripe.exception.StripeException;
import com.stripe.param.PaymentIntentCreateParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StripeClientsIT {

    private static final String ROTATED_KEY = "sk_test_51RotatedKeyQrstuvwxyz0123";

    /** Started once for the class, closed after its last test. */
    @RegisterExtension
    static final LocalStripe local = new LocalStripe();

    private CachedParameter keyParameter;
    private StripeClients clients;

    @BeforeEach
    void coldStart() {
        local.reset(LocalStripe.KEY);
        keyParameter = local.keyParameter();
        clients = new StripeClients(keyParameter, Stage.of("dev"), local.config(0));
    }

    @Test
    void oneClientServesEveryCallWhileTheKeyStaysTheSame() throws StripeException {
        StripeClients.KeyedClient first = clients.current();
        StripeClients.KeyedClient second = clients.current();

        assertThat(second).isSameAs(first);
        assertThat(local.keyReads()).isEqualTo(1);
        first.client().v1().paymentIntents().create(visaCharge());
        assertThat(local.stripe.requests()).singleElement()
                .satisfies(request -> assertThat(request.apiKey()).isEqualTo(LocalStripe.KEY));
    }

    @Test
    void aNewKeyGetsANewClientThatSendsIt() throws StripeException {
        StripeClients.KeyedClient old = clients.current();

        // when: the parameter holds a new key and the cached one is dropped (as after its time to live)
        local.ssm.putSecureString(LocalStripe.KEY_PARAMETER, ROTATED_KEY);
        local.stripe.requireApiKey(ROTATED_KEY);
        keyParameter.invalidate();
        StripeClients.KeyedClient rotated = clients.current();

        // then
        assertThat(rotated).isNotSameAs(old);
        rotated.client().v1().paymentIntents().create(visaCharge());
        assertThat(local.stripe.requests()).singleElement()
                .satisfies(request -> assertThat(request.apiKey()).isEqualTo(ROTATED_KEY));
        assertThat(clients.current()).isSameAs(rotated);
    }

    @Test
    void aKeyThatDoesNotFitTheStageGetsNoClient() {
        local.reset("sk_live_51LiveKeyZyxwvutsrqponmlk");

        assertThatThrownBy(() -> new StripeClients(local.keyParameter(), Stage.of("dev"), local.config(0)).current())
                .isInstanceOf(PaymentKeyForWrongStageException.class)
                .hasMessageContaining("SSM parameter " + LocalStripe.KEY_PARAMETER + " holds a live key")
                .message().doesNotContain("sk_live_51");
        assertThat(local.stripe.requests()).isEmpty();
    }

    @Test
    void aKeyThatCannotBeReadIsAPurchaseFailureWithTheReadFailureAsItsCause() {
        local.ssm.reset();

        assertThatThrownBy(() -> clients.current())
                .isInstanceOf(PaymentKeyUnreadableException.class)
                .hasMessageContaining(LocalStripe.KEY_PARAMETER)
                .hasCauseInstanceOf(SecretNotFoundException.class);
    }

    @Test
    void theParameterToFixIsNamed() {
        assertThat(clients.keyParameter()).isEqualTo(LocalStripe.KEY_PARAMETER);
    }

    static PaymentIntentCreateParams visaCharge() {
        return PaymentIntentCreateParams.builder().setAmount(400L).setCurrency("usd").setPaymentMethod("pm_card_visa")
                .setConfirm(true).build();
    }
}
