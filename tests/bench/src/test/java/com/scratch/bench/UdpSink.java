package com.scratch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An X-Ray daemon for benchmarks that send many thousands of segments: it counts what it receives and keeps up to
 * {@code keep} datagrams, as text, to be read once it is closed ({@code LocalXRayDaemon}, for the tests, keeps every
 * datagram in a list that is copied on each write, which a long run cannot afford).
 */
final class UdpSink implements AutoCloseable {

    private final DatagramSocket socket;
    private final int keep;
    private final AtomicLong datagrams = new AtomicLong();
    /** Written by the receiving thread only, read after {@link #close()} has joined it. */
    private final List<String> kept = new ArrayList<>();
    private final Thread receiver;

    private UdpSink(DatagramSocket socket, int keep) {
        this.socket = socket;
        this.keep = keep;
        this.receiver = new Thread(this::receive, "udp-sink");
        receiver.setDaemon(true);
        receiver.start();
    }

    /** Listens on a free loopback port; keeps nothing. */
    static UdpSink start() {
        return start(0);
    }

    /** Listens on a free loopback port; keeps the first {@code keep} datagrams. */
    static UdpSink start(int keep) {
        try {
            return new UdpSink(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), keep);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:PORT}, as {@code AWS_XRAY_DAEMON_ADDRESS} takes it. */
    String address() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    long datagrams() {
        return datagrams.get();
    }

    /** The datagrams kept, in arrival order; call after {@link #close()}. */
    List<String> kept() {
        if (receiver.isAlive()) {
            throw new IllegalStateException("Still receiving: close it first");
        }
        return List.copyOf(kept);
    }

    private void receive() {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
                datagrams.incrementAndGet();
                if (kept.size() < keep) {
                    kept.add(new String(packet.getData(), packet.getOffset(), packet.getLength(),
                            StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
