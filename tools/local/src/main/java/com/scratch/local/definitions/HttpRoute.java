package com.scratch.local.definitions;

import java.util.Locale;
import java.util.Objects;

/**
 * One {@code http} event (API Gateway REST API) of a function.
 *
 * <pre>{@code
 * // events: - http: {path: billing, method: post, cors: true, authorizer: aws_iam}
 * new HttpRoute("POST", "/billing", true, "aws_iam");
 * // events: - http: GET hello
 * new HttpRoute("GET", "/hello", false, null);
 * }</pre>
 *
 * @param method upper case, e.g. {@code POST}; {@code ANY} as in the definition
 * @param path with a leading {@code /}; path parameters as written, e.g. {@code /notes/{id}}
 * @param cors whether {@code cors} is {@code true} or an object
 * @param authorizer the authorizer, or {@code null} for none: the string form as written (e.g.
 *     {@code aws_iam}); for the object form its {@code name}, else its {@code arn}, else its {@code type}
 */
public record HttpRoute(String method, String path, boolean cors, String authorizer) {

    public HttpRoute {
        method = Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path == null");
        path = path.startsWith("/") ? path : "/" + path;
    }

    /** Whether requests must be authorized at all. */
    public boolean hasAuthorizer() {
        return authorizer != null;
    }
}
