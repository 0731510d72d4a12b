package com.scratch.billing.stripe;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.billing.purchase.PaymentKeyForWrongStageException;
import com.scratch.config.Stage;
import com.scratch.secrets.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeKeyGuardTest {

    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource({"prod, sk_live_abc", "prod, rk_live_abc", "dev, sk_test_abc", "dev, rk_test_abc", "feature-login, sk_test_abc"})
    void aKeyThatFitsTheStageIsAccepted(String stage, String key) {
        assertThatCode(() -> StripeKeyGuard.check(Stage.of(stage), new Secret("/stripeSecretKey/x", key))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource(delimiter = '|', value = {
        "prod          | sk_test_abc123 | holds a test key, but stage prod accepts only live keys",
        "prod          | pk_live_abc123 | holds something that is not a Stripe secret or restricted key",
        "dev           | sk_live_abc123 | holds a live key, but stage dev accepts only test keys",
        "feature-login | rk_live_abc123 | holds a live key, but stage feature-login accepts only test keys",
        "pr-42         | whsec_abc123   | holds something that is not a Stripe secret or restricted key",
    })
    void aKeyThatDoesNotFitTheStageIsRefusedNamingParameterAndStageNotTheKey(String stage, String key, String message) {
        assertThatThrownBy(() -> StripeKeyGuard.check(Stage.of(stage), new Secret("/stripeSecretKey/x", key)))
                .isInstanceOf(PaymentKeyForWrongStageException.class)
                .hasMessageContaining("SSM parameter /stripeSecretKey/x")
                .hasMessageContaining(message)
                .message().doesNotContain(key);
    }
}
