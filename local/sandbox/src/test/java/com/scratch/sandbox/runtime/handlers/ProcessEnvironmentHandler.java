package com.scratch.sandbox.runtime.handlers;

/** A handler that can only read the process environment: the sandbox cannot give it variables of its own. */
public final class ProcessEnvironmentHandler {

    public String handleRequest(String variable) {
        return System.getenv(variable);
    }
}
