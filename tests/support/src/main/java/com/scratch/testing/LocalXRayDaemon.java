package com.scratch.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The X-Ray daemon a function under test sends its trace to, and Lambda's runtime's part in that trace. A UDP socket
 * on a free loopback port stands for the daemon: give the function {@code AWS_XRAY_DAEMON_ADDRESS} =
 * {@link #address()}. {@link #invoke} runs one handler call as Lambda's runtime runs it: with a {@code Context} whose
 * {@code getXrayTraceId()} is the trace header of the function's segment in a fresh trace ({@code Root} a new trace
 * id, {@code Parent} a new segment id, {@code Sampled=1}; Lambda records that segment itself, the function never
 * sends it), and returns what the function sent for it. Every datagram received stays in {@link #datagrams()}, to
 * search what the traces hold.
 *
 * <pre>{@code
 * try (LocalXRayDaemon daemon = LocalXRayDaemon.start()) {
 *     BillingHandler handler = new BillingHandler(Map.of(..., "AWS_XRAY_DAEMON_ADDRESS", daemon.address()));
 *     LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> purchase =
 *             daemon.invoke(context -> LambdaEvents.callProxy(handler, event, context));
 *     JsonNode stripe = purchase.single("Stripe");
 * }
 * }</pre>
 *
 * <p>The caller declares {@code jackson-databind} and {@code aws-lambda-java-core}; this module does not pass them on.
 */
public final class LocalXRayDaemon implements AutoCloseable {

    /** The first line of every datagram to the daemon (spaces aside); a segment or subsegment document follows it. */
    static final String HEADER = "{\"format\":\"json\",\"version\":1}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatagramSocket socket;
    private final List<String> datagrams = new CopyOnWriteArrayList<>();

    private LocalXRayDaemon(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Listens on a free loopback port. */
    public static LocalXRayDaemon start() {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            // The tracing sends each document as its span ends, on the function's thread: all of an invocation's
            // are queued here when the handler returns, and a short quiet means there is no more.
            socket.setSoTimeout(300);
            return new LocalXRayDaemon(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code AWS_XRAY_DAEMON_ADDRESS} must say for the function to send here. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /**
     * One invocation as Lambda's runtime makes it: the handler called with a {@code Context} carrying the trace header
     * of a new trace, sampled. What the handler throws is caught and returned with what was sent.
     */
    public <T> Invocation<T> invoke(Function<Context, T> handler) {
        return invoke(true, handler);
    }

    /**
     * The same in a trace sampled out ({@code Sampled=0}): Lambda records nothing of it, and neither may the function.
     */
    public <T> Invocation<T> invokeSampledOut(Function<Context, T> handler) {
        return invoke(false, handler);
    }

    private <T> Invocation<T> invoke(boolean sampled, Function<Context, T> handler) {
        String traceId = newTraceId();
        String segmentId = newId();
        String header = traceHeader(traceId, segmentId, sampled);
        T result = null;
        RuntimeException thrown = null;
        try {
            result = handler.apply(new TestLambdaContext("function", UUID.randomUUID().toString(), header));
        } catch (RuntimeException e) {
            thrown = e;
        }
        return new Invocation<>(traceId, segmentId, header, result, thrown, drain());
    }

    /** A trace header as Lambda's runtime hands one to a function: the trace, the function's segment, the decision. */
    public static String traceHeader(String traceId, String segmentId, boolean sampled) {
        return "Root=" + traceId + ";Parent=" + segmentId + ";Sampled=" + (sampled ? "1" : "0");
    }

    /** A new X-Ray trace id: version 1, the epoch second in 8 hex digits, 96 random bits. */
    public static String newTraceId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "1-" + String.format("%08x", Instant.now().getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }

    /** A new segment or subsegment id: 64 random bits in 16 hex digits. */
    public static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * Every entity received until nothing more comes for a moment, each subsegment on its own (the ones nested in a
     * document flattened out of it) with the trace id of its document and, when nested, its parent's id as
     * {@code parent_id}.
     */
    public List<JsonNode> drain() {
        List<JsonNode> entities = new ArrayList<>();
        byte[] buffer = new byte[65_536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return entities;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            datagrams.add(datagram);
            int newline = datagram.indexOf('\n');
            if (newline < 0 || !datagram.substring(0, newline).replace(" ", "").equals(HEADER)) {
                throw new IllegalStateException("Not an X-Ray daemon datagram: " + datagram);
            }
            try {
                JsonNode document = JSON.readTree(datagram.substring(newline + 1));
                flatten(document, document.path("trace_id").asText(), null, entities);
            } catch (IOException e) {
                throw new UncheckedIOException("Not a JSON document: " + datagram, e);
            }
        }
    }

    /** Every datagram received so far, as sent: the header line and the document. */
    public List<String> datagrams() {
        return List.copyOf(datagrams);
    }

    private static void flatten(JsonNode entity, String traceId, String parentId, List<JsonNode> into) {
        ObjectNode copy = entity.deepCopy();
        copy.remove("subsegments");
        if (!copy.has("trace_id")) {
            copy.put("trace_id", traceId);
        }
        if (!copy.has("parent_id") && parentId != null) {
            copy.put("parent_id", parentId);
        }
        into.add(copy);
        entity.path("subsegments").forEach(child -> flatten(child, traceId, entity.path("id").asText(), into));
    }

    @Override
    public void close() {
        socket.close();
    }

    /**
     * One invocation: its trace, the id of the runtime's segment its spans hang from, the trace header the handler was
     * given, what the handler returned or threw, and every entity the function sent for it, nested ones flattened.
     */
    public record Invocation<T>(String traceId, String segmentId, String traceHeader, T result,
            RuntimeException thrown, List<JsonNode> trace) {

        /** The entities named {@code name} ({@code Stripe}, {@code Sns}, {@code ## handleRequest}). */
        public List<JsonNode> named(String name) {
            return trace.stream().filter(entity -> name.equals(entity.path("name").asText())).toList();
        }

        /** The one entity named {@code name}; an {@link AssertionError} naming what was sent if there is not one. */
        public JsonNode single(String name) {
            List<JsonNode> named = named(name);
            if (named.size() != 1) {
                throw new AssertionError(named.size() + " entities named " + name + " among " + names());
            }
            return named.get(0);
        }

        /** The names of the entities sent, in the order received. */
        public List<String> names() {
            return trace.stream().map(entity -> entity.path("name").asText()).toList();
        }

        /** The {@code aws.operation} of each SDK call to {@code service} ({@code Sns}: {@code Publish}). */
        public List<String> operations(String service) {
            return named(service).stream().map(entity -> entity.at("/aws/operation").asText()).toList();
        }
    }
}
