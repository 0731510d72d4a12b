package com.scratch.sandbox.api;

import com.scratch.sandbox.runtime.LocalFunction;
import java.util.List;
import java.util.Objects;

/**
 * An {@code http} event of a function: requests to {@code method path} invoke it.
 *
 * @param authorizer as {@code serverless.yml} names it ({@code aws_iam}), or null for none
 */
public record ApiRoute(String method, String path, List<String> corsHeaders, String authorizer, LocalFunction function) {

    static final String AWS_IAM = "aws_iam";

    public ApiRoute {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(function, "function == null");
        corsHeaders = List.copyOf(Objects.requireNonNull(corsHeaders, "corsHeaders == null"));
    }

    /** Whether API Gateway checks the caller's SigV4 signature before the function sees the request. */
    public boolean signedByCaller() {
        return AWS_IAM.equals(authorizer);
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + function.name();
    }
}
