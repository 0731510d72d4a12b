package com.scratch.emulators.iam;

import java.util.Optional;

/**
 * What IAM decided for one action on one resource, and the statement that decided it: the Deny that matched,
 * or the Allow that matched; none for an implicit deny.
 */
public record IamDecision(Outcome outcome, Optional<PolicyStatement> decidingStatement) {

    public enum Outcome { ALLOWED, IMPLICITLY_DENIED, EXPLICITLY_DENIED }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
