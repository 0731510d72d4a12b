package com.scratch.sandbox.startup;

/**
 * The sandbox cannot start, for a reason the developer can fix: the message is one line naming the thing at fault and
 * what to do, printed as it is (no stack trace) before the command exits non-zero. Each failure mode has its own
 * subclass.
 */
public abstract sealed class SandboxStartException extends RuntimeException
        permits ApiPortInUseException, CorruptDataFileException, DataDirectoryInUseException,
        DataDirectoryUnusableException, FunctionJarsMissingException {

    private static final long serialVersionUID = 1L;

    SandboxStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
