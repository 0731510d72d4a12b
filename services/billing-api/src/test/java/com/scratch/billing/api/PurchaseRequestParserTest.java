package com.scratch.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.scratch.billing.purchase.InvalidPurchaseRequestException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseRequest;
import com.scratch.billing.purchase.RequestTooLargeException;
import com.scratch.lambda.ProxyEvents;
import com.scratch.testing.LambdaEvents;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseRequestParserTest {

    @Test
    void theOriginalBodyIsACardTokenPurchase() {
        PurchaseRequest request = parse(event("{\"source\":\"tok_visa\",\"storage\":21}", "USER-SUB-1234"));

        assertThat(request.storage()).isEqualTo(21);
        assertThat(request.source()).isEqualTo(new PaymentSource.CardToken("tok_visa"));
        assertThat(request.buyer()).contains("USER-SUB-1234");
    }

    @Test
    void aPaymentMethodPurchase() {
        PurchaseRequest request = parse(event("{\"storage\":3,\"paymentMethod\":\"pm_card_visa\"}", null)
                .withHeaders(Map.of("Idempotency-Key", "order-1")));

        assertThat(request.source()).isEqualTo(new PaymentSource.PaymentMethod("pm_card_visa"));
        assertThat(request.buyer()).isEmpty();
    }

    @Test
    void aCardTokenPurchaseGetsTheSameIdempotencyKeyEveryTime() {
        String body = "{\"source\":\"tok_visa\",\"storage\":21}";

        String first = parse(event(body, "USER-1")).idempotencyKey();
        String retry = parse(event(body, "USER-1")).idempotencyKey();
        String otherToken = parse(event(body.replace("tok_visa", "tok_mastercard"), "USER-1")).idempotencyKey();

        assertThat(retry).isEqualTo(first);
        assertThat(otherToken).isNotEqualTo(first);
    }

    @Test
    void theIdempotencyKeyHeaderIsReadWhateverItsCaseAndScopedToTheBuyer() {
        String body = "{\"storage\":3,\"paymentMethod\":\"pm_card_visa\"}";

        String first = parse(event(body, "USER-1").withHeaders(Map.of("idempotency-key", "order-1001"))).idempotencyKey();
        String retry = parse(event(body, "USER-1").withHeaders(Map.of("Idempotency-Key", "order-1001"))).idempotencyKey();
        String otherBuyer = parse(event(body, "USER-2").withHeaders(Map.of("Idempotency-Key", "order-1001"))).idempotencyKey();

        assertThat(retry).isEqualTo(first).startsWith("client-");
        assertThat(otherBuyer).isNotEqualTo(first);
    }

    @Test
    void withoutACognitoIdentityTheKeyIsScopedToTheIamCaller() {
        String body = "{\"storage\":3,\"paymentMethod\":\"pm_card_visa\"}";
        APIGatewayProxyRequestEvent first = event(body, null).withHeaders(Map.of("Idempotency-Key", "order-1"));
        first.getRequestContext().getIdentity().setUserArn("arn:aws:iam::123456789012:user/alice");
        APIGatewayProxyRequestEvent second = event(body, null).withHeaders(Map.of("Idempotency-Key", "order-1"));
        second.getRequestContext().getIdentity().setUserArn("arn:aws:iam::123456789012:user/bob");

        assertThat(parse(first).idempotencyKey()).isNotEqualTo(parse(second).idempotencyKey());
    }

    @Test
    void aPaymentMethodWithoutAnIdempotencyKeyIsRefused() {
        assertThatThrownBy(() -> parse(event("{\"storage\":3,\"paymentMethod\":\"pm_card_visa\"}", null)))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"))
                .hasMessageContaining("required with paymentMethod");
    }

    @Test
    void aBase64BodyIsDecoded() {
        String body = Base64.getEncoder().encodeToString("{\"storage\":1,\"source\":\"tok_visa\"}".getBytes(StandardCharsets.UTF_8));

        PurchaseRequest request = parse(event(body, null).withIsBase64Encoded(true));

        assertThat(request.storage()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "                                                           | body          | Request body is required",
        "not json                                                   | body          | not valid JSON",
        "[21]                                                       | body          | must be a JSON object",
        "{\"source\":\"tok_visa\"}                                  | storage       | storage is required",
        "{\"storage\":\"21\",\"source\":\"tok_visa\"}               | storage       | whole number from 1 to 100000, was \"21\"",
        "{\"storage\":21.5,\"source\":\"tok_visa\"}                 | storage       | was 21.5",
        "{\"storage\":0,\"source\":\"tok_visa\"}                    | storage       | was 0",
        "{\"storage\":-4,\"source\":\"tok_visa\"}                   | storage       | was -4",
        "{\"storage\":100001,\"source\":\"tok_visa\"}               | storage       | was 100001",
        "{\"storage\":99999999999,\"source\":\"tok_visa\"}          | storage       | was 99999999999",
        "{\"storage\":21}                                           | source        | exactly one of source",
        "{\"storage\":21,\"source\":\"tok_visa\",\"paymentMethod\":\"pm_card_visa\"} | paymentMethod | exactly one of source",
        "{\"storage\":21,\"source\":\"pm_card_visa\"}               | source        | starting with tok_",
        "{\"storage\":21,\"source\":42}                             | source        | starting with tok_",
        "{\"storage\":21,\"paymentMethod\":\"tok_visa\"}            | paymentMethod | starting with pm_",
        "{\"storage\":21,\"paymentMethod\":\"pm_<script>\"}         | paymentMethod | starting with pm_",
    })
    void badRequestsNameTheField(String body, String field, String message) {
        assertThatThrownBy(() -> parse(event(body, null)))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"storage\":21,\"source\":\"tok_visa\"}garbage                | body    | not valid JSON",
        "{\"storage\":21,\"source\":\"tok_visa\"}{}                     | body    | nothing after it",
        "{\"storage\":21,\"source\":\"tok_visa\"} 5                     | body    | nothing after it",
        "{\"storage\":\"lots\",\"storage\":5,\"source\":\"tok_visa\"} | storage | field storage more than once",
        "{\"storage\":5,\"source\":\"tok_visa\",\"source\":\"tok_visa\"} | source | field source more than once",
        "{\"storage\":5,\"source\":\"tok_visa\",\"x\":[[[[[[[[[1]]]]]]]]]} | body | not valid JSON",
        "{\"storage\":21,\"source\":\"tok_\u0001\"}                    | body    | not valid JSON",
    })
    void aBodyMustBeOneObjectWithEachFieldOnce(String body, String field, String message) {
        assertThatThrownBy(() -> parse(event(body, null)))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
    }

    @Test
    void aBodyOverEightKilobytesIsRefusedUnread() {
        String padding = " ".repeat(RequestTooLargeException.MAX_BODY_BYTES);
        String big = "{\"storage\":21,\"source\":\"tok_visa\"}" + padding;
        String bigBase64 = Base64.getEncoder().encodeToString(big.getBytes(StandardCharsets.UTF_8));
        String tenMegabytes = "{\"storage\":\"" + "9".repeat(10_000_000) + "\"}";

        for (APIGatewayProxyRequestEvent event : List.of(event(big, null), event(tenMegabytes, null),
                event(bigBase64, null).withIsBase64Encoded(true))) {
            assertThatThrownBy(() -> parse(event))
                    .isInstanceOfSatisfying(RequestTooLargeException.class,
                            e -> assertThat(e.answer().status()).isEqualTo(413));
        }
        // multi-byte characters count as bytes: 3000 euro signs are 9000 bytes
        String euros = "{\"storage\":21,\"source\":\"tok_visa\",\"note\":\"" + "€".repeat(3000) + "\"}";
        assertThatThrownBy(() -> parse(event(euros, null)))
                .isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void aRejectedValueIsQuotedOnlyInPart() {
        String body = "{\"storage\":\"" + "x".repeat(5000) + "\",\"source\":\"tok_visa\"}";

        assertThatThrownBy(() -> parse(event(body, null)))
                .isInstanceOf(InvalidPurchaseRequestException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("(5002 chars)"));
    }

    @Test
    void anIdempotencyKeyWithoutAValueOrSentTwiceIsRefusedByName() {
        String body = "{\"storage\":3,\"source\":\"tok_visa\"}";
        // The runtime's serializer drops a null header, so this one is written as JSON.
        byte[] nullValue = ("{\"headers\":{\"Idempotency-Key\":null},\"body\":\"" + body.replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> twice = Map.of("Idempotency-Key", List.of("order-1", "order-2"));
        Map<String, String> twoCases = Map.of("Idempotency-Key", "order-1", "idempotency-key", "order-2");

        assertThatThrownBy(() -> PurchaseRequestParser.parse(ProxyEvents.read(nullValue)))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"))
                .hasMessageContaining("has no value");
        assertThatThrownBy(() -> parse(event(body, null).withMultiValueHeaders(twice)))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"))
                .hasMessageContaining("sent once, was sent 2 times");
        assertThatThrownBy(() -> parse(event(body, null).withHeaders(twoCases)))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
    }

    @Test
    void theSameKeyInHeadersAndMultiValueHeadersIsOneHeader() {
        // API Gateway's REST proxy events carry every header in both maps
        APIGatewayProxyRequestEvent event = event("{\"storage\":3,\"paymentMethod\":\"pm_card_visa\"}", null)
                .withHeaders(Map.of("Idempotency-Key", "order-1"))
                .withMultiValueHeaders(Map.of("Idempotency-Key", List.of("order-1")));

        assertThat(parse(event).idempotencyKey()).startsWith("client-");
    }

    @Test
    void aBadIdempotencyKeyIsNamed() {
        APIGatewayProxyRequestEvent event = event("{\"storage\":3,\"source\":\"tok_visa\"}", null)
                .withHeaders(Map.of("Idempotency-Key", "has spaces"));

        assertThatThrownBy(() -> parse(event))
                .isInstanceOfSatisfying(InvalidPurchaseRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("Idempotency-Key"));
    }

    /** The event as Lambda would hand it over: written by the runtime's serializer, read by the function's reader. */
    private static PurchaseRequest parse(APIGatewayProxyRequestEvent event) {
        return PurchaseRequestParser.parse(ProxyEvents.read(LambdaEvents.json(event)));
    }

    private static APIGatewayProxyRequestEvent event(String body, String cognitoIdentityId) {
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setCognitoIdentityId(cognitoIdentityId);
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setIdentity(identity);
        return new APIGatewayProxyRequestEvent().withBody(body).withRequestContext(context);
    }
}
