package com.scratch.billing.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.billing.purchase.FailureAnswer;
import com.scratch.billing.purchase.PurchaseFailedException;
import com.scratch.json.JsonTrees;
import com.scratch.lambda.ProxyResponse;
import com.scratch.secrets.SecretReadException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhook answers Stripe. Stripe reads only the status: 2xx ends the event's deliveries, anything else
 * makes Stripe send it again later (for up to 3 days), which is what a purchase that could not be announced yet
 * needs. The bodies are for whoever reads the endpoint's delivery log in the Stripe dashboard.
 */
public final class WebhookResponses {

    private static final Logger log = LoggerFactory.getLogger(WebhookResponses.class);
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private WebhookResponses() {
    }

    public static ProxyResponse received(WebhookOutcome outcome) {
        return respond(200, JsonTrees.object().put("received", true)
                .put("outcome", outcome.name().toLowerCase(Locale.ROOT)));
    }

    /** 400 (413 when too large): not a genuine, fresh event. Stripe retries it, and it stays refused. */
    public static ProxyResponse rejected(WebhookRejectedException rejection) {
        log.warn("Refused a webhook request: {}", rejection.getMessage());
        return respond(rejection.status(), JsonTrees.object().put("received", false)
                .put("error", rejection.status() == 413 ? "request_too_large" : "invalid_webhook")
                .put("message", rejection.getMessage()));
    }

    /** The purchase could not be announced now: not 2xx, so that Stripe delivers the event again. */
    public static ProxyResponse notAnnounced(PurchaseFailedException failure) {
        FailureAnswer answer = failure.answer();
        log.warn("Webhook answered {} {} so that Stripe sends it again: {}", answer.status(), answer.error(),
                failure.getMessage());
        return respond(answer.status() >= 500 ? answer.status() : 503, JsonTrees.object().put("received", false)
                .put("error", answer.error()));
    }

    /** The signing secret could not be read: nothing can be verified now, so Stripe should send it again later. */
    public static ProxyResponse unavailable(SecretReadException failure) {
        log.error("Webhook answered 503: {}", failure.getMessage());
        return respond(503, JsonTrees.object().put("received", false).put("error", "service_unavailable"));
    }

    /** Anything else: a 500, which Stripe also retries, and the whole story in the log. */
    public static ProxyResponse unexpected(RuntimeException fault) {
        log.error("Webhook failed unexpectedly", fault);
        return respond(500, JsonTrees.object().put("received", false).put("error", "internal_error"));
    }

    private static ProxyResponse respond(int status, ObjectNode body) {
        return new ProxyResponse(status, HEADERS, JsonTrees.write(body));
    }
}
