package com.scratch.emulators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scratch.emulators.internal.EmulatorServer.Connections;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EmulatorServerTest {

    private enum Fault { BUSY, BROKEN }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsOnTheRequestedPortAndAnswersWithTheHandlersReply() throws Exception {
        // given
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        // when
        try (EmulatorServer<Fault, String> server = EmulatorServer.start("test", port, Connections.KEEP_ALIVE,
                Function.identity(),
                request -> HttpReply.of(201, "text/plain", request.method() + " " + request.path() + "?" + request.query())
                        .withHeader("X-Seen", request.header("x-custom")))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/a/b?c=d"))
                    .header("X-Custom", "yes").GET().build(), HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("GET /a/b?c=d");
            assertThat(response.headers().firstValue("X-Seen")).contains("yes");
            assertThat(response.headers().firstValue("Connection")).isEmpty();
        }
    }

    @Test
    void rejectedRequestsAnswerWithTheirReplyAndBugsWithA500() throws Exception {
        // given
        try (EmulatorServer<Fault, String> server = EmulatorServer.start("test", 0, Connections.CLOSE,
                Function.identity(), request -> {
                    if (request.path().equals("/reject")) {
                        throw new RejectedRequest(HttpReply.of(418, "text/plain", "teapot"));
                    }
                    throw new IllegalStateException("bug");
                })) {
            // when
            HttpResponse<String> rejected = get(server, "/reject");
            HttpResponse<String> failed = get(server, "/bug");

            // then
            assertThat(rejected.statusCode()).isEqualTo(418);
            assertThat(rejected.body()).isEqualTo("teapot");
            assertThat(rejected.headers().firstValue("Connection")).contains("close");
            assertThat(failed.statusCode()).isEqualTo(500);
        }
    }

    @Test
    void servesQueuedFaultsInOrderAndRecordsEveryRequest() throws Exception {
        // given
        try (EmulatorServer<Fault, String> server = recordingServer()) {
            server.failNext(1, Fault.BUSY);
            server.failNext(1, Fault.BROKEN);

            // when
            HttpResponse<String> first = get(server, "/one");
            HttpResponse<String> second = get(server, "/two");
            HttpResponse<String> third = get(server, "/one");

            // then
            assertThat(first.body()).isEqualTo("fault BUSY");
            assertThat(second.body()).isEqualTo("fault BROKEN");
            assertThat(third.body()).isEqualTo("ok /one");
            assertThat(server.received()).containsExactly("/one", "/two", "/one");
            assertThat(server.count("/one")).isEqualTo(2);
            assertThat(server.count("/three")).isZero();
        }
    }

    @Test
    void resetForgetsRecordedRequestsQueuedFaultsAndTheDelay() throws Exception {
        // given
        try (EmulatorServer<Fault, String> server = recordingServer()) {
            get(server, "/one");
            server.failNext(3, Fault.BUSY);
            server.delayResponses(Duration.ofMinutes(5));

            // when
            server.reset();
            HttpResponse<String> answer = get(server, "/two");

            // then (a delay left in place would outlast the client's timeout)
            assertThat(answer.body()).isEqualTo("ok /two");
            assertThat(server.received()).containsExactly("/two");
            assertThat(server.count("/one")).isZero();
        }
    }

    @Test
    void refusesANegativeDelayAndANegativeFaultCount() {
        try (EmulatorServer<Fault, String> server = recordingServer()) {
            assertThatThrownBy(() -> server.delayResponses(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> server.failNext(-1, Fault.BUSY)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static EmulatorServer<Fault, String> recordingServer() {
        AtomicReference<EmulatorServer<Fault, String>> server = new AtomicReference<>();
        server.set(EmulatorServer.start("test", 0, Connections.CLOSE, Function.identity(), request -> {
            server.get().record(request.path());
            return server.get().nextFault()
                    .map(fault -> HttpReply.of(503, "text/plain", "fault " + fault))
                    .orElseGet(() -> HttpReply.of(200, "text/plain", "ok " + request.path()));
        }));
        return server.get();
    }

    private HttpResponse<String> get(EmulatorServer<Fault, String> server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.endpoint().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
