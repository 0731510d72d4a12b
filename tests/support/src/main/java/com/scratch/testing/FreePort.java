package com.scratch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback TCP port nothing listens on, for a server a test starts on a port of its choosing (a child process, or
 * a server whose port is part of what is tested). Another process may take it before the test does: use port 0 where
 * the server can report the port it got.
 */
public final class FreePort {

    private FreePort() {
    }

    /** A port free on 127.0.0.1 at the time of the call. */
    public static int find() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
