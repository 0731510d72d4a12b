package com.scratch.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseDetails;
import com.stripe.net.FormEncoder;
import com.stripe.param.PaymentIntentCreateParams;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our form is the one stripe-java would send for the same charge built with its typed parameters (which billing no
 * longer loads): the same fields with the same values, each encoded the same way.
 */
class PaymentIntentFormTest {

    private static final PurchaseDetails DETAILS = new PurchaseDetails(21, "eu-west-1:buyer & co", "dev");

    @Test
    void aPaymentMethodIsTheFormStripeJavaWouldSend() {
        String ours = PaymentIntentForm.of(4200, new PaymentSource.PaymentMethod("pm_card_visa"), DETAILS);

        PaymentIntentCreateParams typed = typed(4200).setPaymentMethod("pm_card_visa").build();
        assertThat(fields(ours)).containsExactlyInAnyOrder(fields(FormEncoder.createQueryString(typed.toMap())));
    }

    @Test
    void aCardTokenIsPaymentMethodDataAsStripeJavaWouldSendIt() {
        String ours = PaymentIntentForm.of(4200, new PaymentSource.CardToken("tok_visa"), DETAILS);

        PaymentIntentCreateParams typed = typed(4200).setPaymentMethodData(
                PaymentIntentCreateParams.PaymentMethodData.builder()
                        .putExtraParam("type", "card")
                        .putExtraParam("card", Map.of("token", "tok_visa"))
                        .build()).build();
        assertThat(fields(ours)).containsExactlyInAnyOrder(fields(FormEncoder.createQueryString(typed.toMap())));
        assertThat(ours).contains("payment_method_data[card][token]=tok_visa").doesNotContain("payment_method=");
    }

    @Test
    void anUnknownBuyerIsLeftOutOfTheMetadata() {
        String ours = PaymentIntentForm.of(4200, new PaymentSource.CardToken("tok_visa"),
                new PurchaseDetails(21, null, "dev"));

        assertThat(ours).contains("metadata[storage]=21", "metadata[stage]=dev").doesNotContain("buyer_id");
    }

    private static PaymentIntentCreateParams.Builder typed(long amount) {
        return PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency("usd")
                .setDescription(com.scratch.billing.purchase.PurchaseService.DESCRIPTION)
                .putAllMetadata(PurchaseMetadata.of(DETAILS))
                .addPaymentMethodType("card")
                .setConfirm(true)
                .setErrorOnRequiresAction(true);
    }

    private static String[] fields(String form) {
        String[] fields = form.split("&");
        Arrays.sort(fields);
        return fields;
    }
}
