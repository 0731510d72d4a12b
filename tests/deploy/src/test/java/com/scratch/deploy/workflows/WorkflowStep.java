package com.scratch.deploy.workflows;

import java.util.Map;

/** One step: an action ({@code uses} with its {@code with}) or a script ({@code run}). */
record WorkflowStep(Map<String, Object> yaml) {

    String name() {
        Object name = yaml.get("name");
        if (name != null) {
            return String.valueOf(name);
        }
        return uses() != null ? uses() : run().lines().findFirst().orElse("");
    }

    String id() {
        return (String) yaml.get("id");
    }

    String uses() {
        return (String) yaml.get("uses");
    }

    /** True when the step uses the action, whatever its version: {@code usesAction("actions/checkout")}. */
    boolean usesAction(String action) {
        return uses() != null && uses().startsWith(action + "@");
    }

    String run() {
        return (String) yaml.get("run");
    }

    Map<String, Object> with() {
        return YamlMaps.mapOrEmpty(yaml.get("with"));
    }

    Map<String, Object> env() {
        return YamlMaps.mapOrEmpty(yaml.get("env"));
    }

    String workingDirectory() {
        return (String) yaml.get("working-directory");
    }

    String condition() {
        return yaml.get("if") == null ? null : String.valueOf(yaml.get("if"));
    }

    @Override
    public String toString() {
        return name();
    }
}
