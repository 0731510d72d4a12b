package com.scratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocalXRayDaemonTest {

    private static final String HEADER_LINE = "{\"format\": \"json\", \"version\": 1}\n";

    @Test
    void anInvocationGetsTheTraceHeaderOfANewTraceAndWhatWasSentForItFlattened() throws Exception {
        try (LocalXRayDaemon daemon = LocalXRayDaemon.start(); DatagramSocket function = new DatagramSocket()) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(daemon.address().substring(daemon.address().lastIndexOf(':') + 1)));

            // when: a function that sends its span under the header's parent, once with the call nested in it and
            // once on its own
            LocalXRayDaemon.Invocation<String> invocation = daemon.invoke(context -> {
                String header = context.getXrayTraceId();
                String root = part(header, "Root");
                send(function, to, "{\"type\":\"subsegment\",\"trace_id\":\"" + root + "\",\"parent_id\":\"0000000000000a11\","
                        + "\"id\":\"00000000000000b2\",\"name\":\"Ssm\"}");
                send(function, to, "{\"type\":\"subsegment\",\"trace_id\":\"" + root + "\",\"parent_id\":\""
                        + part(header, "Parent") + "\",\"id\":\"0000000000000a11\",\"name\":\"## handleRequest\","
                        + "\"subsegments\":[{\"id\":\"00000000000000c3\",\"name\":\"Sns\"}]}");
                return "done";
            });
            LocalXRayDaemon.Invocation<String> failed = daemon.invoke(context -> {
                throw new IllegalStateException("boom");
            });
            LocalXRayDaemon.Invocation<String> sampledOut = daemon.invokeSampledOut(context -> context.getXrayTraceId());

            // then
            assertThat(invocation.result()).isEqualTo("done");
            assertThat(invocation.thrown()).isNull();
            assertThat(invocation.traceHeader()).isEqualTo(
                    "Root=" + invocation.traceId() + ";Parent=" + invocation.segmentId() + ";Sampled=1");
            assertThat(invocation.traceId()).matches("1-[0-9a-f]{8}-[0-9a-f]{24}");
            assertThat(invocation.segmentId()).matches("[0-9a-f]{16}");
            assertThat(invocation.names()).containsExactly("Ssm", "## handleRequest", "Sns");
            assertThat(invocation.single("## handleRequest").path("parent_id").asText())
                    .isEqualTo(invocation.segmentId());
            assertThat(invocation.single("Sns").path("parent_id").asText()).as("nested: its parent's id")
                    .isEqualTo("0000000000000a11");
            assertThat(invocation.single("Ssm").path("parent_id").asText()).isEqualTo("0000000000000a11");
            assertThat(invocation.trace()).allSatisfy(
                    entity -> assertThat(entity.path("trace_id").asText()).isEqualTo(invocation.traceId()));
            assertThat(failed.thrown()).hasMessage("boom");
            assertThat(failed.trace()).isEmpty();
            assertThat(failed.traceId()).isNotEqualTo(invocation.traceId());
            assertThat(sampledOut.result()).endsWith(";Sampled=0").startsWith("Root=" + sampledOut.traceId());
            assertThat(daemon.datagrams()).hasSize(2).allSatisfy(
                    datagram -> assertThat(datagram).startsWith(HEADER_LINE));
        }
    }

    private static String part(String header, String key) {
        for (String part : header.split(";")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new AssertionError(key + " not in " + header);
    }

    private static void send(DatagramSocket socket, InetSocketAddress to, String document) {
        byte[] datagram = (HEADER_LINE + document).getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
