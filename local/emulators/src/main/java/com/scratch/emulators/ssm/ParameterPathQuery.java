package com.scratch.emulators.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The parts of a GetParametersByPath request that pick and page parameters.
 *
 * @param prefix the path with a trailing slash, for example {@code /app/}
 * @param recursive whether parameters in sub-paths count too
 * @param maxResults the page size, 1 to 10
 * @param offset where this page starts in the name-sorted list of matches
 */
record ParameterPathQuery(String prefix, boolean recursive, int maxResults, int offset) {

    private static final int MAX_PAGE_SIZE = 10;
    private static final String TOKEN_PREFIX = "ssm-emulator-offset:";

    static ParameterPathQuery from(JsonNode request) {
        JsonNode path = request.get("Path");
        if (path == null || path.isNull()) {
            throw SsmErrors.missingMember("path");
        }
        if (!path.asText().startsWith("/")) {
            throw SsmErrors.validation("The parameter doesn't meet the parameter name requirements. "
                    + "The parameter name must begin with a forward slash \"/\".");
        }
        int maxResults = request.path("MaxResults").asInt(MAX_PAGE_SIZE);
        if (maxResults < 1 || maxResults > MAX_PAGE_SIZE) {
            throw SsmErrors.validation("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10");
        }
        String prefix = path.asText().endsWith("/") ? path.asText() : path.asText() + "/";
        return new ParameterPathQuery(prefix, request.path("Recursive").asBoolean(false), maxResults,
                offsetFrom(request.path("NextToken").asText("")));
    }

    boolean matches(VaultEntry parameter) {
        String name = parameter.name();
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return false;
        }
        return recursive || name.indexOf('/', prefix.length()) < 0;
    }

    /** An opaque token, like SSM's, so clients cannot come to rely on what is inside. */
    static String tokenFor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offsetFrom(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the same answer as any other token this emulator did not hand out.
        }
        throw SsmErrors.error(400, "InvalidNextToken", "The specified token isn't valid.");
    }
}
