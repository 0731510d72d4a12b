package com.scratch.billing.stripe;

import com.scratch.billing.purchase.PaymentKeyForWrongStageException;
import com.scratch.config.Stage;
import com.scratch.secrets.Secret;

/**
 * The most expensive configuration mistake this system can make is the wrong Stripe key for the stage. prod
 * accepts only live keys ({@code sk_live_}, {@code rk_live_}); every other stage only test keys
 * ({@code sk_test_}, {@code rk_test_}).
 *
 * <p>Throws {@link PaymentKeyForWrongStageException} naming the parameter and the stage, never the key.
 */
final class StripeKeyGuard {

    private StripeKeyGuard() {
    }

    static void check(Stage stage, Secret key) {
        String value = key.reveal();
        boolean live = value.startsWith("sk_live_") || value.startsWith("rk_live_");
        boolean test = value.startsWith("sk_test_") || value.startsWith("rk_test_");
        if (stage.isProduction() ? live : test) {
            return;
        }
        String holds = live ? "a live key" : test ? "a test key" : "something that is not a Stripe secret or restricted key";
        String accepted = stage.isProduction() ? "live keys (sk_live_, rk_live_)" : "test keys (sk_test_, rk_test_)";
        throw new PaymentKeyForWrongStageException("SSM parameter " + key.parameterName() + " holds " + holds
                + ", but stage " + stage + " accepts only " + accepted);
    }
}
