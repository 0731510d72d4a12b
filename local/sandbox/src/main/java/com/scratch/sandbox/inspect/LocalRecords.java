package com.scratch.sandbox.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.scratch.emulators.sns.SnsEmulator;
import com.scratch.sandbox.api.LocalApiGateway;
import com.scratch.sandbox.events.TopicDelivery;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * What happened, for scripts and tests, as JSON on the API port:
 * {@code GET /_local/sms} (the text messages "sent"), {@code /_local/events} (every message published on a
 * topic) and {@code /_local/dead-letters} (deliveries a function failed on every attempt: the on-failure queue and the
 * invocation record Lambda would send to it, as the SQS message body).
 */
public final class LocalRecords implements HttpHandler {

    public static final String PREFIX = "/_local/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsEmulator sns;
    private final List<String> topicArns;
    private final TopicDelivery delivery;

    public LocalRecords(SnsEmulator sns, List<String> topicArns, TopicDelivery delivery) {
        this.sns = Objects.requireNonNull(sns, "sns == null");
        this.topicArns = List.copyOf(topicArns);
        this.delivery = Objects.requireNonNull(delivery, "delivery == null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                LocalApiGateway.sendJson(exchange, 405, "{\"message\": \"Only GET\"}");
                return;
            }
            String what = exchange.getRequestURI().getPath().substring(PREFIX.length());
            switch (what) {
                case "sms": LocalApiGateway.sendJson(exchange, 200, sms()); break;
                case "events": LocalApiGateway.sendJson(exchange, 200, events()); break;
                case "dead-letters": LocalApiGateway.sendJson(exchange, 200, deadLetters()); break;
                default: LocalApiGateway.sendJson(exchange, 404, "{\"message\": \"Try /_local/sms, /_local/events or /_local/dead-letters\"}");
            }
        }
    }

    private String sms() {
        ArrayNode list = JSON.createArrayNode();
        sns.smsOutbox().forEach(sms -> list.addObject()
                .put("messageId", sms.messageId())
                .put("phoneNumber", sms.phoneNumber())
                .put("message", sms.message())
                .put("sentAt", sms.sentAt().toString()));
        return list.toString();
    }

    /** Each as the SQS message its function's on-failure queue would get: the queue, and the invocation record. */
    private String deadLetters() {
        ArrayNode list = JSON.createArrayNode();
        delivery.deadLetters().forEach(letter -> list.addObject()
                .put("queueName", letter.queueName().orElse(null))
                .put("function", letter.function())
                .put("messageId", letter.messageId())
                .put("body", letter.body())
                .put("failedAt", letter.failedAt().toString()));
        return list.toString();
    }

    private String events() {
        ArrayNode list = JSON.createArrayNode();
        for (String topicArn : topicArns) {
            sns.published(topicArn).forEach(message -> {
                var node = list.addObject()
                        .put("topicArn", message.topicArn())
                        .put("messageId", message.messageId())
                        .put("message", message.message())
                        .put("publishedAt", message.publishedAt().toString());
                var attributes = node.putObject("attributes");
                message.attributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
            });
        }
        return list.toString();
    }
}
