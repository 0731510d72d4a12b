package com.scratch.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client is pointed instead of AWS, read from the function's environment with the names and precedence of
 * the SDK's own endpoint variables: {@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code AWS_ENDPOINT_URL_SSM}), else
 * the generic {@code AWS_ENDPOINT_URL}, and neither when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is
 * {@code true}. Blank counts as unset.
 *
 * <p>Read from the map rather than left to the SDK because the SDK reads only the process environment and JVM-wide
 * system properties: several functions (or tests) in one JVM could not each have endpoints of their own.
 */
final class EndpointOverride {

    static final String GENERIC_VARIABLE = "AWS_ENDPOINT_URL";
    static final String IGNORE_VARIABLE = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private EndpointOverride() {
    }

    /**
     * The endpoint the environment configures for the service, if any.
     *
     * @param serviceId the SDK's service id as it appears in the variable name: {@code SSM}, {@code SNS}
     * @throws InvalidEndpointUrlException when the variable that applies is not an absolute http(s) URL
     */
    static Optional<URI> of(Map<String, String> environment, String serviceId) {
        if ("true".equalsIgnoreCase(value(environment, IGNORE_VARIABLE).orElse(""))) {
            return Optional.empty();
        }
        String serviceVariable = serviceVariable(serviceId);
        Optional<String> serviceEndpoint = value(environment, serviceVariable);
        if (serviceEndpoint.isPresent()) {
            return Optional.of(parse(serviceVariable, serviceEndpoint.get()));
        }
        return value(environment, GENERIC_VARIABLE).map(url -> parse(GENERIC_VARIABLE, url));
    }

    /** As the SDK names it: upper case, spaces as underscores. */
    static String serviceVariable(String serviceId) {
        return GENERIC_VARIABLE + "_" + serviceId.toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    private static Optional<String> value(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static URI parse(String variable, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidEndpointUrlException(variable, url, e);
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null) {
            throw new InvalidEndpointUrlException(variable, url, null);
        }
        return uri;
    }
}
