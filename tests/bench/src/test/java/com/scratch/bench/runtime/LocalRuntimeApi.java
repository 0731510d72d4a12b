package com.scratch.bench.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The part of Lambda's Runtime API a function's runtime talks to, on loopback, for one execution environment:
 * {@code GET /2018-06-01/runtime/invocation/next} hands out the events {@link #invoke queued} (waiting while there
 * is none, as Lambda does), {@code POST /2018-06-01/runtime/invocation/{id}/response} and {@code .../{id}/error}
 * complete that invocation, {@code POST /2018-06-01/runtime/init/error} fails every pending one. Point the runtime at
 * it with {@code AWS_LAMBDA_RUNTIME_API=}{@link #address()}. It notes when each request arrived
 * ({@link System#nanoTime()}), so that a cold start can be timed to its first {@code next} (init done) and to its
 * response.
 *
 * <p>SnapStart's two calls too, as the runtime interface client (2.10.1) makes them when
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}: after init it runs the {@code beforeCheckpoint} hooks, then
 * {@code GET /2018-06-01/runtime/restore/next}, which Lambda answers only once the snapshot has been taken and
 * restored (in another execution environment, maybe hours later); then it runs the {@code afterRestore} hooks and asks
 * for its first event. A hook that fails before the checkpoint is reported to {@code init/error}, one that fails after
 * the restore to {@code POST /2018-06-01/runtime/restore/error}. There is no snapshot here:
 * {@link #startHoldingRestore() holding} the restore keeps {@code restore/next} waiting until {@link #restore()} lets
 * it through, in the same process, so that a benchmark can time the restore path on its own.
 */
public final class LocalRuntimeApi implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";
    private static final String INVOCATION = PREFIX + "invocation/";
    /** The header the runtime names the kind of an init, restore or invocation error with. */
    static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> handedOut = new ConcurrentHashMap<>();
    private final List<Long> nextRequests = new CopyOnWriteArrayList<>();
    private final CompletableFuture<RuntimeError> initError = new CompletableFuture<>();
    private final boolean holdingRestore;
    private final CompletableFuture<Long> restoreRequested = new CompletableFuture<>();
    private final CountDownLatch restoreLetThrough = new CountDownLatch(1);
    private final CompletableFuture<Long> restored = new CompletableFuture<>();
    private final CompletableFuture<RuntimeError> restoreError = new CompletableFuture<>();
    private volatile boolean closed;

    private LocalRuntimeApi(boolean holdingRestore) throws IOException {
        this.holdingRestore = holdingRestore;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** A Runtime API that answers {@code restore/next} at once (a SnapStart init restored right away). */
    public static LocalRuntimeApi start() {
        return start(false);
    }

    /** A Runtime API whose {@code restore/next} waits for {@link #restore()}: the restore happens when told. */
    public static LocalRuntimeApi startHoldingRestore() {
        return start(true);
    }

    private static LocalRuntimeApi start(boolean holdingRestore) {
        try {
            return new LocalRuntimeApi(holdingRestore);
        } catch (IOException e) {
            throw new IllegalStateException("The local Runtime API could not start", e);
        }
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Queues an event; the runtime gets it from its next {@code next}. */
    public Invocation invoke(String requestId, String event) {
        Invocation invocation = new Invocation(requestId, event);
        queued.add(invocation);
        return invocation;
    }

    /** When each {@code GET .../invocation/next} arrived, in {@link System#nanoTime()}. */
    public List<Long> nextRequests() {
        return List.copyOf(nextRequests);
    }

    /** Completes with what {@code POST /2018-06-01/runtime/init/error} reported, if the runtime ever sends it. */
    public CompletableFuture<RuntimeError> initError() {
        return initError;
    }

    /**
     * Completes when the runtime asks for {@code restore/next} (SnapStart: init and the {@code beforeCheckpoint} hooks
     * are done, the snapshot would be taken now), with the {@link System#nanoTime()} it arrived at.
     */
    public CompletableFuture<Long> restoreRequested() {
        return restoreRequested;
    }

    /** Lets a held {@code restore/next} through: the snapshot is restored now. Does nothing when not holding. */
    public void restore() {
        restoreLetThrough.countDown();
    }

    /** Completes when {@code restore/next} is answered, with the {@link System#nanoTime()} just before its 200. */
    public CompletableFuture<Long> restored() {
        return restored;
    }

    /** Completes with what {@code POST /2018-06-01/runtime/restore/error} reported: an afterRestore hook failed. */
    public CompletableFuture<RuntimeError> restoreError() {
        return restoreError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            if (method.equals("GET") && path.equals(INVOCATION + "next")) {
                nextRequests.add(arrived);
                next(exchange);
            } else if (method.equals("GET") && path.equals(PREFIX + "restore/next")) {
                restoreRequested.complete(arrived);
                restoreNext(exchange);
            } else if (method.equals("POST") && (path.equals(PREFIX + "init/error")
                    || path.equals(PREFIX + "restore/error"))) {
                RuntimeError error = new RuntimeError(exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER),
                        new String(body, StandardCharsets.UTF_8));
                // Answered before anyone is told, so that a caller closing this API at once does not cut the reply.
                reply(exchange, 202, "{\"status\":\"OK\"}");
                (path.endsWith("init/error") ? initError : restoreError).complete(error);
                // Either way the environment is gone: nothing pending will be answered.
                handedOut.values().forEach(invocation -> invocation.failed(arrived, error.body()));
                queued.forEach(invocation -> invocation.failed(arrived, error.body()));
            } else if (method.equals("POST") && path.startsWith(INVOCATION) && path.endsWith("/response")) {
                Invocation invocation = handedOut.remove(requestId(path, "/response"));
                if (invocation == null) {
                    reply(exchange, 400, "{\"errorMessage\":\"no such invocation\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                invocation.answered(arrived, new String(body, StandardCharsets.UTF_8));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith(INVOCATION) && path.endsWith("/error")) {
                Invocation invocation = handedOut.remove(requestId(path, "/error"));
                if (invocation != null) {
                    invocation.failed(arrived, new String(body, StandardCharsets.UTF_8));
                }
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"Unknown path " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = queued.poll(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            reply(exchange, 500, "{\"errorMessage\":\"the local Runtime API is closing\"}");
            return;
        }
        handedOut.put(invocation.requestId(), invocation);
        invocation.handedOut(System.nanoTime());
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 28_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:000000000000:function:bench");
        headers.add("Lambda-Runtime-Trace-Id", invocation.traceId());
        reply(exchange, 200, invocation.event());
    }

    /** Answers {@code restore/next} with an empty 200, once the restore is let through (at once when not holding). */
    private void restoreNext(HttpExchange exchange) throws IOException {
        boolean letThrough = !holdingRestore;
        try {
            while (!letThrough && !closed) {
                letThrough = restoreLetThrough.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!letThrough) {
            reply(exchange, 500, "{\"errorMessage\":\"the local Runtime API is closing\"}");
            return;
        }
        restored.complete(System.nanoTime());
        exchange.sendResponseHeaders(200, -1);
    }

    private static String requestId(String path, String suffix) {
        return path.substring(INVOCATION.length(), path.length() - suffix.length());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }

    /** One event for the function, and what became of it. */
    public static final class Invocation {

        private final String requestId;
        private final String event;
        private final String traceId;
        private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        private volatile long handedOutAt;

        Invocation(String requestId, String event) {
            this.requestId = Objects.requireNonNull(requestId, "requestId == null");
            this.event = Objects.requireNonNull(event, "event == null");
            // Root=1-{8 hex digits of time}-{24 hex digits}, as X-Ray writes it; sampled, so tracing does its work.
            this.traceId = "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                    + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24)
                    + ";Parent=53995c3f42cd8ad8;Sampled=1";
        }

        public String requestId() {
            return requestId;
        }

        String event() {
            return event;
        }

        String traceId() {
            return traceId;
        }

        /** When the runtime got it ({@link System#nanoTime()}), 0 while it has not. */
        public long handedOutAt() {
            return handedOutAt;
        }

        /** Completes when the runtime posts the response or an error. */
        public CompletableFuture<Outcome> outcome() {
            return outcome;
        }

        void handedOut(long at) {
            handedOutAt = at;
        }

        void answered(long at, String body) {
            outcome.complete(new Outcome(true, body, at));
        }

        void failed(long at, String error) {
            outcome.complete(new Outcome(false, error, at));
        }
    }

    /** The response body (or the error the runtime reported) and when it arrived, in {@link System#nanoTime()}. */
    public record Outcome(boolean answered, String body, long at) {
    }

    /**
     * An init or restore error as the runtime reports it: its kind from {@value #ERROR_TYPE_HEADER} (e.g.
     * {@code Runtime.BeforeCheckpointError}, {@code Runtime.AfterRestoreError}; null if the runtime sent none) and the
     * error document.
     */
    public record RuntimeError(String errorType, String body) {
    }
}
