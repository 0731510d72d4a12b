package com.scratch.sandbox.startup;

/** A file the sandbox keeps in its data directory cannot be read back: damaged, edited, or from another key. */
public final class CorruptDataFileException extends SandboxStartException {

    private static final long serialVersionUID = 1L;

    /**
     * @param whatIsWrong the file and its problem, for example {@code ".sandbox/ssm/parameters.json: is not valid JSON"}
     * @param remedy what to do, for example {@code "delete .sandbox/ssm to start over"}
     */
    public CorruptDataFileException(String whatIsWrong, String remedy, Throwable cause) {
        super(whatIsWrong + "; " + remedy, cause);
    }
}
