package com.scratch.emulators;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 with its own pool of daemon threads: every server of the local stack (the
 * emulators and the sandbox's API Gateway) is one of these.
 *
 * <p>TCP_NODELAY is on. Without it the JDK server sends a small response in two segments and the second waits for
 * the client's delayed ACK: about 40 ms added to every request on Linux, which would make every local call look
 * slow. The JDK reads the switch ({@code sun.net.httpserver.nodelay}) once, when its first server is created, so
 * every server of this project is created here.
 *
 * <p>A request must arrive whole within {@value #MAX_REQUEST_SECONDS} s of its first byte, headers and body alike,
 * or its connection is closed ({@code sun.net.httpserver.maxReqTime}, JDK-wide and read once, like the switch
 * above). The JDK reads a request on the executor's thread, so without it a client that stops in the middle of a
 * request holds a thread for as long as it likes, and as many such clients as there are threads stop the server.
 * A request on loopback arrives in milliseconds: 10 s is long for any real client and short for a hostile one. The
 * time taken to answer is not limited (no {@code maxRspTime}): it includes a function's run, which may sit at a
 * breakpoint.
 *
 * <pre>{@code
 * try (LoopbackHttpServer server = LoopbackHttpServer.start("ssm", 0, 8, exchange -> ...)) {
 *     URI endpoint = server.endpoint();
 * }
 * }</pre>
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackHttpServer.class);
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    static final int MAX_REQUEST_SECONDS = 10;
    // How long a thread of a server started with startUnqueued waits for another request before it ends.
    private static final long IDLE_THREAD_SECONDS = 60;
    // Connections the kernel may hold before the server accepts them: a burst of clients queues instead of failing.
    private static final int BACKLOG = 256;

    private final String name;
    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackHttpServer(String name, HttpServer server, ExecutorService threads) {
        this.name = name;
        this.server = server;
        this.threads = threads;
    }

    /**
     * Starts serving {@code handler} on every path at once, for clients that may be slow or hostile: every request
     * gets a thread of its own as soon as its first byte arrives (an idle one, or a new one), up to
     * {@code maxConcurrentRequests}; a request past that has its connection closed at once instead of queueing
     * behind requests that may be clients taking their {@value #MAX_REQUEST_SECONDS} s to send. A slow client
     * thus holds only its own thread, never the others' turn. Threads idle for a minute end.
     *
     * <p>Why not queue, with the request timeout alone: measured with 128 clients stopped mid-request and 64 queued
     * threads, the next request got no answer within 30 s without the timeout, and with it was closed unanswered
     * after 10.8 s, for its time runs from its first byte, in the queue too. Unqueued, it is answered in
     * milliseconds.
     *
     * @param name used for thread names and messages, for example {@code "local-api"}
     * @param port the port to bind on 127.0.0.1, or 0 for any free port
     * @param maxConcurrentRequests how many requests are read and handled at the same time; more are refused
     */
    public static LoopbackHttpServer startUnqueued(String name, int port, int maxConcurrentRequests, HttpHandler handler) {
        requireArguments(name, port, maxConcurrentRequests, handler);
        // No queue: a request is handed to a waiting thread or to a new one, or refused; the JDK closes the
        // connection of a request its executor refuses.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, maxConcurrentRequests, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads(name + "-"), new ThreadPoolExecutor.AbortPolicy());
        return start(name, port, pool, handler);
    }

    /**
     * Starts serving {@code handler} on every path at once, for well-behaved clients (the functions' SDKs).
     *
     * @param name used for thread names and messages, for example {@code "ssm"}
     * @param port the port to bind on 127.0.0.1, or 0 for any free port
     * @param threads how many requests are handled at the same time; more queue
     */
    public static LoopbackHttpServer start(String name, int port, int threads, HttpHandler handler) {
        requireArguments(name, port, threads, handler);
        return start(name, port, Executors.newFixedThreadPool(threads, daemonThreads(name + "-")), handler);
    }

    private static LoopbackHttpServer start(String name, int port, ExecutorService pool, HttpHandler handler) {
        HttpServer server;
        try {
            server = bind(port);
        } catch (IOException e) {
            pool.shutdown();
            throw new UncheckedIOException("Cannot bind " + name + " to 127.0.0.1:" + port, e);
        }
        server.createContext("/", handler);
        server.setExecutor(pool);
        server.start();
        LoopbackHttpServer started = new LoopbackHttpServer(name, server, pool);
        log.debug("{} listening on {}", name, started.endpoint());
        return started;
    }

    /** Serves another path prefix on the same port; the longest matching prefix wins. */
    public void serve(String prefix, HttpHandler handler) {
        server.createContext(Objects.requireNonNull(prefix, "prefix == null"), Objects.requireNonNull(handler, "handler == null"));
    }

    /** For example {@code http://127.0.0.1:49152}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts handlers that are still waiting (an emulator's response delay), so closing never waits for them.
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("{}: handlers still running 5 s after close", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireArguments(String name, int port, int threads, HttpHandler handler) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(handler, "handler == null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    private static HttpServer bind(int port) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        if (System.getProperty(MAX_REQUEST_TIME) == null) {
            System.setProperty(MAX_REQUEST_TIME, Integer.toString(MAX_REQUEST_SECONDS));
        }
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
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
