package com.scratch.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our reading and writing of the proxy event, held to the Lambda runtime's own serialiser on the same JSON. */
class ProxyEventsTest {

    private static final ClassLoader LOADER = ProxyEventsTest.class.getClassLoader();

    @Test
    void readsTheFieldsTheRuntimesSerialiserReadsFromAnApiGatewayEvent() throws IOException {
        byte[] json = resource("events/api-gateway-rest.json");
        APIGatewayProxyRequestEvent runtimes = LambdaEventSerializers
                .serializerFor(APIGatewayProxyRequestEvent.class, LOADER).fromJson(new ByteArrayInputStream(json));

        ProxyRequest ours = ProxyEvents.read(new ByteArrayInputStream(json));

        assertThat(ours.httpMethod()).isEqualTo(runtimes.getHttpMethod()).isEqualTo("POST");
        assertThat(ours.path()).isEqualTo(runtimes.getPath()).isEqualTo("/billing");
        assertThat(ours.headers()).isEqualTo(runtimes.getHeaders()).containsEntry("Idempotency-Key", "order-1001");
        assertThat(ours.multiValueHeaders()).isEqualTo(runtimes.getMultiValueHeaders());
        assertThat(ours.body()).isEqualTo(runtimes.getBody()).contains("pm_card_visa");
        assertThat(ours.base64Encoded()).isEqualTo(runtimes.getIsBase64Encoded()).isFalse();
        assertThat(ours.requestId()).isEqualTo(runtimes.getRequestContext().getRequestId());
        APIGatewayProxyRequestEvent.RequestIdentity identity = runtimes.getRequestContext().getIdentity();
        assertThat(ours.identity()).isEqualTo(new CallerIdentity(identity.getCognitoIdentityId(), identity.getUserArn(),
                identity.getCaller()));
        assertThat(ours.identity().cognitoIdentityId()).isEqualTo("us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    }

    @Test
    void readsWhatTheRuntimesSerialiserWritesForAnEventBuiltInCode() {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("POST").withPath("/webhook")
                .withHeaders(Map.of("Stripe-Signature", "t=1,v1=abc"))
                .withMultiValueHeaders(Map.of("Stripe-Signature", List.of("t=1,v1=abc")))
                .withBody("eyJhIjoxfQ==").withIsBase64Encoded(true)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("req-1")
                        .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withCaller("AIDAEXAMPLE")));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, LOADER).toJson(event, json);

        ProxyRequest ours = ProxyEvents.read(json.toByteArray());

        assertThat(ours).isEqualTo(new ProxyRequest("POST", "/webhook", Map.of("Stripe-Signature", "t=1,v1=abc"),
                Map.of("Stripe-Signature", List.of("t=1,v1=abc")), "eyJhIjoxfQ==", true, "req-1",
                new CallerIdentity(null, null, "AIDAEXAMPLE")));
    }

    @Test
    void ignoresFieldsItDoesNotRead() {
        ProxyRequest request = ProxyEvents.read(bytes("{\"httpMethod\":\"POST\",\"clientCert\":{\"pem\":\"x\"},"
                + "\"requestContext\":{\"identity\":{\"apiKeyId\":\"k\",\"caller\":\"c\"},\"authorizer\":{\"a\":1}}}"));

        assertThat(request.identity()).isEqualTo(new CallerIdentity(null, null, "c"));
        assertThat(request.headers()).isEmpty();
        assertThat(request.body()).isNull();
        assertThat(request.base64Encoded()).isFalse();
    }

    @Test
    void findsAHeadersValuesInAnyCasePreferringTheMultiValueOnes() {
        ProxyRequest twice = ProxyEvents.read(bytes("{\"headers\":{\"idempotency-key\":\"b\"},"
                + "\"multiValueHeaders\":{\"Idempotency-Key\":[\"a\"],\"IDEMPOTENCY-KEY\":[\"b\"]}}"));
        ProxyRequest singleOnly = ProxyEvents.read(bytes("{\"headers\":{\"idempotency-key\":\"b\",\"Other\":\"o\"}}"));
        ProxyRequest withoutValue = ProxyEvents.read(bytes("{\"multiValueHeaders\":{\"Idempotency-Key\":null}}"));

        assertThat(twice.headerValues("Idempotency-Key")).containsExactlyInAnyOrder("a", "b");
        assertThat(singleOnly.headerValues("Idempotency-Key")).containsExactly("b");
        assertThat(singleOnly.headerValues("Stripe-Signature")).isEmpty();
        assertThat(withoutValue.headerValues("idempotency-key")).containsExactly((String) null);
    }

    @Test
    void refusesAPayloadThatIsNoProxyEventNamingWhatIsWrongButNotItsValue() {
        assertThatThrownBy(() -> ProxyEvents.read(bytes("{not json")))
                .isInstanceOf(MalformedProxyEventException.class).hasMessage("The invocation's payload is not JSON");
        assertThatThrownBy(() -> ProxyEvents.read(bytes("null")))
                .isInstanceOf(MalformedProxyEventException.class).hasMessageContaining("a JSON object is expected, was NULL");
        assertThatThrownBy(() -> ProxyEvents.read(bytes("[1]")))
                .isInstanceOf(MalformedProxyEventException.class).hasMessageContaining("was ARRAY");
        assertThatThrownBy(() -> ProxyEvents.read(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(MalformedProxyEventException.class).hasMessageContaining("was nothing");
        assertThatThrownBy(() -> ProxyEvents.read(bytes("{\"headers\":{\"Authorization\":{\"secret\":\"sk_live_1\"}}}")))
                .isInstanceOf(MalformedProxyEventException.class)
                .hasMessage("The proxy event's headers.Authorization must be a string, was OBJECT");
        assertThatThrownBy(() -> ProxyEvents.read(bytes("{\"multiValueHeaders\":{\"A\":\"sk_live_1\"}}")))
                .isInstanceOf(MalformedProxyEventException.class)
                .hasMessage("The proxy event's multiValueHeaders.A must be an array of strings, was STRING");
        assertThatThrownBy(() -> ProxyEvents.read(bytes("{\"body\":42}")))
                .isInstanceOf(MalformedProxyEventException.class).hasMessage("The proxy event's body must be a string, was NUMBER");
        assertThatThrownBy(() -> ProxyEvents.read(bytes("{\"isBase64Encoded\":\"yes\"}")))
                .isInstanceOf(MalformedProxyEventException.class).hasMessageContaining("isBase64Encoded must be true or false");
        assertThatThrownBy(() -> ProxyEvents.read(bytes("{\"requestContext\":{\"identity\":{\"caller\":7}}}")))
                .isInstanceOf(MalformedProxyEventException.class)
                .hasMessage("The proxy event's requestContext.identity.caller must be a string, was NUMBER");
    }

    @Test
    void writesAnAnswerTheRuntimesSerialiserReadsBackTheSame() throws IOException {
        ProxyResponse response = new ProxyResponse(402, Map.of("Content-Type", "application/json",
                "Access-Control-Allow-Origin", "*"), "{\"status\":false,\"message\":\"caf\u00e9 \\\"declined\\\"\"}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ProxyEvents.write(response, out);
        APIGatewayProxyResponseEvent runtimes = LambdaEventSerializers
                .serializerFor(APIGatewayProxyResponseEvent.class, LOADER).fromJson(out.toString(StandardCharsets.UTF_8));

        assertThat(runtimes.getStatusCode()).isEqualTo(402);
        assertThat(runtimes.getHeaders()).isEqualTo(response.headers());
        assertThat(runtimes.getBody()).isEqualTo(response.body());
        assertThat(runtimes.getIsBase64Encoded()).isFalse();
    }

    @Test
    void refusesAnAnswerThatIsNoHttpStatus() {
        assertThatThrownBy(() -> new ProxyResponse(42, Map.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 42");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LOADER.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
