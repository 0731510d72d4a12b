package com.scratch.testing;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.FacadeSegment;
import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.entities.TraceID;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The X-Ray daemon a function under test sends its trace to, and Lambda's runtime's part in that trace. A UDP socket
 * on a free loopback port stands for the daemon: give the function {@code AWS_XRAY_DAEMON_ADDRESS} =
 * {@link #address()}. {@link #invoke} runs one handler call as Lambda's runtime runs it, inside a facade segment for a
 * fresh trace id and segment id (the function cannot write to it and never sends it; outside Lambda nothing else
 * opens one), and returns what the function sent for it. Every datagram received stays in {@link #datagrams()}, to
 * search what the traces hold.
 *
 * <pre>{@code
 * try (LocalXRayDaemon daemon = LocalXRayDaemon.start()) {
 *     BillingHandler handler = new BillingHandler(Map.of(..., "AWS_XRAY_DAEMON_ADDRESS", daemon.address()));
 *     LocalXRayDaemon.Invocation<APIGatewayProxyResponseEvent> purchase =
 *             daemon.invoke(() -> handler.handleRequest(event, null));
 *     JsonNode stripe = purchase.single("Stripe");
 * }
 * }</pre>
 *
 * <p>The caller declares {@code aws-xray-recorder-sdk-core} and {@code jackson-databind} (libs/aws brings both);
 * this module does not pass them on.
 */
public final class LocalXRayDaemon implements AutoCloseable {

    /** The first line of every datagram the X-Ray SDK sends; a segment or subsegment document follows it. */
    static final String HEADER = "{\"format\":\"json\",\"version\":1}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatagramSocket socket;
    /** Stands for Lambda's runtime, the creator of each invocation's facade segment. */
    private final AWSXRayRecorder runtime = AWSXRayRecorderBuilder.standard().build();
    private final List<String> datagrams = new CopyOnWriteArrayList<>();

    private LocalXRayDaemon(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Listens on a free loopback port. */
    public static LocalXRayDaemon start() {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            // The SDK sends each document as its subsegment ends, on the function's thread: all of an invocation's
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
     * One invocation as Lambda's runtime makes it: the thread's segment a facade for a new trace, then the handler,
     * then the facade gone. What the handler throws is caught and returned with what was sent.
     */
    public <T> Invocation<T> invoke(Supplier<T> handler) {
        TraceID traceId = TraceID.create();
        String segmentId = runtime.getIdGenerator().newEntityId();
        ThreadLocalStorage.set(new FacadeSegment(runtime, traceId, segmentId, TraceHeader.SampleDecision.SAMPLED));
        T result = null;
        RuntimeException thrown = null;
        try {
            result = handler.get();
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            ThreadLocalStorage.clear();
        }
        return new Invocation<>(traceId.toString(), segmentId, result, thrown, drain());
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
     * One invocation: its trace, the id of the runtime's segment its spans hang from, what the handler returned or
     * threw, and every entity the function sent for it, nested ones flattened.
     */
    public record Invocation<T>(String traceId, String segmentId, T result, RuntimeException thrown,
            List<JsonNode> trace) {

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
