package com.scratch.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.LoopbackHttpServer;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.runtime.Invocation;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The functions' {@code http} events served on localhost, as API Gateway (REST, Lambda proxy) would: each
 * request becomes a proxy event for the route's function and its answer becomes the HTTP response. A function
 * that throws gets API Gateway's own answer, 502 {@code {"message": "Internal server error"}}; so do a request no
 * route matches (methods match with regard to case, as in API Gateway: {@code post /billing} is no
 * {@code POST /billing}), 403 {@code {"message":"Missing Authentication Token"}}, and a body over API Gateway's
 * 10 MB payload limit, 413 {@code {"message":"Request Too Long"}}. A route with {@code authorizer: aws_iam} (billing's)
 * takes only requests SigV4-signed for {@code execute-api} by a {@link LocalCaller}, as API Gateway takes only
 * requests signed by credentials IAM allows: unsigned is 403 Missing Authentication Token, an unknown key or a
 * signature that does not match is 403 too, with API Gateway's messages ({@link IamAuthorization}).
 *
 * <p>Clients may be slow or hostile: each request is read on a thread of its own and must arrive whole within
 * 10 s (see {@link LoopbackHttpServer#startUnqueued}), so clients holding unfinished requests never keep the others
 * waiting. Measured with 128 such clients ({@code LocalApiGatewayTest}): with the former 64 queued threads, the
 * next request got no answer at all; now it is answered in milliseconds.
 *
 * <pre>{@code
 * LocalApiGateway api = LocalApiGateway.start(3000, routes, "us-east-1:local-developer", log);
 * }</pre>
 */
public final class LocalApiGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Requests read and functions run at the same time, each on a thread of its own: Lambda's default concurrency
    // limit for an account. Threads start as requests come and end after a minute idle.
    private static final int MAX_CONCURRENT_REQUESTS = 1_000;
    // API Gateway's payload limit (REST APIs): 10 MB, answered 413 before any function runs.
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final String UNMATCHED_ROUTE = "{\"message\":\"Missing Authentication Token\"}";
    private static final String BODY_TOO_LARGE = "{\"message\":\"Request Too Long\"}";

    private final List<ApiRoute> routes;
    private final String callerIdentity;
    /** Who may call the aws_iam routes: the developer's client, signing with {@link LocalCaller#DEVELOPER}. */
    private final IamAuthorization iam = new IamAuthorization(LocalCaller.DEVELOPER);
    private final InvocationLog log;
    private final LoopbackHttpServer server;

    private LocalApiGateway(int port, List<ApiRoute> routes, String callerIdentity, InvocationLog log) {
        this.routes = List.copyOf(routes);
        this.callerIdentity = Objects.requireNonNull(callerIdentity, "callerIdentity == null");
        this.log = Objects.requireNonNull(log, "log == null");
        this.server = LoopbackHttpServer.startUnqueued("local-api", port, MAX_CONCURRENT_REQUESTS, this::handle);
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static LocalApiGateway start(int port, List<ApiRoute> routes, String callerIdentity, InvocationLog log) {
        return new LocalApiGateway(port, Objects.requireNonNull(routes, "routes == null"), callerIdentity, log);
    }

    /** Serves another path prefix on the same port (the stack's {@code /_local/} inspection endpoints). */
    public void serve(String prefix, HttpHandler handler) {
        server.serve(prefix, handler);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public List<ApiRoute> routes() {
        return routes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<byte[]> body = readBody(exchange);
            if (body.isEmpty()) {
                refuseTooLarge(exchange);
                return;
            }
            // As sent: API Gateway's methods are case-sensitive, so "post" matches no POST route.
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Optional<ApiRoute> route = routes.stream()
                    .filter(candidate -> candidate.method().equals(method) && candidate.path().equals(path))
                    .findFirst();
            if (route.isPresent()) {
                invoke(exchange, route.get(), body.get());
            } else if ("OPTIONS".equals(method) && !preflight(path).isEmpty()) {
                exchange.getResponseHeaders().putAll(preflight(path));
                exchange.sendResponseHeaders(200, -1);
            } else {
                // API Gateway's answer, which names nothing; the routes there are go to the console instead.
                String known = routes.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.joining(", "));
                log.note("403  " + method + " " + path + ": no route (API Gateway answers Missing Authentication Token);"
                        + " routes: " + (known.isEmpty() ? "none" : known));
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "MissingAuthenticationTokenException");
                sendJson(exchange, 403, UNMATCHED_ROUTE);
            }
        }
    }

    private void invoke(HttpExchange exchange, ApiRoute route, byte[] body) throws IOException {
        String trigger = route.method() + " " + route.path();
        if (route.signedByCaller()) {
            Optional<IamAuthorization.Refusal> refusal = iam.refusal(exchange, body);
            if (refusal.isPresent()) {
                log.note("403  " + trigger + ": " + refusal.get().message() + " (aws_iam: sign with the local caller's"
                        + " keys, see the banner)");
                exchange.getResponseHeaders().set("x-amzn-ErrorType", refusal.get().errorType());
                sendJson(exchange, 403, refusal.get().json());
                return;
            }
        }
        String event = ProxyEvents.from(exchange, route, body, callerIdentity);
        Invocation invocation;
        try {
            invocation = route.function().invoke(event);
        } catch (RuntimeException | LinkageError e) {
            // The function threw or could not start (FunctionFailedException, FunctionInitFailedException), or
            // this runner failed: API Gateway's answer either way, and a line saying what happened.
            log.failed(route.function().name(), "502", trigger, e.getMessage());
            sendJson(exchange, 502, "{\"message\": \"Internal server error\"}");
            return;
        }
        JsonNode response = invocation.resultJson() == null ? JSON.createObjectNode() : JSON.readTree(invocation.resultJson());
        int status = response.path("statusCode").asInt(200);
        log.invoked(route.function().name(), invocation, Integer.toString(status), trigger);
        response.path("headers").fields().forEachRemaining(header ->
                exchange.getResponseHeaders().set(header.getKey(), header.getValue().asText()));
        response.path("multiValueHeaders").fields().forEachRemaining(header ->
                header.getValue().forEach(value -> exchange.getResponseHeaders().add(header.getKey(), value.asText())));
        JsonNode responseBody = response.get("body");
        byte[] bytes = responseBody == null || responseBody.isNull() ? new byte[0]
                : response.path("isBase64Encoded").asBoolean(false)
                        ? Base64.getDecoder().decode(responseBody.asText())
                        : responseBody.asText().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * The CORS preflight answer for a path, as API Gateway's mock OPTIONS method gives it: the headers its routes
     * declare and their methods; empty when no route on the path has CORS.
     */
    private Map<String, List<String>> preflight(String path) {
        List<ApiRoute> cors = routes.stream().filter(r -> !r.corsHeaders().isEmpty() && r.path().equals(path)).toList();
        if (cors.isEmpty()) {
            return Map.of();
        }
        String headers = cors.stream().flatMap(r -> r.corsHeaders().stream()).distinct().collect(Collectors.joining(","));
        String methods = Stream.concat(Stream.of("OPTIONS"), cors.stream().map(ApiRoute::method)).distinct()
                .collect(Collectors.joining(","));
        return Map.of("Access-Control-Allow-Origin", List.of("*"),
                "Access-Control-Allow-Headers", List.of(headers),
                "Access-Control-Allow-Methods", List.of(methods));
    }

    /** Answers with a JSON body. */
    public static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The body, or empty when it is over {@link #MAX_BODY_BYTES} (declared or sent): then none of it is kept, and the
     * rest is left unread for {@link #refuseTooLarge}.
     */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        // The JDK has checked that a Content-Length is a number; a larger one is refused before a byte is read.
        if (declared != null && Long.parseLong(declared) > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        // Closed with the exchange.
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(body);
    }

    /**
     * Answers 413 at once, then reads and drops what the client still sends (for at most the 10 s a request may take)
     * before closing: a connection closed with data unread is reset, and a client still sending would lose the answer
     * before reading it (seen in the build: the 413 for a 10 MB body lost in a reset).
     */
    private static void refuseTooLarge(HttpExchange exchange) throws IOException {
        byte[] bytes = BODY_TOO_LARGE.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(413, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
            out.flush();
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
