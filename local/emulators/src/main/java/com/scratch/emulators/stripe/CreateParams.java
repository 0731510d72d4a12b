package com.scratch.emulators.stripe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated parameters of a create-PaymentIntent request. Validation answers like Stripe: a 400
 * {@code invalid_request_error} naming the offending {@code param}.
 *
 * @param paymentMethodName the {@code pm_card_*} or {@code tok_*} name the card was given by
 * @param paymentMethodTypes from {@code payment_method_types[N]}, in index order; {@code [card]} when absent
 * @param automaticPaymentMethods {@code automatic_payment_methods[*]} fields by sub-key, empty when absent
 */
record CreateParams(long amount, String currency, String description, boolean confirm, boolean manualCapture,
                    String paymentMethodName, TestCard card, Map<String, String> metadata,
                    List<String> paymentMethodTypes, Map<String, String> automaticPaymentMethods) {

    private static final Pattern METADATA = Pattern.compile("metadata\\[(.+)]");
    private static final Pattern METHOD_TYPE = Pattern.compile("payment_method_types\\[(\\d{1,6})]");
    private static final Pattern AUTOMATIC = Pattern.compile("automatic_payment_methods\\[(.+)]");
    private static final String TOKEN = "payment_method_data[card][token]";

    static CreateParams from(Map<String, String> form) {
        long amount = amount(form.get("amount"));
        String currency = form.get("currency");
        if (currency == null || currency.isEmpty()) {
            throw StripeErrors.missingParam("currency");
        }
        String paymentMethodName = paymentMethodName(form);
        TestCard card = TestCard.named(paymentMethodName).orElseThrow(() -> form.containsKey("payment_method")
                ? StripeErrors.invalidRequest("resource_missing", "payment_method",
                        "No such PaymentMethod: '" + paymentMethodName + "'")
                : StripeErrors.invalidRequest("resource_missing", TOKEN, "No such token: '" + paymentMethodName + "'"));
        return new CreateParams(amount, currency.toLowerCase(Locale.ROOT), form.get("description"),
                "true".equals(form.get("confirm")), "manual".equals(form.get("capture_method")),
                paymentMethodName, card, subKeys(form, METADATA), paymentMethodTypes(form), subKeys(form, AUTOMATIC));
    }

    private static long amount(String text) {
        if (text == null || text.isEmpty()) {
            throw StripeErrors.missingParam("amount");
        }
        long amount;
        try {
            amount = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw StripeErrors.invalidRequest("parameter_invalid_integer", "amount", "Invalid integer: " + text);
        }
        if (amount < 1) {
            throw StripeErrors.invalidRequest("parameter_invalid_integer", "amount",
                    "This value must be greater than or equal to 1.");
        }
        return amount;
    }

    /** Exactly one of {@code payment_method} and {@code payment_method_data} (a card token) must be given. */
    private static String paymentMethodName(Map<String, String> form) {
        String paymentMethod = form.get("payment_method");
        boolean hasData = form.keySet().stream().anyMatch(key -> key.startsWith("payment_method_data["));
        if (paymentMethod != null && hasData) {
            throw StripeErrors.invalidRequest("parameters_exclusive", "payment_method_data",
                    "You cannot provide both payment_method and payment_method_data.");
        }
        if (paymentMethod != null) {
            return paymentMethod;
        }
        if (!hasData) {
            throw StripeErrors.missingParam("payment_method");
        }
        String type = form.get("payment_method_data[type]");
        if (type == null || type.isEmpty()) {
            throw StripeErrors.missingParam("payment_method_data[type]");
        }
        if (!type.equals("card")) {
            throw StripeErrors.invalidRequest("parameter_invalid_string", "payment_method_data[type]",
                    "Invalid payment_method_data[type]: this emulator supports only card.");
        }
        String token = form.get(TOKEN);
        if (token == null || token.isEmpty()) {
            throw StripeErrors.missingParam(TOKEN);
        }
        return token;
    }

    private static List<String> paymentMethodTypes(Map<String, String> form) {
        Map<Integer, String> byIndex = new TreeMap<>();
        form.forEach((key, value) -> {
            Matcher matcher = METHOD_TYPE.matcher(key);
            if (matcher.matches()) {
                byIndex.put(Integer.parseInt(matcher.group(1)), value);
            }
        });
        return byIndex.isEmpty() ? List.of("card") : new ArrayList<>(byIndex.values());
    }

    private static Map<String, String> subKeys(Map<String, String> form, Pattern pattern) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            Matcher matcher = pattern.matcher(key);
            if (matcher.matches()) {
                values.put(matcher.group(1), value);
            }
        });
        return values;
    }
}
