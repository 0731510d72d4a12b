package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void aServerCanListenOnThePortOnLoopback() throws Exception {
        // given
        int port = FreePort.find();

        // when
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {

            // then
            assertThat(port).isBetween(1, 65535);
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }
}
