package com.scratch.emulators.internal;

import com.scratch.emulators.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulator's HTTP server and the controls every emulator gives its tests, written once: queued faults
 * ({@link #failNext}), a delay before every answer ({@link #delayResponses}), the requests received
 * ({@link #received()}, {@link #count}) and {@link #reset()}. The emulator decides where in its handling a fault
 * is served (after an IAM refusal, before authentication, ...) and what it looks like on its wire.
 *
 * <pre>{@code
 * // in an emulator
 * server = EmulatorServer.start("ssm", port, Connections.CLOSE, SsmCall::operation, this::handle);
 *
 * private HttpReply handle(ReceivedRequest request) {
 *     server.record(new SsmCall(operation, body));
 *     server.nextFault().ifPresent(fault -> {
 *         throw fault.toError();
 *     });
 *     return operations.handle(operation, body);
 * }
 * }</pre>
 *
 * @param <F> the emulator's fault enum
 * @param <R> what the emulator records of each request
 */
public final class EmulatorServer<F, R> implements AutoCloseable {

    /** Whether answers keep the connection open for the client's next request. */
    public enum Connections {
        KEEP_ALIVE,
        /**
         * Answer with {@code Connection: close}. Meant for the AWS SDK's url-connection client: on a kept-alive
         * connection, the JDK's {@code HttpURLConnection} first checks the connection is still open
         * ({@code HttpClient.available()}, a read that waits about a millisecond), which made each SDK call to a
         * local server take 1.4 ms at the median instead of 0.3 ms with a fresh connection
         * ({@code LoopbackLatencyBenchmark}).
         */
        CLOSE
    }

    private static final Logger log = LoggerFactory.getLogger(EmulatorServer.class);

    // Enough for a handful of clients at once; more requests queue instead of failing.
    private static final int THREADS = 8;

    private final RequestHandler handler;
    private final Connections connections;
    private final FaultPlan<F> faults = new FaultPlan<>();
    private final RequestLog<R> requests;
    private final AtomicReference<Duration> responseDelay = new AtomicReference<>(Duration.ZERO);
    private final LoopbackHttpServer server;

    private EmulatorServer(String name, int port, Connections connections, Function<? super R, String> operationOf,
            RequestHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler == null");
        this.connections = Objects.requireNonNull(connections, "connections == null");
        this.requests = new RequestLog<>(operationOf);
        this.server = LoopbackHttpServer.start(name + "-emulator", port, THREADS, this::serve);
    }

    /**
     * Starts serving at once.
     *
     * @param name used for thread names and logs, for example {@code "ssm"}
     * @param port the port to bind on 127.0.0.1, or 0 for any free port
     * @param operationOf what {@link #count} counts a recorded request under
     */
    public static <F, R> EmulatorServer<F, R> start(String name, int port, Connections connections,
            Function<? super R, String> operationOf, RequestHandler handler) {
        return new EmulatorServer<>(name, port, connections, operationOf, handler);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Records a request as it arrives, before anything can refuse it. */
    public void record(R request) {
        requests.add(request);
    }

    /** The fault this request must be answered with, if one is queued; taking it uses it up. */
    public Optional<F> nextFault() {
        return faults.next();
    }

    /** Every request recorded since start or {@link #reset()}, in arrival order. */
    public List<R> received() {
        return requests.received();
    }

    /** How many recorded requests named this operation, failed ones included. */
    public int count(String operation) {
        return requests.count(operation);
    }

    /** The next {@code times} requests that ask for a fault get {@code fault}, behind those already queued. */
    public void failNext(int times, F fault) {
        faults.add(times, fault);
    }

    /** See {@link FaultPlan#failRandomly}: a seeded share of later requests fails with {@code fault}. */
    public void failRandomly(double share, F fault, long seed) {
        faults.failRandomly(share, fault, seed);
    }

    /** How many requests the random faults have failed. */
    public int randomFaultsServed() {
        return faults.randomFaultsServed();
    }

    /** Every later request waits this long before it is handled; {@link Duration#ZERO} turns waiting off. */
    public void delayResponses(Duration delay) {
        Objects.requireNonNull(delay, "delay == null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay is negative: " + delay);
        }
        responseDelay.set(delay);
    }

    /** Forgets recorded requests, queued faults and the delay; the emulator forgets its own state. */
    public void reset() {
        requests.clear();
        faults.clear();
        responseDelay.set(Duration.ZERO);
    }

    @Override
    public void close() {
        server.close();
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
            // The server is closing.
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
        if (connections == Connections.CLOSE) {
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
}
