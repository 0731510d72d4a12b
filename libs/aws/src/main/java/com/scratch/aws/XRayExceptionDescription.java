package com.scratch.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One exception of a subsegment's {@code cause}, as X-Ray describes it: an id, the message, the type, whether the
 * remote side raised it, the innermost frames of its stack, and the id of the exception that caused it.
 *
 * @param id 64-bit hex, what {@code cause} of the exception it caused names
 * @param message the throwable's message, or the caller's in its place; null when there is none
 * @param type the throwable's class name
 * @param remote whether the remote service answered with it (an SDK service exception), rather than it being raised here
 * @param stack at most {@link #MAX_STACK_FRAMES} frames, innermost first
 * @param truncated how many frames were left out
 * @param causeId the id of the description of this throwable's cause; null for none
 */
record XRayExceptionDescription(String id, String message, String type, boolean remote,
        List<StackTraceElement> stack, int truncated, String causeId) {

    /** As the X-Ray SDK's default: enough to find the failing call, small enough for a datagram. */
    static final int MAX_STACK_FRAMES = 50;
    /** A loop of causes, or a chain no one will read to its end, stops here. */
    static final int MAX_CAUSES = 10;

    XRayExceptionDescription {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(type, "type == null");
        stack = List.copyOf(stack);
    }

    /** {@code thrown} and its causes, each linked to the next by {@code causeId}. */
    static List<XRayExceptionDescription> describe(Throwable thrown, boolean remote) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable each = thrown; each != null && chain.size() < MAX_CAUSES && !chain.contains(each);
                each = each.getCause()) {
            chain.add(each);
        }
        List<String> ids = chain.stream().map(ignored -> XRayIds.newId()).toList();
        List<XRayExceptionDescription> described = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            Throwable each = chain.get(i);
            described.add(of(ids.get(i), each, each.getMessage(), i == 0 && remote,
                    i + 1 < chain.size() ? ids.get(i + 1) : null));
        }
        return described;
    }

    /** {@code thrown} alone, with {@code message} in place of its own. */
    static XRayExceptionDescription withMessage(Throwable thrown, String message) {
        return of(XRayIds.newId(), thrown, message, false, null);
    }

    private static XRayExceptionDescription of(String id, Throwable thrown, String message, boolean remote,
            String causeId) {
        StackTraceElement[] frames = thrown.getStackTrace();
        int kept = Math.min(frames.length, MAX_STACK_FRAMES);
        return new XRayExceptionDescription(id, message, thrown.getClass().getName(), remote,
                List.of(frames).subList(0, kept), frames.length - kept, causeId);
    }

    /** Without the stack: for a document that would not fit in a datagram with it. */
    XRayExceptionDescription withoutStack() {
        return new XRayExceptionDescription(id, message, type, remote, List.of(), truncated + stack.size(), causeId);
    }
}
