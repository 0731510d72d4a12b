package com.scratch.emulators.internal;

/** Turns one received request into a reply; may throw {@link RejectedRequest} to answer with an error. */
@FunctionalInterface
public interface RequestHandler {

    HttpReply handle(ReceivedRequest request);
}
