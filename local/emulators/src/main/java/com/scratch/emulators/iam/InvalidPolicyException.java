package com.scratch.emulators.iam;

/** A policy statement that IAM would refuse, or that uses what this evaluator does not model (a Condition). */
public final class InvalidPolicyException extends RuntimeException {

    public InvalidPolicyException(String message) {
        super(message);
    }
}
