package com.scratch.emulators.internal;

import com.sun.net.httpserver.Headers;
import java.util.Objects;

/**
 * One HTTP request as an emulator sees it: the body is already read, so handlers never touch streams.
 *
 * @param method the HTTP method, upper case
 * @param path the request path without the query string, for example {@code /v1/payment_intents}
 * @param query the raw query string, empty when there is none
 * @param headers the request headers; lookups by name ignore case
 * @param body the request body decoded as UTF-8, empty when there is none
 */
public record ReceivedRequest(String method, String path, String query, Headers headers, String body) {

    public ReceivedRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(query, "query == null");
        Objects.requireNonNull(headers, "headers == null");
        Objects.requireNonNull(body, "body == null");
    }

    /** The first value of a header, or null when the request has none. */
    public String header(String name) {
        return headers.getFirst(name);
    }
}
