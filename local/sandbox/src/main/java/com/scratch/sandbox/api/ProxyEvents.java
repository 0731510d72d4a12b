package com.scratch.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Turns an HTTP request into the API Gateway REST (v1) proxy event Lambda would receive, with the local caller
 * as the Cognito identity (an {@code aws_iam} authorizer passes the caller's identity through this way).
 */
final class ProxyEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxyEvents() {
    }

    static String from(HttpExchange exchange, ApiRoute route, byte[] body, String callerIdentity) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "1.0")
                .put("resource", route.path())
                .put("path", route.path())
                .put("httpMethod", route.method());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            ArrayNode all = multiValueHeaders.putArray(name);
            values.forEach(all::add);
        });
        query(event, exchange.getRequestURI().getRawQuery());
        event.putNull("pathParameters");
        event.putNull("stageVariables");
        String requestId = UUID.randomUUID().toString();
        ObjectNode context = event.putObject("requestContext")
                .put("accountId", "000000000000")
                .put("apiId", "local")
                .put("resourcePath", route.path())
                .put("httpMethod", route.method())
                .put("path", "/local" + route.path())
                .put("stage", "local")
                .put("protocol", exchange.getProtocol())
                .put("requestId", requestId)
                .put("requestTimeEpoch", System.currentTimeMillis());
        context.putObject("identity")
                .put("cognitoIdentityId", callerIdentity)
                .put("cognitoAuthenticationType", "authenticated")
                .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress())
                .put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (body.length == 0) {
            event.putNull("body");
        } else {
            event.put("body", new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    private static void query(ObjectNode event, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
            return;
        }
        ObjectNode single = event.putObject("queryStringParameters");
        ObjectNode multi = event.putObject("multiValueQueryStringParameters");
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            single.put(name, value);
            (multi.has(name) ? (ArrayNode) multi.get(name) : multi.putArray(name)).add(value);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
