package com.scratch.aws;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the X-Ray daemon takes segment documents: the UDP address of {@code AWS_XRAY_DAEMON_ADDRESS}, in either form
 * the X-Ray SDK accepted, {@code host:port} (both protocols on one address) or {@code tcp:host:port udp:host:port}
 * (in either order). The TCP address is where the SDK fetched centralized sampling rules; this tracing never does
 * (Lambda samples before the function runs), so it is checked and then not used.
 *
 * @param host the host name or IP literal, unresolved until the first send
 * @param port 1 to 65535
 */
record XRayDaemonAddress(String host, int port) {

    static final String VARIABLE = "AWS_XRAY_DAEMON_ADDRESS";
    /** Where Lambda's daemon and a local one listen when nothing says otherwise, as in the X-Ray SDK. */
    static final XRayDaemonAddress DEFAULT = new XRayDaemonAddress("127.0.0.1", 2000);

    XRayDaemonAddress {
        Objects.requireNonNull(host, "host == null");
    }

    /** {@link #DEFAULT} for null or blank; else the address, or an {@link InvalidDaemonAddressException}. */
    static XRayDaemonAddress parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String[] parts = value.strip().split("\\s+");
        if (parts.length == 1) {
            String lower = parts[0].toLowerCase(Locale.ROOT);
            if (lower.startsWith("tcp:") || lower.startsWith("udp:")) {
                throw new InvalidDaemonAddressException(VARIABLE, value, "a tcp: or udp: address comes with the other");
            }
            return hostAndPort(value, parts[0]);
        }
        if (parts.length != 2) {
            throw new InvalidDaemonAddressException(VARIABLE, value, "more than two addresses");
        }
        XRayDaemonAddress udp = null;
        boolean tcp = false;
        for (String part : parts) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.startsWith("udp:") && udp == null) {
                udp = hostAndPort(value, part.substring(4));
            } else if (lower.startsWith("tcp:") && !tcp) {
                hostAndPort(value, part.substring(4));
                tcp = true;
            } else {
                throw new InvalidDaemonAddressException(VARIABLE, value,
                        "two addresses must be one tcp: and one udp:");
            }
        }
        return udp;
    }

    private static XRayDaemonAddress hostAndPort(String value, String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new InvalidDaemonAddressException(VARIABLE, value, "no host and port");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidDaemonAddressException(VARIABLE, value, "the port is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw new InvalidDaemonAddressException(VARIABLE, value, "the port is not between 1 and 65535");
        }
        return new XRayDaemonAddress(host, port);
    }

    /** The socket address to send to, resolved now (an IP literal resolves without a lookup). */
    InetSocketAddress resolve() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
