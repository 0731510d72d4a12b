package com.scratch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.testing.LocalXRayDaemon;
import com.scratch.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XRayDaemonEmitterTest {

    /** A daemon that cannot be reached costs the function one log line per container, and never an exception. */
    @Test
    void aFailedSendIsLoggedOnceAndNeverThrown() {
        XRayDaemonEmitter emitter = XRayDaemonEmitter.open(new XRayDaemonAddress("127.0.0.1", 2000));
        emitter.close();
        byte[] document = "{}".getBytes(StandardCharsets.UTF_8);

        try (LogCapture logs = new LogCapture()) {
            emitter.send(document);
            emitter.send(document);
            emitter.send(document);

            assertThat(logs.text().split("Could not send a trace document", -1)).hasSize(2);
            assertThat(logs.text()).contains("127.0.0.1:2000").contains("SocketException");
        }
    }

    /**
     * A thread interrupted while it sends (a timeout in the handler's code) must not end the container's tracing: a
     * {@code DatagramChannel} would be closed for good by that, a {@code DatagramSocket} is not.
     */
    @Test
    void anInterruptedSenderDoesNotCloseTheSocket() {
        try (LocalXRayDaemon daemon = LocalXRayDaemon.start()) {
            XRayDaemonEmitter emitter = XRayDaemonEmitter.open(XRayDaemonAddress.parse(daemon.address()));
            try {
                Thread.currentThread().interrupt();
                emitter.send("{\"name\":\"first\"}".getBytes(StandardCharsets.UTF_8));
            } finally {
                Thread.interrupted();
            }
            emitter.send("{\"name\":\"second\"}".getBytes(StandardCharsets.UTF_8));
            emitter.close();

            assertThat(daemon.drain()).extracting(document -> document.path("name").asText())
                    .containsExactly("first", "second");
        }
    }

    @Test
    void aDocumentMayTakeADatagramLessTheHeaderLine() {
        assertThat(XRayDaemonEmitter.maxDocumentBytes() + XRayDaemonEmitter.HEADER_LINE.length())
                .isEqualTo(64 * 1024);
    }
}
