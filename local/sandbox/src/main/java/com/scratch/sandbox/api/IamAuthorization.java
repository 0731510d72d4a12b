package com.scratch.sandbox.api;

import com.scratch.emulators.iam.SigV4Authorization;
import com.scratch.emulators.internal.ReceivedRequest;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What API Gateway does for a route with {@code authorizer: aws_iam} before the function sees the request: a
 * request without a SigV4 signature, with one by a key it does not know, or with one that does not match is
 * answered 403 and never reaches the function. Here the known keys are the {@link LocalCaller}s.
 */
final class IamAuthorization {

    /** API Gateway's answers, body and {@code x-amzn-ErrorType}. */
    record Refusal(String errorType, String message) {

        String json() {
            return "{\"message\":\"" + message + "\"}";
        }
    }

    static final Refusal MISSING = new Refusal("MissingAuthenticationTokenException", "Missing Authentication Token");
    static final Refusal UNKNOWN_KEY = new Refusal("UnrecognizedClientException",
            "The security token included in the request is invalid.");
    static final Refusal BAD_SIGNATURE = new Refusal("InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
                    + " Access Key and signing method. Consult the service documentation for details.");

    private final Map<String, String> secretsByKey;

    IamAuthorization(LocalCaller... callers) {
        Map<String, String> secrets = new HashMap<>();
        for (LocalCaller caller : callers) {
            secrets.put(caller.accessKeyId(), caller.secretAccessKey());
        }
        this.secretsByKey = Map.copyOf(secrets);
    }

    /** Why API Gateway would refuse this request, or empty when it is signed by a known caller. */
    Optional<Refusal> refusal(HttpExchange exchange, byte[] body) {
        String query = exchange.getRequestURI().getRawQuery();
        ReceivedRequest request = new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                query == null ? "" : query, exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8));
        Optional<SigV4Authorization> authorization = SigV4Authorization.of(request);
        if (authorization.isEmpty()) {
            return Optional.of(MISSING);
        }
        String secret = secretsByKey.get(authorization.get().accessKeyId());
        if (secret == null) {
            return Optional.of(UNKNOWN_KEY);
        }
        boolean forThisApi = LocalCaller.SERVICE.equals(authorization.get().service())
                && LocalCaller.REGION.equals(authorization.get().region());
        return forThisApi && authorization.get().verify(request, secret) ? Optional.empty() : Optional.of(BAD_SIGNATURE);
    }
}
