package com.scratch.deploy.workflows;

import java.util.List;

/**
 * What a {@link JobRehearsal} did: the step that failed (null when every step passed), every command the stand-ins
 * were given, in order, what the steps printed and what they wrote to the job's summary.
 */
record JobRun(String failedStep, int exitCode, String output, List<String> calls, String summary) {

    JobRun {
        calls = List.copyOf(calls);
    }

    boolean succeeded() {
        return failedStep == null;
    }

    /** The commands that start with the prefix, e.g. {@code "npx "}, in the order they ran. */
    List<String> callsStartingWith(String prefix) {
        return calls.stream().filter(call -> call.startsWith(prefix)).toList();
    }

    @Override
    public String toString() {
        return (succeeded() ? "passed" : "failed at '" + failedStep + "' (exit " + exitCode + ")")
                + "\ncalls:\n  " + String.join("\n  ", calls) + "\noutput:\n" + output;
    }
}
