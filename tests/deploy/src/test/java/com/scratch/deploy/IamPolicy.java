package com.scratch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The statements of resolved policy documents, asked as IAM would answer: is this action on this ARN allowed (some
 * Allow statement matches both, no Deny statement does)? Wildcards {@code *} and {@code ?} as IAM reads them, actions
 * without regard to case. Conditions are not evaluated: the tests look at them themselves.
 */
record IamPolicy(List<IamStatement> statements) {

    IamPolicy {
        statements = List.copyOf(statements);
    }

    /** Every statement of the documents, e.g. a role's inline policies. */
    static IamPolicy of(List<JsonNode> documents) {
        List<IamStatement> statements = new ArrayList<>();
        documents.forEach(document -> document.path("Statement").forEach(statement -> statements.add(IamStatement.from(statement))));
        return new IamPolicy(statements);
    }

    boolean allows(String action, String arn) {
        return statements.stream().anyMatch(statement -> statement.isAllow() && matches(statement, action, arn))
                && statements.stream().noneMatch(statement -> !statement.isAllow() && matches(statement, action, arn));
    }

    private static boolean matches(IamStatement statement, String action, String arn) {
        return statement.actions().stream().anyMatch(pattern -> glob(pattern, true).matcher(action).matches())
                && statement.resources().stream().anyMatch(pattern -> glob(pattern.asText(), false).matcher(arn).matches());
    }

    private static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
