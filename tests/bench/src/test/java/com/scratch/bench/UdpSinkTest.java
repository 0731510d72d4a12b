package com.scratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class UdpSinkTest {

    @Test
    void countsTheDatagramsSentToItsAddress() throws Exception {
        try (UdpSink sink = UdpSink.start(); DatagramSocket client = new DatagramSocket()) {
            // given
            assertThat(sink.address()).matches("127\\.0\\.0\\.1:[0-9]+");
            int port = Integer.parseInt(sink.address().substring(sink.address().indexOf(':') + 1));

            // when
            for (int i = 0; i < 3; i++) {
                byte[] segment = ("{\"format\":\"json\",\"version\":1}\n{\"id\":\"" + i + "\"}").getBytes();
                client.send(new DatagramPacket(segment, segment.length, InetAddress.getLoopbackAddress(), port));
            }

            // then (waits for the receiving thread; asserts nothing about how long it took)
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (sink.datagrams() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sink.datagrams()).isEqualTo(3);
        }
    }

    @Test
    void keepsTheFirstDatagramsAsText() throws Exception {
        try (UdpSink sink = UdpSink.start(2); DatagramSocket client = new DatagramSocket()) {
            // given
            int port = Integer.parseInt(sink.address().substring(sink.address().indexOf(':') + 1));

            // when
            for (int i = 0; i < 3; i++) {
                byte[] segment = ("segment " + i).getBytes();
                client.send(new DatagramPacket(segment, segment.length, InetAddress.getLoopbackAddress(), port));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (sink.datagrams() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            sink.close();

            // then
            assertThat(sink.datagrams()).isEqualTo(3);
            assertThat(sink.kept()).containsExactly("segment 0", "segment 1");
        }
    }
}
