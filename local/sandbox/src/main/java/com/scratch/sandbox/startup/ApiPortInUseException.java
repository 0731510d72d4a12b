package com.scratch.sandbox.startup;

/** The local API's port is taken (by another sandbox, or anything else). */
public final class ApiPortInUseException extends SandboxStartException {

    private static final long serialVersionUID = 1L;

    public ApiPortInUseException(int port, Throwable cause) {
        super("Port " + port + " on 127.0.0.1 is in use: stop what listens there, or start the sandbox with --port N"
                + " (--port 0 picks a free one)", cause);
    }
}
