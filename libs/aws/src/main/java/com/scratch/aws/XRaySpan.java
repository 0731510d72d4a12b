package com.scratch.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One subsegment being recorded: what {@link XRaySegmentDocuments} writes once it ends. Mutable, and used by one
 * thread at a time (the invocation's, or the SDK call's), as X-Ray's own entities were.
 *
 * <p>An unsampled span ({@code Sampled=0}) records nothing and is never sent; it exists so that the calls made under
 * it still send the trace's id and decision on.
 */
final class XRaySpan {

    private final String traceId;
    private final String parentId;
    private final String id;
    private final String name;
    private final boolean sampled;
    private final Instant start;
    /** The span that was current on the thread before this one became current; null for none. */
    private final XRaySpan previous;
    private String namespace;
    private Instant end;
    private final Map<String, Object> annotations = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
    private final Map<String, Object> httpRequest = new LinkedHashMap<>();
    private final Map<String, Object> httpResponse = new LinkedHashMap<>();
    private final Map<String, Object> aws = new LinkedHashMap<>();
    private final List<XRayExceptionDescription> exceptions = new ArrayList<>();
    private boolean error;
    private boolean fault;
    private boolean throttle;

    XRaySpan(String traceId, String parentId, String id, String name, boolean sampled, Instant start,
            XRaySpan previous) {
        this.traceId = Objects.requireNonNull(traceId, "traceId == null");
        this.parentId = Objects.requireNonNull(parentId, "parentId == null");
        this.id = Objects.requireNonNull(id, "id == null");
        this.name = Objects.requireNonNull(name, "name == null");
        this.sampled = sampled;
        this.start = Objects.requireNonNull(start, "start == null");
        this.previous = previous;
    }

    /** The header a call made under this span sends on: this span as its parent, or no parent when unsampled. */
    TraceHeader header() {
        return new TraceHeader(traceId, sampled ? id : null, sampled);
    }

    String traceId() {
        return traceId;
    }

    String parentId() {
        return parentId;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    boolean sampled() {
        return sampled;
    }

    Instant start() {
        return start;
    }

    XRaySpan previous() {
        return previous;
    }

    String namespace() {
        return namespace;
    }

    void namespace(String namespace) {
        this.namespace = namespace;
    }

    Instant end() {
        return end;
    }

    void end(Instant end) {
        this.end = end;
    }

    Map<String, Object> annotations() {
        return annotations;
    }

    Map<String, Map<String, Object>> metadata() {
        return metadata;
    }

    void putMetadata(String namespace, String key, Object value) {
        metadata.computeIfAbsent(namespace, ignored -> new LinkedHashMap<>()).put(key, value);
    }

    Map<String, Object> httpRequest() {
        return httpRequest;
    }

    Map<String, Object> httpResponse() {
        return httpResponse;
    }

    Map<String, Object> aws() {
        return aws;
    }

    List<XRayExceptionDescription> exceptions() {
        return exceptions;
    }

    boolean error() {
        return error;
    }

    boolean fault() {
        return fault;
    }

    boolean throttle() {
        return throttle;
    }

    /**
     * Marks the span as X-Ray marks an HTTP call by its answer: 429 a throttle and an error, any other 4xx an error
     * (the caller's), 5xx a fault (the remote's); no answer but a failure, a fault (the way there).
     *
     * @param status the HTTP status; null when there was no answer
     * @param failed whether the call threw
     */
    void markByStatus(Integer status, boolean failed) {
        boolean answered = status != null;
        boolean clientError = answered && status >= 400 && status < 500;
        throttle = answered && status == 429;
        error = clientError;
        fault = !clientError && (answered && status >= 500 || failed);
    }

    /** A throttle whatever the status said (a throttling error code on a 400): an error, not a fault. */
    void markThrottled() {
        throttle = true;
        error = true;
        fault = false;
    }
}
