package com.scratch.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/**
 * One purchase of {@value #NOTES} note with Stripe's test card, {@code POST /billing} signed with SigV4 for
 * {@code execute-api} (the route's {@code aws_iam} authorizer), as a buyer's app sends it.
 */
final class SmokePurchase {

    static final int NOTES = 1;
    /** What billing charges for {@value #NOTES} note: 4 dollars a note up to 10 (NotePricing). */
    static final long EXPECTED_AMOUNT = 400;
    /** Stripe's test PaymentMethod for a Visa that succeeds; a live key refuses it, so no real card is charged. */
    static final String TEST_CARD = "pm_card_visa";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AwsCredentialsProvider credentials;
    private final Region region;

    SmokePurchase(AwsCredentialsProvider credentials, Region region) {
        this.credentials = Objects.requireNonNull(credentials, "credentials == null");
        this.region = Objects.requireNonNull(region, "region == null");
    }

    /**
     * @param api the stage's API, e.g. {@code https://abc123.execute-api.us-east-1.amazonaws.com/feature-login}
     * @return the payment, when the purchase answered 200 with the expected amount
     * @throws SmokeTestFailedException otherwise, saying what came back
     */
    String buy(URI api) {
        URI billing = URI.create(api.toString().replaceAll("/+$", "") + "/billing");
        byte[] body = ("{\"storage\":" + NOTES + ",\"paymentMethod\":\"" + TEST_CARD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(billing)
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", "smoke-" + UUID.randomUUID())
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(request -> request
                .identity(credentials.resolveIdentity().join())
                .request(unsigned)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));

        HttpRequest.Builder request = HttpRequest.newBuilder(billing).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Host") && !header.getKey().equalsIgnoreCase("Content-Length")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmokeTestFailedException("POST " + billing + " got no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmokeTestFailedException("Interrupted while waiting for POST " + billing);
        }
        return receipt(billing, response);
    }

    private static String receipt(URI billing, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new SmokeTestFailedException("POST " + billing + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SmokeTestFailedException("POST " + billing + " answered 200 with no JSON: " + response.body());
        }
        if (answer.path("amount").asLong(-1) != EXPECTED_AMOUNT || !answer.path("paymentId").asText().startsWith("pi_")) {
            throw new SmokeTestFailedException("POST " + billing + " answered 200 but not " + EXPECTED_AMOUNT
                    + " cents for " + NOTES + " note with a PaymentIntent: " + response.body());
        }
        return answer.path("paymentId").asText();
    }
}
