package com.scratch.sandbox.runtime.handlers;

import java.util.Map;

/** A handler built as ours are, answering with the value of the environment variable the event names. */
public final class EnvironmentEchoHandler {

    private final Map<String, String> environment;

    public EnvironmentEchoHandler() {
        this(System.getenv());
    }

    public EnvironmentEchoHandler(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public String handleRequest(String variable) {
        return environment.get(variable);
    }
}
