package com.scratch.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends segment documents to the X-Ray daemon, one UDP datagram each: the daemon's header line
 * ({@value #HEADER_LINE}), then the document. One socket per tracing, opened when it is built (once per container);
 * thread-safe ({@link DatagramSocket#send} is). A socket rather than a {@code DatagramChannel}: a channel is closed for
 * good when a thread is interrupted while sending on it, which would end the container's tracing in silence.
 *
 * <p>Sending never fails the function: a trace is worth less than the invocation it describes. The first failure of
 * a container is logged, later ones are dropped in silence (a daemon that is gone stays gone, and a line per call
 * would drown the function's own logs).
 */
final class XRayDaemonEmitter implements AutoCloseable {

    static final String HEADER_LINE = "{\"format\": \"json\", \"version\": 1}\n";
    /** The daemon reads datagrams of at most 64 KB, header line included. */
    static final int MAX_DATAGRAM_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(XRayDaemonEmitter.class);
    private static final byte[] HEADER = HEADER_LINE.getBytes(StandardCharsets.UTF_8);

    private final XRayDaemonAddress address;
    private final DatagramSocket socket;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    /** Resolved at the first send, not at init: a host name would cost a lookup in every cold start. */
    private volatile SocketAddress target;

    private XRayDaemonEmitter(XRayDaemonAddress address, DatagramSocket socket) {
        this.address = address;
        this.socket = socket;
    }

    static XRayDaemonEmitter open(XRayDaemonAddress address) {
        try {
            return new XRayDaemonEmitter(address, new DatagramSocket());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a UDP socket to the X-Ray daemon at " + address, e);
        }
    }

    /** The most a document may take: a datagram less the header line. */
    static int maxDocumentBytes() {
        return MAX_DATAGRAM_BYTES - HEADER.length;
    }

    /** Sends one document (UTF-8 JSON, at most {@link #maxDocumentBytes()}); never throws for the network's sake. */
    void send(byte[] document) {
        byte[] datagram = new byte[HEADER.length + document.length];
        System.arraycopy(HEADER, 0, datagram, 0, HEADER.length);
        System.arraycopy(document, 0, datagram, HEADER.length, document.length);
        try {
            SocketAddress to = target;
            if (to == null) {
                InetSocketAddress resolved = address.resolve();
                if (resolved.isUnresolved()) {
                    throw new IOException("cannot resolve " + address.host());
                }
                target = to = resolved;
            }
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException | RuntimeException e) {
            dropped(e);
        }
    }

    /** A document that could not be sent, said once per container. */
    void dropped(Exception reason) {
        if (failureLogged.compareAndSet(false, true)) {
            log.warn("Could not send a trace document to the X-Ray daemon at {}; this and later failures are dropped"
                    + " without a word, the function goes on", address, reason);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
