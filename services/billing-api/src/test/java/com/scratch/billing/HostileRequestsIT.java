package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The billing function under a hostile client: a seeded generator sends bodies and header sets that are each wrong
 * in one way a client can be wrong (malformed, truncated and trailing JSON, duplicate keys, wrong types, overflow,
 * deep nesting, oversize, invalid UTF-8, control characters, both or neither payment field, base64) to the function
 * as its cold start builds it. Every one must get a 4xx JSON answer naming what is wrong, and none may reach Stripe
 * or SNS, or write a long line to the log.
 */
class HostileRequestsIT {

    private static final long SEED = 20261202L;
    private static final int PER_KIND = 1_000;
    private static final String VALID_TOKEN_BODY = "{\"storage\":21,\"source\":\"tok_visa\"}";
    private static final String VALID_METHOD_BODY = "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalBillingServers servers;

    @BeforeAll
    static void start() {
        servers = new LocalBillingServers();
        servers.reset("/stripeSecretKey/test", "sk_test_hostile0123456789abcdef");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void everyHostileRequestIsA4xxJsonAnswerAndNothingIsCharged() throws Exception {
        BillingHandler handler = servers.coldStart("dev");
        Random random = new Random(SEED);
        Map<String, Supplier<APIGatewayProxyRequestEvent>> kinds = kinds(random);
        Map<String, Integer> answersByStatusAndError = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int sent = 0;

        String log;
        try (LogCapture logs = new LogCapture()) {
            for (Map.Entry<String, Supplier<APIGatewayProxyRequestEvent>> kind : kinds.entrySet()) {
                for (int i = 0; i < PER_KIND; i++) {
                    APIGatewayProxyRequestEvent event = kind.getValue().get();
                    APIGatewayProxyResponseEvent response = LambdaEvents.callProxy(handler, event, null);
                    sent++;
                    String problem = problemWith(response);
                    if (problem != null && wrong.size() < 10) {
                        wrong.add(kind.getKey() + ": " + problem + " for body " + excerpt(event.getBody()));
                    }
                    if (problem == null) {
                        JsonNode body = JSON.readTree(response.getBody());
                        answersByStatusAndError.merge(response.getStatusCode() + " " + body.get("error").asText(), 1,
                                Integer::sum);
                    }
                }
            }
            log = logs.text();
        }

        System.out.printf("Hostile requests: %d sent, answers %s, Stripe requests %d, SNS publishes %d%n", sent,
                answersByStatusAndError, servers.stripe.requests().size(), servers.sns.callCount("Publish"));
        assertThat(wrong).as("requests not answered with a 4xx JSON failure").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        assertThat(servers.stripe.requests()).isEmpty();
        assertThat(servers.sns.callCount("Publish")).isZero();
        assertThat(log.lines().mapToInt(String::length).max().orElse(0))
                .as("longest log line").isLessThan(400);
        assertThat(log).doesNotContain("\tat ");
    }

    /** Null when the response is a 4xx JSON failure with a short message and nothing internal. */
    private static String problemWith(APIGatewayProxyResponseEvent response) {
        int status = response.getStatusCode();
        if (status < 400 || status > 499) {
            return "status " + status + " " + excerpt(response.getBody());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.getBody());
        } catch (Exception e) {
            return "a body that is not JSON: " + excerpt(response.getBody());
        }
        if (!body.path("status").isBoolean() || body.path("status").asBoolean()
                || !body.path("error").isTextual() || !body.path("message").isTextual()) {
            return "not a failure answer: " + excerpt(response.getBody());
        }
        if (response.getBody().length() > 600 || response.getBody().contains("Exception")) {
            return "a long or internal answer: " + excerpt(response.getBody());
        }
        return null;
    }

    /** Each kind of wrong request, made fresh from the seeded random on every call. */
    private static Map<String, Supplier<APIGatewayProxyRequestEvent>> kinds(Random random) {
        Map<String, Supplier<APIGatewayProxyRequestEvent>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("malformed", () -> request(randomText(random, 1 + random.nextInt(200))));
        kinds.put("truncated", () -> {
            String valid = random.nextBoolean() ? VALID_TOKEN_BODY : VALID_METHOD_BODY;
            return request(valid.substring(0, random.nextInt(valid.length())));
        });
        kinds.put("trailing", () -> request(VALID_TOKEN_BODY + " ".repeat(random.nextInt(3))
                + (char) ('!' + random.nextInt(94)) + randomText(random, random.nextInt(20))));
        kinds.put("duplicate keys", () -> {
            String key = List.of("storage", "source").get(random.nextInt(2));
            String repeat = key.equals("storage") ? "\"storage\":" + (1 + random.nextInt(100)) : "\"source\":\"tok_visa\"";
            return request(VALID_TOKEN_BODY.replace("{", "{" + repeat + ","));
        });
        kinds.put("wrong types", () -> {
            List<String> values = List.of("\"21\"", "true", "null", "[21]", "{\"n\":21}", "21.5", "2.1e1", "\"\"");
            String value = values.get(random.nextInt(values.size()));
            return request(random.nextBoolean()
                    ? "{\"storage\":" + value + ",\"source\":\"tok_visa\"}"
                    : "{\"storage\":21,\"source\":" + value.replace("\"21\"", "21") + "}");
        });
        kinds.put("overflow", () -> {
            List<String> values = List.of("1e400", "-1e400", "99999999999999999999999", "2147483648", "-2147483649",
                    "100001", "0", "-0", "-21", "9".repeat(7 + random.nextInt(900)));
            return request("{\"storage\":" + values.get(random.nextInt(values.size())) + ",\"source\":\"tok_visa\"}");
        });
        kinds.put("deep nesting", () -> {
            int depth = 8 + random.nextInt(3000);
            return request("{\"storage\":21,\"source\":\"tok_visa\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        });
        kinds.put("oversize", () -> {
            int size = 8 * 1024 + 1 + random.nextInt(64 * 1024);
            String body = random.nextBoolean()
                    ? "{\"storage\":21,\"source\":\"tok_visa\",\"pad\":\"" + "x".repeat(size) + "\"}"
                    : VALID_TOKEN_BODY + " ".repeat(size);
            return random.nextBoolean() ? request(body) : base64(body.getBytes(StandardCharsets.UTF_8));
        });
        kinds.put("invalid UTF-8", () -> {
            byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
            byte[] bad = invalid[random.nextInt(invalid.length)];
            byte[] head = "{\"storage\":21,\"source\":\"tok_vi".getBytes(StandardCharsets.UTF_8);
            byte[] tail = "sa\"}".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(bad, 0, body, head.length, bad.length);
            System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
            return base64(body);
        });
        kinds.put("control characters", () -> {
            char control = (char) random.nextInt(0x20);
            int at = VALID_TOKEN_BODY.indexOf("tok_visa") + 1 + random.nextInt(6);
            return request(VALID_TOKEN_BODY.substring(0, at) + control + VALID_TOKEN_BODY.substring(at));
        });
        kinds.put("both or neither payment field", () -> request(random.nextBoolean()
                ? "{\"storage\":21,\"source\":\"tok_visa\",\"paymentMethod\":\"pm_card_visa\"}"
                : "{\"storage\":21" + (random.nextBoolean() ? ",\"source\":null" : "") + "}"));
        kinds.put("base64", () -> {
            if (random.nextBoolean()) { // not base64 at all
                APIGatewayProxyRequestEvent event = request("!!" + randomText(random, 10) + "%%");
                return event.withIsBase64Encoded(true);
            }
            String inner = VALID_TOKEN_BODY.substring(0, random.nextInt(VALID_TOKEN_BODY.length()));
            return base64(inner.getBytes(StandardCharsets.UTF_8));
        });
        kinds.put("idempotency header", () -> {
            APIGatewayProxyRequestEvent event = request(VALID_METHOD_BODY);
            switch (random.nextInt(5)) {
                case 0 -> event.setHeaders(new HashMap<>()); // a payment method needs one
                case 1 -> {
                    Map<String, String> headers = new HashMap<>();
                    headers.put("Idempotency-Key", null);
                    event.setHeaders(headers);
                }
                case 2 -> event.setMultiValueHeaders(Map.of("idempotency-key", List.of("order-1", "order-" + random.nextInt())));
                case 3 -> event.setHeaders(Map.of("Idempotency-Key", "has space " + random.nextInt()));
                default -> event.setHeaders(Map.of("IDEMPOTENCY-KEY", "k".repeat(256 + random.nextInt(10_000))));
            }
            return event;
        });
        return kinds;
    }

    private static APIGatewayProxyRequestEvent request(String body) {
        return LocalBillingServers.event("events/billing-original.json").withBody(body).withHeaders(Map.of());
    }

    private static APIGatewayProxyRequestEvent base64(byte[] body) {
        return request(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
    }

    /** Printable ASCII and a few others, never a valid purchase: no JSON object starts without a brace. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? (char) (0x80 + random.nextInt(0x700)) : (char) (' ' + random.nextInt(95)));
        }
        if (text.length() > 0 && text.charAt(0) == '{') {
            text.setCharAt(0, '[');
        }
        return text.toString();
    }

    private static String excerpt(String text) {
        return text == null ? "null" : text.length() <= 80 ? text : text.substring(0, 80) + "…(" + text.length() + ")";
    }
}
