package com.scratch.logbench;

/** The exception every main logs: a cause under it, so a stack trace has several lines and a "Caused by". */
final class Failures {

    private Failures() {
    }

    static RuntimeException publishFailed() {
        try {
            throw new java.io.IOException("Connection reset by sns.us-east-1");
        } catch (java.io.IOException cause) {
            return new IllegalStateException("SNS Publish failed after 3 attempts", cause);
        }
    }
}
