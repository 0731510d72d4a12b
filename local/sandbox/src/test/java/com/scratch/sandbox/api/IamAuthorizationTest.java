package com.scratch.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.runtime.FunctionSpec;
import com.scratch.sandbox.runtime.LocalFunction;
import com.scratch.testing.ConsoleCopy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A route with {@code authorizer: aws_iam} takes only requests SigV4-signed by a known caller, as API Gateway takes
 * only IAM-signed ones, and answers the rest as it does. The route's function has no jar here: a request that gets
 * past the authorizer is answered 502 by the function's failed start, one that does not is answered 403.
 */
class IamAuthorizationTest {

    private static final String BODY = "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}";
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json",
            "Idempotency-Key", "iam-1");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ConsoleCopy console = new ConsoleCopy(System.out);
    private LocalApiGateway api;

    @BeforeEach
    void start() {
        LocalFunction billing = new LocalFunction(new FunctionSpec("billing", "example.Handler", "handleRequest",
                Path.of("target/no-such-function.jar"), Map.of(), 512, Duration.ofSeconds(10)));
        api = LocalApiGateway.start(0, List.of(new ApiRoute("POST", "/billing", List.of(), "aws_iam", billing)),
                "us-east-1:test", new InvocationLog(console.printStream()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aRequestSignedByTheLocalCallerReachesTheFunction() throws Exception {
        HttpResponse<String> response = send(LocalCaller.DEVELOPER.signed(billing(), "POST", BODY, HEADERS).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
    }

    @Test
    void anUnsignedRequestIsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(billing())
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(console.text()).contains("403  POST /billing: Missing Authentication Token");
    }

    @Test
    void aKeyItDoesNotKnowIsAnInvalidSecurityToken() throws Exception {
        LocalCaller stranger = new LocalCaller("AKIASTRANGER00000000", "local-developer-secret");

        HttpResponse<String> response = send(stranger.signed(billing(), "POST", BODY, HEADERS).build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("The security token included in the request is invalid.");
    }

    @Test
    void aWrongSecretOrABodyChangedAfterSigningDoesNotMatchTheSignature() throws Exception {
        LocalCaller wrongSecret = new LocalCaller(LocalCaller.DEVELOPER.accessKeyId(), "not-the-secret");
        HttpRequest signed = LocalCaller.DEVELOPER.signed(billing(), "POST", BODY, HEADERS).build();
        HttpRequest tampered = HttpRequest.newBuilder(signed, (name, value) -> true)
                .POST(HttpRequest.BodyPublishers.ofString(BODY.replace("21", "1"))).build();

        for (HttpRequest request : List.of(wrongSecret.signed(billing(), "POST", BODY, HEADERS).build(), tampered)) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("The request signature we calculated does not match");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        }
    }

    /** The banner's curl command, which signs with curl's own SigV4. */
    @Test
    void curlsOwnSigV4IsAccepted() throws Exception {
        LocalCaller caller = LocalCaller.DEVELOPER;
        Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST",
                billing().toString(), "--aws-sigv4", "aws:amz:" + LocalCaller.REGION + ":" + LocalCaller.SERVICE,
                "--user", caller.accessKeyId() + ":" + caller.secretAccessKey(),
                "-H", "Content-Type: application/json", "-d", BODY).redirectErrorStream(true).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(status).as("HTTP status curl got").isEqualTo("502");
    }

    private java.net.URI billing() {
        return api.endpoint().resolve("/billing");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
