package com.scratch.sandbox.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * An X-Ray trace header, {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}: the
 * trace, the segment or subsegment the next one hangs from, and whether the trace is recorded. Callers send it as
 * {@code X-Amzn-Trace-Id}; Lambda hands a function the one of its invocation.
 *
 * @param root the trace id
 * @param parent the id of the parent segment or subsegment; null when there is none
 * @param sampled whether the trace is recorded ({@code Sampled=1})
 */
record TraceHeader(String root, String parent, boolean sampled) {

    TraceHeader {
        Objects.requireNonNull(root, "root == null");
    }

    /**
     * The header's {@code Root}, {@code Parent} and {@code Sampled}, other keys ignored; empty for null or a header
     * without a root. A header without {@code Sampled} counts as sampled: the upstream decided to pass it on.
     */
    static Optional<TraceHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String root = null;
        String parent = null;
        boolean sampled = true;
        for (String part : header.split(";")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length < 2) {
                continue;
            }
            switch (pair[0]) {
                case "Root" -> root = pair[1];
                case "Parent" -> parent = pair[1];
                case "Sampled" -> sampled = !pair[1].equals("0");
                default -> {
                    // Lineage and the like: nothing the stand-in acts on
                }
            }
        }
        return root == null || root.isEmpty() ? Optional.empty() : Optional.of(new TraceHeader(root, parent, sampled));
    }

    @Override
    public String toString() {
        return "Root=" + root + (parent == null ? "" : ";Parent=" + parent) + ";Sampled=" + (sampled ? "1" : "0");
    }
}
