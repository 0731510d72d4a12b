package com.scratch.lambda;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API Gateway REST (v1) proxy request as Lambda hands it to the function: the parts our functions read.
 *
 * @param httpMethod {@code POST}, ...; null when the event has none (a direct invocation)
 * @param path the resource path, e.g. {@code /billing}
 * @param headers one value per header name, in the client's case ({@code headers})
 * @param multiValueHeaders every value per header name ({@code multiValueHeaders}); API Gateway fills both
 * @param body the body as API Gateway passed it: text, or base64 when {@code base64Encoded}; null when none
 * @param base64Encoded whether {@code body} is base64 ({@code isBase64Encoded})
 * @param requestId API Gateway's id of the request ({@code requestContext.requestId}); null when none
 * @param identity who called, as the authorizer saw it ({@code requestContext.identity})
 */
public record ProxyRequest(String httpMethod, String path, Map<String, String> headers,
        Map<String, List<String>> multiValueHeaders, String body, boolean base64Encoded, String requestId,
        CallerIdentity identity) {

    public ProxyRequest {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(headers);
        multiValueHeaders = multiValueHeaders == null ? Map.of() : Collections.unmodifiableMap(multiValueHeaders);
        identity = identity == null ? CallerIdentity.NONE : identity;
    }

    /** A {@code POST} with this body and these headers (one value each), from nobody in particular. */
    public static ProxyRequest post(String path, Map<String, String> headers, String body) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ProxyRequest("POST", path, headers, multi, body, false, null, CallerIdentity.NONE);
    }

    /**
     * Every value the client sent for the header {@code name}, in any case: HTTP header names are case-insensitive,
     * and API Gateway keeps the client's spelling, so {@code Idempotency-Key} and {@code idempotency-key} are one
     * header. The values come from {@code multiValueHeaders} (where a header sent twice has two), else from
     * {@code headers}; a value may be null (a header without one). The caller decides what two values mean.
     */
    public List<String> headerValues(String name) {
        Objects.requireNonNull(name, "name == null");
        List<String> values = new ArrayList<>();
        multiValueHeaders.forEach((key, list) -> {
            if (name.equalsIgnoreCase(key)) {
                values.addAll(list == null ? Collections.singletonList(null) : list);
            }
        });
        if (values.isEmpty()) {
            headers.forEach((key, value) -> {
                if (name.equalsIgnoreCase(key)) {
                    values.add(value);
                }
            });
        }
        return values;
    }
}
