package com.scratch.sandbox.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Lambda's part in the trace of a function with active tracing, for one function: each invocation continues the
 * trace of the header it was invoked with (an SNS delivery passes on the publisher's), or starts one when there is
 * none, in a segment Lambda records for the function; the function gets the header of that segment
 * ({@code Root} the trace, {@code Parent} the segment), under which its own spans hang. Lambda sends its segments to
 * X-Ray itself; here they go to the function's {@code AWS_XRAY_DAEMON_ADDRESS}, next to what the function sends.
 *
 * <p>Lambda records two segments, one for its service (the queue and each attempt) and one for the function, the
 * second a child of the first; the stand-in records the function's only, as a child of what the upstream header
 * names. Thread-safe.
 */
final class LambdaTracing implements AutoCloseable {

    static final String DAEMON_ADDRESS_VARIABLE = "AWS_XRAY_DAEMON_ADDRESS";
    /** The first line of every datagram to the X-Ray daemon; a segment document follows it. */
    private static final String DAEMON_HEADER = "{\"format\": \"json\", \"version\": 1}\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String functionName;
    private final InetSocketAddress daemon;
    private final DatagramSocket socket;

    private LambdaTracing(String functionName, InetSocketAddress daemon, DatagramSocket socket) {
        this.functionName = functionName;
        this.daemon = daemon;
        this.socket = socket;
    }

    /** The function's tracing when its environment names a daemon, as Lambda sets it with active tracing; else empty. */
    static Optional<LambdaTracing> of(FunctionSpec spec) {
        String address = spec.environment().get(DAEMON_ADDRESS_VARIABLE);
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        int colon = address.lastIndexOf(':');
        InetSocketAddress daemon = new InetSocketAddress(address.substring(0, colon).strip(),
                Integer.parseInt(address.substring(colon + 1).strip()));
        try {
            return Optional.of(new LambdaTracing(spec.name(), daemon, new DatagramSocket()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a UDP socket to send " + spec.name() + "'s segments", e);
        }
    }

    /**
     * Begins an invocation's segment: in the upstream header's trace, under its parent, when there is a header; in a
     * new trace otherwise, as Lambda starts one for a caller that sent none.
     *
     * @param upstreamHeader the {@code X-Amzn-Trace-Id} the invocation came with; null when it came with none
     */
    Segment begin(String upstreamHeader) {
        Optional<TraceHeader> upstream = TraceHeader.parse(upstreamHeader);
        String root = upstream.map(TraceHeader::root).orElseGet(LambdaTracing::newTraceId);
        String parent = upstream.map(TraceHeader::parent).orElse(null);
        boolean sampled = upstream.map(TraceHeader::sampled).orElse(true);
        return new Segment(new TraceHeader(root, newSegmentId(), sampled), parent, Instant.now());
    }

    /** Ends the segment and sends it to the daemon, unless its trace is not sampled. */
    void end(Segment segment) {
        if (!segment.functionHeader().sampled()) {
            return;
        }
        Instant ended = Instant.now();
        ObjectNode document = JSON.createObjectNode()
                .put("name", functionName)
                .put("id", segment.functionHeader().parent())
                .put("trace_id", segment.functionHeader().root())
                .put("start_time", seconds(segment.started()))
                .put("end_time", seconds(ended))
                .put("origin", "AWS::Lambda::Function");
        if (segment.parentId() != null) {
            document.put("parent_id", segment.parentId());
        }
        byte[] datagram = (DAEMON_HEADER + document).getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, daemon));
        } catch (IOException e) {
            // As the X-Ray SDK does: a trace that cannot be sent never fails the invocation.
        }
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    /** A new X-Ray trace id: version 1, the epoch second in hex, 96 random bits. */
    private static String newTraceId() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "1-" + String.format("%08x", Instant.now().getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }

    private static String newSegmentId() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        socket.close();
    }

    /**
     * One invocation's segment.
     *
     * @param functionHeader what the function is invoked with: the trace, this segment as {@code Parent}, the
     *     sampling decision
     * @param parentId the segment or subsegment upstream that this one hangs from; null at the start of a trace
     * @param started when Lambda began the invocation
     */
    record Segment(TraceHeader functionHeader, String parentId, Instant started) {

        Segment {
            Objects.requireNonNull(functionHeader, "functionHeader == null");
            Objects.requireNonNull(started, "started == null");
        }
    }
}
