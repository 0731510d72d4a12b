package com.scratch.billing.webhook;

import com.scratch.lambda.ProxyRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The two things a webhook request carries, read from API Gateway's proxy event: the raw body, exactly as Stripe
 * signed it, and the one {@code Stripe-Signature} header.
 *
 * @param payload the body as Stripe sent it (UTF-8 JSON)
 * @param signature the header's value
 */
public record WebhookRequest(String payload, String signature) {

    /**
     * A {@code payment_intent.succeeded} event is a few kilobytes; Stripe caps event payloads well below this. Anything
     * larger is refused before it is verified.
     */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    static final String SIGNATURE_HEADER = "Stripe-Signature";

    /** @throws WebhookRejectedException when the body is missing or too large, or the header is missing or repeated */
    public static WebhookRequest from(ProxyRequest event) {
        String body = event.body();
        if (body == null || body.isEmpty()) {
            throw new WebhookRejectedException("The body is empty: a Stripe event is expected", null);
        }
        boolean base64 = event.base64Encoded();
        // Checked on the text first, so an oversize body is not decoded or copied: a char is at least one UTF-8
        // byte, and four base64 characters carry three bytes.
        long textLimit = base64 ? (MAX_BODY_BYTES / 3 + 1) * 4L : MAX_BODY_BYTES;
        if (body.length() > textLimit) {
            throw WebhookRejectedException.tooLarge(base64 ? body.length() / 4L * 3 : body.length(), MAX_BODY_BYTES);
        }
        String payload = base64 ? decoded(body) : body;
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            throw WebhookRejectedException.tooLarge(bytes, MAX_BODY_BYTES);
        }
        return new WebhookRequest(payload, signature(event));
    }

    private static String decoded(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("The body is marked base64 but is not", e);
        }
    }

    /** HTTP header names are case-insensitive; a header sent twice is refused rather than one of its values picked. */
    private static String signature(ProxyRequest event) {
        List<String> values = event.headerValues(SIGNATURE_HEADER);
        if (values.size() > 1) {
            throw new WebhookRejectedException("The " + SIGNATURE_HEADER + " header was sent " + values.size()
                    + " times", null);
        }
        if (values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            throw new WebhookRejectedException("The " + SIGNATURE_HEADER + " header is missing", null);
        }
        return values.get(0);
    }
}
