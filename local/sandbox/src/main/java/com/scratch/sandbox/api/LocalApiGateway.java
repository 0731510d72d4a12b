package com.scratch.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.emulators.LoopbackHttpServer;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.runtime.Invocation;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The functions' {@code http} events served on localhost, as API Gateway (REST, Lambda proxy) would: each
 * request becomes a proxy event for the route's function and its answer becomes the HTTP response. A function
 * that throws gets API Gateway's own answer, 502 {@code {"message": "Internal server error"}}.
 *
 * <pre>{@code
 * LocalApiGateway api = LocalApiGateway.start(3000, routes, "us-east-1:local-developer", log);
 * }</pre>
 */
public final class LocalApiGateway implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    // Functions run on these threads: as many concurrent invocations as a burst of local clients makes.
    private static final int THREADS = 64;

    private final List<ApiRoute> routes;
    private final String callerIdentity;
    private final InvocationLog log;
    private final LoopbackHttpServer server;

    private LocalApiGateway(int port, List<ApiRoute> routes, String callerIdentity, InvocationLog log) {
        this.routes = List.copyOf(routes);
        this.callerIdentity = Objects.requireNonNull(callerIdentity, "callerIdentity == null");
        this.log = Objects.requireNonNull(log, "log == null");
        this.server = LoopbackHttpServer.start("local-api", port, THREADS, this::handle);
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
            byte[] body = readBody(exchange.getRequestBody());
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            Optional<ApiRoute> route = routes.stream()
                    .filter(candidate -> candidate.method().equals(method) && candidate.path().equals(path))
                    .findFirst();
            if (route.isPresent()) {
                invoke(exchange, route.get(), body);
            } else if ("OPTIONS".equals(method) && !preflight(path).isEmpty()) {
                exchange.getResponseHeaders().putAll(preflight(path));
                exchange.sendResponseHeaders(200, -1);
            } else {
                String known = routes.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.joining(", "));
                sendJson(exchange, 404, JSON.createObjectNode()
                        .put("message", "No function serves " + method + " " + path + "; routes: " + known).toString());
            }
        }
    }

    private void invoke(HttpExchange exchange, ApiRoute route, byte[] body) throws IOException {
        String trigger = route.method() + " " + route.path();
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

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
