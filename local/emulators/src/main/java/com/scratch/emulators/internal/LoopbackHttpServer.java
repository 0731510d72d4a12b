package com.scratch.emulators.internal;

import com.sun.net.httpserver.HttpExchange;
import com.scratch.emulators.LoopbackHttp;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 with a small thread pool, shared by every emulator.
 *
 * <pre>{@code
 * try (LoopbackHttpServer server = LoopbackHttpServer.start("ssm", 0, request -> HttpReply.of(200, "text/plain", "ok"))) {
 *     URI endpoint = server.endpoint();
 * }
 * }</pre>
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackHttpServer.class);

    // Enough for a handful of clients at once; more requests queue instead of failing.
    private static final int THREADS = 8;
    private static final int BACKLOG = 128;

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestHandler handler;
    private final boolean closeConnections;
    private final AtomicReference<Duration> responseDelay = new AtomicReference<>(Duration.ZERO);

    private LoopbackHttpServer(HttpServer server, ExecutorService executor, RequestHandler handler,
            boolean closeConnections) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        this.closeConnections = closeConnections;
    }

    /** Starts serving at once, keeping connections open between requests. */
    public static LoopbackHttpServer start(String name, int port, RequestHandler handler) {
        return start(name, port, handler, false);
    }

    /**
     * Starts serving at once.
     *
     * @param name used for thread names and logs, for example {@code "ssm"}
     * @param port the port to bind on 127.0.0.1, or 0 for any free port
     * @param closeConnections answer with {@code Connection: close}. Meant for the AWS SDK's url-connection
     *     client: on a kept-alive connection, the JDK's {@code HttpURLConnection} first checks the connection is
     *     still open ({@code HttpClient.available()}, a read that waits about a millisecond), which made each SDK
     *     call to a local server take 1.4 ms at the median instead of 0.3 ms with a fresh connection ({@code LoopbackLatencyBenchmark})
     */
    public static LoopbackHttpServer start(String name, int port, RequestHandler handler, boolean closeConnections) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(handler, "handler == null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        HttpServer server;
        try {
            server = LoopbackHttp.bind(port, BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the " + name + " emulator to 127.0.0.1:" + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads(name + "-emulator-"));
        LoopbackHttpServer loopback = new LoopbackHttpServer(server, executor, handler, closeConnections);
        server.createContext("/", loopback::serve);
        server.setExecutor(executor);
        server.start();
        log.debug("{} emulator listening on {}", name, loopback.endpoint());
        return loopback;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request waits this long before it is handled; {@link Duration#ZERO} turns waiting off. */
    public void delayResponses(Duration delay) {
        Objects.requireNonNull(delay, "delay == null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay is negative: " + delay);
        }
        responseDelay.set(delay);
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts handlers asleep in a response delay, so closing never waits for them.
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            ReceivedRequest request = read(exchange);
            Duration delay = responseDelay.get();
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            write(exchange, answer(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away, typically after its own timeout during a response delay.
            log.debug("Could not complete {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    private HttpReply answer(ReceivedRequest request) {
        try {
            return handler.handle(request);
        } catch (RejectedRequest rejected) {
            return rejected.reply();
        } catch (RuntimeException e) {
            log.error("Emulator failed on {} {}", request.method(), request.path(), e);
            return HttpReply.of(500, "text/plain; charset=utf-8", "emulator error: " + e);
        }
    }

    private static ReceivedRequest read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        URI uri = exchange.getRequestURI();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return new ReceivedRequest(exchange.getRequestMethod(), uri.getPath(), query, exchange.getRequestHeaders(), body);
    }

    private void write(HttpExchange exchange, HttpReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (closeConnections) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        byte[] body = reply.body();
        // -1 tells the JDK server there is no body at all, which is different from a zero-length chunked one.
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            // A test that forgets close() must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
