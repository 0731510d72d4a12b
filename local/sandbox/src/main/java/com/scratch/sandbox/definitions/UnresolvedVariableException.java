package com.scratch.sandbox.definitions;

import java.nio.file.Path;
import java.util.Objects;

/** A Serverless variable has no value for the stage (or uses a source the local runner does not know). */
public final class UnresolvedVariableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String variable;

    public UnresolvedVariableException(Path file, String variable, String reason) {
        super("Cannot resolve " + variable + " in " + file + ": " + reason);
        this.file = Objects.requireNonNull(file, "file == null");
        this.variable = Objects.requireNonNull(variable, "variable == null");
    }

    /** The {@code serverless.yml} being read (the variable may sit in a file it includes). */
    public Path file() {
        return file;
    }

    /** The variable as written, e.g. {@code ${self:custom.missing}}. */
    public String variable() {
        return variable;
    }
}
