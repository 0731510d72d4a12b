package com.scratch.emulators.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text into a flat map, keeping the order of the fields.
 * {@code +} decodes to a space and {@code %2B} to a plus. Keys are decoded too, so Stripe's
 * {@code metadata[order_id]} comes out the same whether or not the brackets were percent-encoded.
 *
 * <pre>{@code
 * Map<String, String> form = FormBody.parse("Action=Publish&Message=Your+code+is+%2B1");
 * form.get("Message"); // "Your code is +1"
 * }</pre>
 */
public final class FormBody {

    private FormBody() {
    }

    /** @throws IllegalArgumentException when a percent escape is malformed; callers answer that with a 400 */
    public static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return Collections.unmodifiableMap(fields);
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.put(decode(key), decode(value));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
