package com.scratch.lambda;

import java.util.Map;
import java.util.Objects;

/**
 * What an API Gateway proxy function answers: API Gateway sends {@code statusCode}, {@code headers} and
 * {@code body} (text) to the client.
 */
public record ProxyResponse(int statusCode, Map<String, String> headers, String body) {

    public ProxyResponse {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be an HTTP status (100 to 599), was " + statusCode);
        }
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers == null"));
        Objects.requireNonNull(body, "body == null");
    }
}
