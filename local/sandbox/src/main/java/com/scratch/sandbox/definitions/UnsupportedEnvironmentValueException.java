package com.scratch.sandbox.definitions;

import java.util.Objects;

/**
 * A function's environment variable holds something the local runner cannot give a value to: a CloudFormation
 * intrinsic other than {@code !Ref} to an SNS topic of the same service (only CloudFormation knows it), a map,
 * a list, or nothing.
 */
public final class UnsupportedEnvironmentValueException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final String variable;

    public UnsupportedEnvironmentValueException(String service, String function, String variable, String reason) {
        super("Function '" + function + "' of service '" + service + "': environment variable " + variable
                + " " + reason);
        this.function = Objects.requireNonNull(function, "function == null");
        this.variable = Objects.requireNonNull(variable, "variable == null");
    }

    /** The function's name. */
    public String function() {
        return function;
    }

    /** The environment variable's name. */
    public String variable() {
        return variable;
    }
}
