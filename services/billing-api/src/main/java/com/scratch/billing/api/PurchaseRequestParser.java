package com.scratch.billing.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.scratch.billing.purchase.InvalidPurchaseRequestException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseRequest;
import com.scratch.billing.purchase.RequestTooLargeException;
import com.scratch.events.Excerpt;
import com.scratch.events.NotePurchased;
import com.scratch.json.JsonTrees;
import com.scratch.lambda.ProxyRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an API Gateway request into a {@link PurchaseRequest}, or says exactly which field is wrong.
 *
 * <p>Body: {@code {"storage": 21, "source": "tok_visa"}} or {@code {"storage": 21, "paymentMethod": "pm_card_visa"}},
 * at most {@value RequestTooLargeException#MAX_BODY_BYTES} bytes, one JSON object with each field once and nothing
 * after it. A rejected value is quoted only as an {@link Excerpt}, so a megabyte in is not a megabyte out.
 * The {@code Idempotency-Key} header and the caller's identity go to {@link IdempotencyKeys}, which makes the
 * purchase's key.
 */
public final class PurchaseRequestParser {

    /**
     * Strict where Jackson is lenient by default: a field given twice is an error, not "the last one wins" (a body
     * must not mean two things), and nesting stops at a depth no purchase needs.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build();
    private static final Pattern CARD_TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,250}");
    private static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,250}");

    private PurchaseRequestParser() {
    }

    /** @throws InvalidPurchaseRequestException naming the field at fault */
    public static PurchaseRequest parse(ProxyRequest event) {
        JsonNode body = body(event);
        int storage = storage(body.get("storage"));
        PaymentSource source = source(body);
        String buyerId = buyerId(event).orElse(null);
        String caller = caller(event);
        String idempotencyKey = IdempotencyKeys.forPurchase(header(event, IdempotencyKeys.HEADER), caller, storage,
                source);
        return new PurchaseRequest(storage, source, idempotencyKey, buyerId);
    }

    private static JsonNode body(ProxyRequest event) {
        String text = event.body();
        if (text == null || text.isBlank()) {
            throw new InvalidPurchaseRequestException("body",
                    "Request body is required, e.g. {\"storage\": 21, \"source\": \"tok_visa\"}");
        }
        byte[] bytes = event.base64Encoded() ? base64(text) : utf8(text);
        if (bytes.length > RequestTooLargeException.MAX_BODY_BYTES) {
            throw new RequestTooLargeException(bytes.length);
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonNode node = JsonTrees.read(parser);
            if (node == null || !node.isObject()) {
                throw new InvalidPurchaseRequestException("body", "Request body must be a JSON object");
            }
            if (parser.nextToken() != null) {
                throw new InvalidPurchaseRequestException("body",
                        "Request body must be one JSON object and nothing after it");
            }
            return node;
        } catch (JsonParseException e) {
            String name = e.getProcessor() == null ? null : e.getProcessor().getParsingContext().getCurrentName();
            if (e.getOriginalMessage().startsWith("Duplicate field") && name != null) {
                throw new InvalidPurchaseRequestException(Excerpt.of(name),
                        "Request body has the field " + Excerpt.of(name) + " more than once");
            }
            throw new InvalidPurchaseRequestException("body", "Request body is not valid JSON");
        } catch (IOException e) { // a nesting limit, an invalid UTF-8 byte, a number too long
            throw new InvalidPurchaseRequestException("body", "Request body is not valid JSON");
        }
    }

    /** The bytes of a body API Gateway passed base64-encoded. */
    private static byte[] base64(String text) {
        // four characters carry three bytes: anything longer than this is over the limit whatever it decodes to
        if (text.length() > (RequestTooLargeException.MAX_BODY_BYTES / 3 + 1) * 4 + 4) {
            throw new RequestTooLargeException(text.length() / 4L * 3);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidPurchaseRequestException("body", "Request body is marked base64 but is not");
        }
    }

    private static byte[] utf8(String text) {
        if (text.length() > RequestTooLargeException.MAX_BODY_BYTES) { // every char is at least one byte
            throw new RequestTooLargeException(text.length());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int storage(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidPurchaseRequestException("storage", "storage is required: the number of notes to buy");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.asInt() < NotePurchased.MIN_STORAGE || value.asInt() > NotePurchased.MAX_STORAGE) {
            throw new InvalidPurchaseRequestException("storage",
                    "storage must be a whole number from " + NotePurchased.MIN_STORAGE + " to "
                            + NotePurchased.MAX_STORAGE + ", was " + Excerpt.of(value));
        }
        return value.asInt();
    }

    private static PaymentSource source(JsonNode body) {
        boolean hasSource = body.hasNonNull("source");
        boolean hasPaymentMethod = body.hasNonNull("paymentMethod");
        if (hasSource == hasPaymentMethod) {
            throw new InvalidPurchaseRequestException(hasSource ? "paymentMethod" : "source",
                    "Give exactly one of source (a card token, tok_...) or paymentMethod (pm_...)");
        }
        if (hasSource) {
            return new PaymentSource.CardToken(matching(body.get("source"), "source", CARD_TOKEN, "tok_"));
        }
        return new PaymentSource.PaymentMethod(matching(body.get("paymentMethod"), "paymentMethod", PAYMENT_METHOD, "pm_"));
    }

    private static String matching(JsonNode value, String field, Pattern pattern, String prefix) {
        if (!value.isTextual() || !pattern.matcher(value.asText()).matches()) {
            throw new InvalidPurchaseRequestException(field,
                    field + " must be a Stripe id starting with " + prefix + " (letters, digits and _ only)");
        }
        return value.asText();
    }

    /**
     * Who is calling, the scope of the idempotency key: the Cognito identity, else the IAM caller the
     * {@code aws_iam} authorizer saw, else nobody in particular.
     */
    private static String caller(ProxyRequest event) {
        return buyerId(event)
                .or(() -> Optional.ofNullable(event.identity().userArn()).filter(arn -> !arn.isBlank()))
                .or(() -> Optional.ofNullable(event.identity().caller()).filter(c -> !c.isBlank()))
                .orElse("anonymous");
    }

    private static Optional<String> buyerId(ProxyRequest event) {
        return Optional.ofNullable(event.identity().cognitoIdentityId()).filter(id -> !id.isBlank());
    }

    /**
     * A header's one value. API Gateway keeps the client's header case, and HTTP says case does not matter, so
     * {@code Idempotency-Key} and {@code idempotency-key} are the same header: sent twice, in any case, or
     * without a value, it is refused by name rather than one of its values picked.
     */
    private static Optional<String> header(ProxyRequest event, String name) {
        List<String> values = event.headerValues(name);
        if (values.size() > 1) {
            throw new InvalidPurchaseRequestException(name, name + " header must be sent once, was sent "
                    + values.size() + " times");
        }
        if (values.size() == 1 && values.get(0) == null) {
            throw new InvalidPurchaseRequestException(name, name + " header has no value");
        }
        return values.stream().findFirst();
    }
}
