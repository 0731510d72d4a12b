package com.scratch.aws;

/**
 * A traced call was made with no trace open on its thread (no invocation span, or an invocation without a usable
 * trace header), and {@code AWS_XRAY_CONTEXT_MISSING=RUNTIME_ERROR} asks for that to fail, as the X-Ray SDK's
 * strategy of that name did: for tests that must prove every call is inside a trace.
 */
public final class TraceContextMissingException extends IllegalStateException {

    TraceContextMissingException(String what) {
        super("No trace is open on this thread for " + what + " (AWS_XRAY_CONTEXT_MISSING=RUNTIME_ERROR)");
    }
}
