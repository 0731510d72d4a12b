package com.scratch.emulators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.testing.FreePort;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LoopbackHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsOnTheRequestedPortAndAnswersWithTheHandlersReply() throws Exception {
        // given
        int port = FreePort.find();

        // when
        try (LoopbackHttpServer server = LoopbackHttpServer.start("test", port,
                request -> HttpReply.of(201, "text/plain", request.method() + " " + request.path() + "?" + request.query())
                        .withHeader("X-Seen", request.header("x-custom")))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/a/b?c=d"))
                    .header("X-Custom", "yes").GET().build(), HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("GET /a/b?c=d");
            assertThat(response.headers().firstValue("X-Seen")).contains("yes");
        }
    }

    @Test
    void rejectedRequestsAnswerWithTheirReplyAndBugsWithA500() throws Exception {
        // given
        try (LoopbackHttpServer server = LoopbackHttpServer.start("test", 0, request -> {
            if (request.path().equals("/reject")) {
                throw new RejectedRequest(HttpReply.of(418, "text/plain", "teapot"));
            }
            throw new IllegalStateException("bug");
        })) {
            // when
            HttpResponse<String> rejected = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/reject")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> failed = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/bug")).build(),
                    HttpResponse.BodyHandlers.ofString());

            // then
            assertThat(rejected.statusCode()).isEqualTo(418);
            assertThat(rejected.body()).isEqualTo("teapot");
            assertThat(failed.statusCode()).isEqualTo(500);
        }
    }
}
