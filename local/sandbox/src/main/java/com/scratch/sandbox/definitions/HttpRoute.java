package com.scratch.sandbox.definitions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code http} event (API Gateway REST API) of a function.
 *
 * <pre>{@code
 * // events: - http: {path: billing, method: post, cors: true, authorizer: aws_iam}
 * new HttpRoute("POST", "/billing", HttpRoute.DEFAULT_CORS_HEADERS, "aws_iam");
 * // events: - http: GET hello
 * new HttpRoute("GET", "/hello", List.of(), null);
 * }</pre>
 *
 * @param method upper case, e.g. {@code POST}; {@code ANY} as in the definition
 * @param path with a leading {@code /}; path parameters as written, e.g. {@code /notes/{id}}
 * @param corsHeaders the headers a CORS preflight allows: the framework's defaults for {@code cors: true}, the
 *     object's {@code headers} when it has them; empty when the route has no CORS
 * @param authorizer the authorizer, or {@code null} for none: the string form as written (e.g.
 *     {@code aws_iam}); for the object form its {@code name}, else its {@code arn}, else its {@code type}
 */
public record HttpRoute(String method, String path, List<String> corsHeaders, String authorizer) {

    /** What the framework (osls 4.3.1, {@code getCors}) allows when {@code cors} names no headers. */
    public static final List<String> DEFAULT_CORS_HEADERS = List.of("Content-Type", "X-Amz-Date", "Authorization",
            "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent", "X-Amzn-Trace-Id");

    public HttpRoute {
        corsHeaders = List.copyOf(Objects.requireNonNull(corsHeaders, "corsHeaders == null"));
        method = Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path == null");
        path = path.startsWith("/") ? path : "/" + path;
    }

    /** Whether the route answers CORS preflights. */
    public boolean cors() {
        return !corsHeaders.isEmpty();
    }

    /** Whether requests must be authorized at all. */
    public boolean hasAuthorizer() {
        return authorizer != null;
    }
}
