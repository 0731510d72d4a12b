package com.scratch.billing.stripe;

import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseDetails;
import com.scratch.billing.purchase.PurchaseService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The charge as Stripe's API takes it: {@code POST /v1/payment_intents} with form fields in Stripe's bracket notation,
 * as stripe-java encodes its typed parameters and as Stripe's API reference writes them. Created and confirmed in one
 * call, card only, failing rather than asking for a redirect ({@code error_on_requires_action}), in usd, with the
 * purchase's metadata ({@link PurchaseMetadata}).
 *
 * <p>Written here rather than with stripe-java's {@code PaymentIntentCreateParams}: encoding those is reflection over
 * every nested parameter class, about 140 ms of a cold start, for ten fields (BENCHMARKS.md, figure 1).
 */
final class PaymentIntentForm {

    static final String CURRENCY = "usd";

    private PaymentIntentForm() {
    }

    static String of(long amount, PaymentSource source, PurchaseDetails details) {
        StringJoiner form = new StringJoiner("&");
        add(form, "amount", Long.toString(amount));
        add(form, "currency", CURRENCY);
        add(form, "description", PurchaseService.DESCRIPTION);
        add(form, "payment_method_types[0]", "card");
        add(form, "confirm", "true");
        add(form, "error_on_requires_action", "true");
        // What the webhook needs to announce the purchase if this request never does (PurchaseMetadata).
        for (Map.Entry<String, String> entry : PurchaseMetadata.of(details).entrySet()) {
            add(form, "metadata[" + entry.getKey() + "]", entry.getValue());
        }
        if (source instanceof PaymentSource.CardToken) {
            add(form, "payment_method_data[type]", "card");
            add(form, "payment_method_data[card][token]", source.id());
        } else {
            add(form, "payment_method", source.id());
        }
        return form.toString();
    }

    /** The brackets of a field's name stay as they are, as stripe-java sends them; everything else is encoded. */
    private static void add(StringJoiner form, String field, String value) {
        form.add(encode(field).replace("%5B", "[").replace("%5D", "]") + "=" + encode(value));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
