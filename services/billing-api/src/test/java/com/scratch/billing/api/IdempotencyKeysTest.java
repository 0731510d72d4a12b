package com.scratch.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.billing.purchase.InvalidPurchaseRequestException;
import com.scratch.billing.purchase.PaymentSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeysTest {

    private static final PaymentSource VISA_TOKEN = new PaymentSource.CardToken("tok_visa");
    private static final PaymentSource VISA_METHOD = new PaymentSource.PaymentMethod("pm_card_visa");

    @Test
    void keysAreTheSameFromOneReleaseToTheNext() {
        // A retry that straddles a deploy must reach Stripe with the first attempt's key: the SHA-256 of
        // "USER-1|order-1001" and of "USER-1|21|tok_visa", as billing has always sent them.
        assertThat(IdempotencyKeys.forPurchase(Optional.of("order-1001"), "USER-1", 21, VISA_METHOD))
                .isEqualTo("client-b32dd4fb80a87151e1d82762dafd2d98a7a3bcfcc9581f67fd15c9660cac64ce");
        assertThat(IdempotencyKeys.forPurchase(Optional.empty(), "USER-1", 21, VISA_TOKEN))
                .isEqualTo("purchase-90328dc03c6d44d1ff5de53ccf9b1591fd8c35dbe37527cbd0f4ec72bddcdbfd");
    }

    @Test
    void aClientKeyIsScopedToTheCallerAndDoesNotReachStripeAsSent() {
        String first = IdempotencyKeys.scoped("USER-1", "order-1");
        String retry = IdempotencyKeys.scoped("USER-1", "order-1");
        String otherBuyer = IdempotencyKeys.scoped("USER-2", "order-1");
        String otherOrder = IdempotencyKeys.scoped("USER-1", "order-2");

        assertThat(retry).isEqualTo(first).startsWith("client-").doesNotContain("order-1");
        assertThat(otherBuyer).isNotEqualTo(first);
        assertThat(otherOrder).isNotEqualTo(first);
    }

    @Test
    void aDerivedKeyTellsEveryPartOfTheCardTokenPurchaseApart() {
        String key = IdempotencyKeys.derived("USER-1", 21, VISA_TOKEN);

        assertThat(IdempotencyKeys.derived("USER-1", 21, VISA_TOKEN)).isEqualTo(key).startsWith("purchase-");
        assertThat(IdempotencyKeys.derived("USER-2", 21, VISA_TOKEN)).isNotEqualTo(key);
        assertThat(IdempotencyKeys.derived("USER-1", 22, VISA_TOKEN)).isNotEqualTo(key);
        assertThat(IdempotencyKeys.derived("USER-1", 21, new PaymentSource.CardToken("tok_mastercard"))).isNotEqualTo(key);
    }

    @Test
    void aClientKeyWinsOverDerivingOne() {
        assertThat(IdempotencyKeys.forPurchase(Optional.of("order-1"), "USER-1", 21, VISA_TOKEN))
                .isEqualTo(IdempotencyKeys.scoped("USER-1", "order-1"));
    }

    @Test
    void aPaymentMethodWithoutAClientKeyIsRefused() {
        assertThatThrownBy(() -> IdempotencyKeys.forPurchase(Optional.empty(), "USER-1", 3, VISA_METHOD))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"))
                .hasMessageContaining("required with paymentMethod");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "has spaces", "tab\there", "caf\u00e9", "line\nbreak"})
    void aMalformedClientKeyIsRefused(String key) {
        assertThatThrownBy(() -> IdempotencyKeys.scoped("USER-1", key))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"))
                .hasMessageContaining("1 to 255 visible ASCII characters");
    }

    @Test
    void aClientKeyMayHave255CharactersButNotMore() {
        assertThat(IdempotencyKeys.scoped("USER-1", "k".repeat(255))).startsWith("client-");
        assertThatThrownBy(() -> IdempotencyKeys.scoped("USER-1", "k".repeat(256)))
                .isInstanceOf(InvalidPurchaseRequestException.class);
    }
}
