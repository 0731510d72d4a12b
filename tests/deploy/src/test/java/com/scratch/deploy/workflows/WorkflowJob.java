package com.scratch.deploy.workflows;

import java.util.List;
import java.util.Map;

/** One job of a workflow: its steps, or the reusable workflow it calls ({@code uses}). */
record WorkflowJob(String id, Map<String, Object> yaml) {

    List<WorkflowStep> steps() {
        Object steps = yaml.get("steps");
        return steps == null ? List.of()
                : YamlMaps.list(steps, "steps of " + id).stream()
                        .map(step -> new WorkflowStep(YamlMaps.map(step, "a step of " + id))).toList();
    }

    /** The steps that run a command, in order. */
    List<WorkflowStep> runSteps() {
        return steps().stream().filter(step -> step.run() != null).toList();
    }

    /** The reusable workflow the job calls, or null. */
    String uses() {
        return (String) yaml.get("uses");
    }

    List<String> needs() {
        return YamlMaps.strings(yaml.get("needs"));
    }

    String condition() {
        return yaml.get("if") == null ? null : String.valueOf(yaml.get("if"));
    }

    Map<String, Object> env() {
        return YamlMaps.mapOrEmpty(yaml.get("env"));
    }

    Map<String, Object> permissions() {
        return YamlMaps.mapOrEmpty(yaml.get("permissions"));
    }

    Map<String, Object> concurrency() {
        return YamlMaps.mapOrEmpty(yaml.get("concurrency"));
    }

    /** {@code environment: name} or {@code environment: {name: ..., url: ...}}; null without one. */
    String environmentName() {
        Object environment = yaml.get("environment");
        if (environment instanceof Map<?, ?> map) {
            return String.valueOf(map.get("name"));
        }
        return environment == null ? null : String.valueOf(environment);
    }

    /** Every {@code run} script of the job, one after the other. */
    String scripts() {
        return String.join("\n", runSteps().stream().map(WorkflowStep::run).toList());
    }

    /** True when a step runs the command, e.g. {@code osls deploy}. */
    boolean runs(String command) {
        return runSteps().stream().anyMatch(step -> step.run().contains(command));
    }

    @Override
    public String toString() {
        return id;
    }
}
