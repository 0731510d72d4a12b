package com.scratch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each call out took, as a function's X-Ray (sub)segments record it: from the datagrams an X-Ray daemon
 * received (a header line, then one segment document with its nested subsegments), the duration of every subsegment
 * by what it is: its name, and the AWS operation or HTTP method ({@code DynamoDb PutItem}, {@code Sns Publish},
 * {@code Stripe POST}, {@code ## handleRequest}). Used to say where a warm invocation's time goes on each side.
 */
final class TracedCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TracedCalls() {
    }

    /**
     * Durations in ms, per kind of call, of the subsegments that started at or after {@code fromEpochSeconds}
     * (to leave out a warm-up), in the order received; a datagram that is not a segment document is skipped.
     */
    static Map<String, List<Double>> millis(List<String> datagrams, double fromEpochSeconds) {
        Map<String, List<Double>> calls = new LinkedHashMap<>();
        for (String datagram : datagrams) {
            int newline = datagram.indexOf('\n');
            if (newline < 0) {
                continue;
            }
            try {
                collect(JSON.readTree(datagram.substring(newline + 1)), fromEpochSeconds, calls);
            } catch (IOException e) {
                // not a segment document: skipped
            }
        }
        return calls;
    }

    /** When the first segment in {@code datagrams} started, in epoch seconds (NaN without any). */
    static double firstStart(List<String> datagrams) {
        double first = Double.NaN;
        for (String datagram : datagrams) {
            int newline = datagram.indexOf('\n');
            try {
                JsonNode segment = newline < 0 ? null : JSON.readTree(datagram.substring(newline + 1));
                if (segment != null && segment.has("start_time")) {
                    double start = segment.get("start_time").asDouble();
                    first = Double.isNaN(first) ? start : Math.min(first, start);
                }
            } catch (IOException e) {
                // skipped
            }
        }
        return first;
    }

    private static void collect(JsonNode segment, double from, Map<String, List<Double>> calls) {
        if (segment.has("name") && segment.has("start_time") && segment.has("end_time")
                && segment.get("start_time").asDouble() >= from) {
            calls.computeIfAbsent(kind(segment), kind -> new ArrayList<>())
                    .add((segment.get("end_time").asDouble() - segment.get("start_time").asDouble()) * 1000);
        }
        for (JsonNode child : segment.path("subsegments")) {
            collect(child, from, calls);
        }
    }

    private static String kind(JsonNode segment) {
        String name = segment.get("name").asText();
        String operation = segment.path("aws").path("operation").asText("");
        if (!operation.isEmpty()) {
            return name + " " + operation;
        }
        String method = segment.path("http").path("request").path("method").asText("");
        return method.isEmpty() ? name : name + " " + method;
    }
}
