package com.scratch.aws;

/**
 * An endpoint variable ({@code AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL}...) in the function's environment is
 * not an absolute http(s) URL. Raised when the client is built, so a typo fails the cold start, not the first call.
 */
public final class InvalidEndpointUrlException extends IllegalStateException {

    InvalidEndpointUrlException(String variable, String value, Throwable cause) {
        super("Environment variable " + variable + " is not an endpoint URL: '" + value
                + "' (expected an absolute http or https URL, such as http://127.0.0.1:4566)", cause);
    }
}
