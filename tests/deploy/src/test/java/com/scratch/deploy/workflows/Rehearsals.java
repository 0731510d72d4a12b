package com.scratch.deploy.workflows;

import java.util.HashMap;
import java.util.Map;

/** The values the rehearsals give the workflows' expressions: the repository's variables and the event's fields. */
final class Rehearsals {

    static final String DEV_ROLE = "arn:aws:iam::111111111111:role/scratch-github-deploy";
    static final String PROD_ROLE = "arn:aws:iam::999999999999:role/scratch-github-deploy";
    static final String REGION = "eu-west-1";

    private Rehearsals() {
    }

    /** The repository variables (Settings > Secrets and variables > Actions > Variables). */
    static Map<String, String> variables() {
        return Map.of("vars.DEV_DEPLOY_ROLE_ARN", DEV_ROLE, "vars.PROD_DEPLOY_ROLE_ARN", PROD_ROLE,
                "vars.AWS_REGION", REGION);
    }

    /** A push of the branch or tag. */
    static Map<String, String> push(String refName) {
        return with(variables(), "github.ref_name", refName);
    }

    /** The delete event of a branch. */
    static Map<String, String> branchDeleted(String branch) {
        Map<String, String> expressions = with(variables(), "github.event_name", "delete");
        expressions.put("github.event.ref", branch);
        expressions.put("github.event.pull_request.head.ref", "");
        return expressions;
    }

    /** A pull request closed, from a branch of this repository. */
    static Map<String, String> pullRequestClosed(String branch) {
        Map<String, String> expressions = with(variables(), "github.event_name", "pull_request");
        expressions.put("github.event.ref", "");
        expressions.put("github.event.pull_request.head.ref", branch);
        return expressions;
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> expressions = new HashMap<>(base);
        expressions.put(name, value);
        return expressions;
    }
}
