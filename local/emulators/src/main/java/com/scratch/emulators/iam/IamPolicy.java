package com.scratch.emulators.iam;

import java.util.List;
import java.util.Optional;

/**
 * The statements of a role's identity-based policies, evaluated as IAM does for a request within one account
 * and without permissions boundaries or SCPs: an explicit Deny wins, else an Allow is needed, else the request
 * is implicitly denied.
 *
 * <pre>{@code
 * IamPolicy policy = new IamPolicy(List.of(PolicyStatement.allow(List.of("sns:Publish"), List.of(topicArn))));
 * policy.evaluate("SNS:publish", topicArn).allowed();   // true: actions ignore case
 * }</pre>
 */
public record IamPolicy(List<PolicyStatement> statements) {

    /** A policy that allows everything, for emulators whose tests are not about IAM. */
    public static final IamPolicy ALLOW_ALL = new IamPolicy(List.of(PolicyStatement.allow(List.of("*"), List.of("*"))));

    public IamPolicy {
        statements = List.copyOf(statements);
    }

    public IamDecision evaluate(String action, String resource) {
        Optional<PolicyStatement> deny = matching(Effect.DENY, action, resource);
        if (deny.isPresent()) {
            return new IamDecision(IamDecision.Outcome.EXPLICITLY_DENIED, deny);
        }
        Optional<PolicyStatement> allow = matching(Effect.ALLOW, action, resource);
        return allow.isPresent()
                ? new IamDecision(IamDecision.Outcome.ALLOWED, allow)
                : new IamDecision(IamDecision.Outcome.IMPLICITLY_DENIED, Optional.empty());
    }

    private Optional<PolicyStatement> matching(Effect effect, String action, String resource) {
        return statements.stream()
                .filter(statement -> statement.effect() == effect && statement.matches(action, resource))
                .findFirst();
    }
}
