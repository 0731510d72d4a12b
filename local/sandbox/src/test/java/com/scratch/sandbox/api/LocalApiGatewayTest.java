package com.scratch.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.runtime.FunctionSpec;
import com.scratch.sandbox.runtime.LocalFunction;
import com.scratch.testing.ConsoleCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local API as a careless or hostile client meets it. Its one route's function has no jar, so a request it
 * routes is answered 502 by API Gateway's rule for a function that cannot start: no function needs to run.
 */
class LocalApiGatewayTest {

    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(3);
    private static final String NOT_ROUTED = "{\"message\":\"Missing Authentication Token\"}";

    private final ConsoleCopy console = new ConsoleCopy(System.out);
    private final List<Socket> sockets = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWERED_WITHIN).build();
    private LocalApiGateway api;

    @BeforeEach
    void start() {
        LocalFunction billing = new LocalFunction(new FunctionSpec("billing", "example.Handler", "handleRequest",
                Path.of("target/no-such-function.jar"), Map.of(), 512, Duration.ofSeconds(10)));
        api = LocalApiGateway.start(0, List.of(new ApiRoute("POST", "/billing", List.of(), null, billing)), "us-east-1:test",
                new InvocationLog(console.printStream()));
    }

    @AfterEach
    void stop() {
        sockets.forEach(LocalApiGatewayTest::closeQuietly);
        api.close();
    }

    /**
     * Before: with 64 threads taking requests in turn, 64 clients stopped mid-request held them all and the next
     * request got no answer (none within 3 s here, none ever without a request timeout). Now: answered in a few ms.
     */
    @Test
    void clientsHoldingUnfinishedRequestsDoNotStarveTheOthers() throws Exception {
        // given: 64 connections stopped in their headers and 64 stopped in their bodies
        for (int i = 0; i < 64; i++) {
            open("POST /billing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl");
            open("POST /billing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{\"storage\":");
        }
        Thread.sleep(200);

        // when
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.endpoint().resolve("/nope"))
                .timeout(ANSWERED_WITHIN).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then
        System.out.println("Answered in " + took.toMillis() + " ms with 128 unfinished requests open");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(took).isLessThan(ANSWERED_WITHIN);
    }

    @Test
    void aClientThatStopsMidRequestIsCutOffAfterTenSeconds() throws Exception {
        Socket inHeaders = open("POST /billing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl");
        Socket inBody = open("POST /billing HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"st");
        long started = System.nanoTime();

        assertClosedByServer(inHeaders, Duration.ofSeconds(15));
        assertClosedByServer(inBody, Duration.ofSeconds(15));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("Unfinished requests cut off after " + took.toMillis() + " ms");
        assertThat(took).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(13));
    }

    @Test
    void methodsMatchWithRegardToCaseAsInApiGateway() throws Exception {
        String routed = exchange("POST /billing HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        String lowercase = exchange("post /billing HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        // routed: the function was called (and could not start)
        assertThat(routed).startsWith("HTTP/1.1 502");
        assertThat(lowercase).startsWith("HTTP/1.1 403").endsWith(NOT_ROUTED)
                .containsIgnoringCase("x-amzn-ErrorType: MissingAuthenticationTokenException");
        assertThat(console.text()).contains("403  post /billing: no route").contains("routes: POST /billing");
    }

    @Test
    void anUnknownPathIsAnsweredAsApiGatewayAnswersIt() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.endpoint().resolve("/nope")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(NOT_ROUTED);
    }

    @Test
    void aBodyOverTenMegabytesIsRefusedWith413() throws Exception {
        int limit = LocalApiGateway.MAX_BODY_BYTES;

        HttpResponse<String> atTheLimit = post(new byte[limit]);
        HttpResponse<String> overTheLimit = post(new byte[limit + 1]);
        String declaredOver = exchange("POST /billing HTTP/1.1\r\nHost: x\r\nContent-Length: " + (limit + 1)
                + "\r\n\r\n{}");

        assertThat(atTheLimit.statusCode()).isEqualTo(502);
        assertThat(overTheLimit.statusCode()).isEqualTo(413);
        assertThat(overTheLimit.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
        // declared too large: answered before the body is sent
        assertThat(declaredOver).startsWith("HTTP/1.1 413");
    }

    @Test
    void aChunkedBodyOverTenMegabytesIsRefusedWith413() throws Exception {
        byte[] chunk = new byte[1024 * 1024];
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.endpoint().resolve("/billing"))
                // no length known in advance: sent chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private int chunksLeft = 11;
                    private int at = chunk.length;

                    @Override
                    public int read() {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0];
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (at == chunk.length) {
                            if (chunksLeft-- == 0) {
                                return -1;
                            }
                            at = 0;
                        }
                        int n = Math.min(len, chunk.length - at);
                        at += n;
                        return n;
                    }
                })).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api.endpoint().resolve("/billing"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request as written, the method's case included, and reads the answer until the server closes. */
    private String exchange(String request) throws IOException {
        Socket socket = open(request);
        socket.setSoTimeout((int) ANSWERED_WITHIN.toMillis());
        StringBuilder answer = new StringBuilder();
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (answer.indexOf("\r\n\r\n") > 0 && answer.toString().endsWith("}")) {
                    break;
                }
            }
        } catch (SocketException e) {
            // closed by the server after answering (a body it did not read)
        }
        return answer.toString();
    }

    private Socket open(String request) throws IOException {
        Socket socket = new Socket("127.0.0.1", api.endpoint().getPort());
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void assertClosedByServer(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        try {
            assertThat(socket.getInputStream().read()).as("the server's end of the connection").isEqualTo(-1);
        } catch (SocketException e) {
            // reset: closed as well
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the server may have closed it first
        }
    }
}
