package com.scratch.emulators.internal;

import java.util.Objects;

/**
 * Thrown deep inside an emulator's request handling to stop and answer with an error reply at once,
 * so that validation code reads top to bottom instead of threading error results through every call.
 */
public final class RejectedRequest extends RuntimeException {

    private final transient HttpReply reply;

    public RejectedRequest(HttpReply reply) {
        // No stack trace: this is control flow for an expected answer, not a bug.
        super("HTTP " + Objects.requireNonNull(reply, "reply == null").status(), null, false, false);
        this.reply = reply;
    }

    public HttpReply reply() {
        return reply;
    }
}
