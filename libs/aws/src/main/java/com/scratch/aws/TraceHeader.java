package com.scratch.aws;

import java.util.Objects;
import java.util.Optional;

/**
 * An X-Ray trace header, {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}: the
 * trace, the segment or subsegment the next one hangs from, and whether the trace is recorded. Lambda hands each
 * invocation the header of the function's segment (the runtime's {@code Lambda-Runtime-Trace-Id}, which
 * {@code Context.getXrayTraceId()} returns); the tracing puts one on each SDK request ({@code X-Amzn-Trace-Id}).
 *
 * @param root the trace id
 * @param parent the id of the segment or subsegment the next one hangs from; null in a header that names none (an
 *     unsampled one the tracing sends on)
 * @param sampled whether the trace is recorded: {@code Sampled=1} only, as the X-Ray SDK read it ({@code Sampled=?}
 *     asks the receiver to decide, which Lambda has done before handing the header over)
 */
record TraceHeader(String root, String parent, boolean sampled) {

    TraceHeader {
        Objects.requireNonNull(root, "root == null");
    }

    /**
     * The header's {@code Root}, {@code Parent} and {@code Sampled}, other keys ({@code Lineage}, {@code Self})
     * ignored; empty for null, or for a header without a root or a parent: there is nothing to hang a span from.
     */
    static Optional<TraceHeader> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String root = null;
        String parent = null;
        boolean sampled = false;
        for (String part : header.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            switch (key) {
                case "Root" -> root = value;
                case "Parent" -> parent = value;
                case "Sampled" -> sampled = value.equals("1");
                default -> {
                    // Lineage and the like: passed on by Lambda, nothing the tracing acts on
                }
            }
        }
        if (root == null || root.isEmpty() || parent == null || parent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TraceHeader(root, parent, sampled));
    }

    /** As X-Ray writes it: without {@code Parent} when there is none. */
    @Override
    public String toString() {
        return "Root=" + root + (parent == null ? "" : ";Parent=" + parent) + ";Sampled=" + (sampled ? "1" : "0");
    }
}
