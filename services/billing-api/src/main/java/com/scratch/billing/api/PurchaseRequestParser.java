package com.scratch.billing.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.billing.purchase.InvalidPurchaseRequestException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseRequest;
import com.scratch.events.NotePurchased;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an API Gateway request into a {@link PurchaseRequest}, or says exactly which field is wrong.
 *
 * <p>Body: {@code {"storage": 21, "source": "tok_visa"}} or {@code {"storage": 21, "paymentMethod": "pm_card_visa"}}.
 * The {@code Idempotency-Key} header and the caller's identity go to {@link IdempotencyKeys}, which makes the
 * purchase's key.
 */
public final class PurchaseRequestParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CARD_TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,250}");
    private static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,250}");

    private PurchaseRequestParser() {
    }

    /** @throws InvalidPurchaseRequestException naming the field at fault */
    public static PurchaseRequest parse(APIGatewayProxyRequestEvent event) {
        JsonNode body = body(event);
        int storage = storage(body.get("storage"));
        PaymentSource source = source(body);
        String buyerId = buyerId(event).orElse(null);
        String caller = caller(event);
        String idempotencyKey = IdempotencyKeys.forPurchase(header(event, IdempotencyKeys.HEADER), caller, storage,
                source);
        return new PurchaseRequest(storage, source, idempotencyKey, buyerId);
    }

    private static JsonNode body(APIGatewayProxyRequestEvent event) {
        String text = event.getBody();
        if (text == null || text.isBlank()) {
            throw new InvalidPurchaseRequestException("body",
                    "Request body is required, e.g. {\"storage\": 21, \"source\": \"tok_visa\"}");
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidPurchaseRequestException("body", "Request body is marked base64 but is not");
            }
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidPurchaseRequestException("body", "Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidPurchaseRequestException("body", "Request body is not valid JSON");
        }
    }

    private static int storage(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidPurchaseRequestException("storage", "storage is required: the number of notes to buy");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.asInt() < NotePurchased.MIN_STORAGE || value.asInt() > NotePurchased.MAX_STORAGE) {
            throw new InvalidPurchaseRequestException("storage",
                    "storage must be a whole number from " + NotePurchased.MIN_STORAGE + " to "
                            + NotePurchased.MAX_STORAGE + ", was " + value);
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
    private static String caller(APIGatewayProxyRequestEvent event) {
        Optional<APIGatewayProxyRequestEvent.RequestIdentity> identity = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getIdentity);
        return buyerId(event)
                .or(() -> identity.map(APIGatewayProxyRequestEvent.RequestIdentity::getUserArn).filter(arn -> !arn.isBlank()))
                .or(() -> identity.map(APIGatewayProxyRequestEvent.RequestIdentity::getCaller).filter(c -> !c.isBlank()))
                .orElse("anonymous");
    }

    private static Optional<String> buyerId(APIGatewayProxyRequestEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getIdentity)
                .map(APIGatewayProxyRequestEvent.RequestIdentity::getCognitoIdentityId)
                .filter(id -> !id.isBlank());
    }

    /** API Gateway keeps the client's header case; HTTP says it does not matter. */
    private static Optional<String> header(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
