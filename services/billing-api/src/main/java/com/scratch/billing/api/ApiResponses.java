package com.scratch.billing.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.billing.purchase.FailureAnswer;
import com.scratch.billing.purchase.PurchaseFailedException;
import com.scratch.billing.purchase.PurchaseReceipt;
import com.scratch.json.JsonTrees;
import com.scratch.lambda.ProxyResponse;
import com.scratch.logging.LogKeys;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * JSON responses with the CORS headers the browser app needs (as the original: any origin, credentials), so the
 * browser can read a failure too. A failed purchase is answered with what its kind says ({@link FailureAnswer});
 * anything else that escapes is a fault on our side: a 500 and a log line with the stack trace.
 */
public final class ApiResponses {

    private static final Logger log = LoggerFactory.getLogger(ApiResponses.class);
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/json",
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Allow-Credentials", "true");

    private ApiResponses() {
    }

    public static ProxyResponse purchased(PurchaseReceipt receipt) {
        return respond(200, JsonTrees.object()
                .put("status", true)
                .put("paymentId", receipt.paymentId())
                .put("amount", receipt.amount())
                .put("currency", receipt.currency()));
    }

    /** {@code {"status": false, "error": code, "message": ...}} plus the answer's details. */
    public static ProxyResponse failed(PurchaseFailedException failure) {
        FailureAnswer answer = failure.answer();
        // The adapter that raised it has logged the details at the level they deserve; this line ties the
        // answer to its cause.
        MDC.put(LogKeys.FAILURE, answer.error());
        log.info("Answered {} {}: {}", answer.status(), answer.error(), failure.getMessage());
        return respond(answer);
    }

    /** A fault that is no known kind of failure: a 500 for the caller, the whole story in the log. */
    public static ProxyResponse unexpected(RuntimeException fault) {
        FailureAnswer answer = FailureAnswer.internalError();
        MDC.put(LogKeys.FAILURE, answer.error());
        log.error("Purchase failed unexpectedly", fault);
        return respond(answer);
    }

    private static ProxyResponse respond(FailureAnswer answer) {
        ObjectNode body = JsonTrees.object()
                .put("status", false)
                .put("error", answer.error())
                .put("message", answer.message());
        answer.details().forEach((name, value) -> {
            if (!body.has(name)) { // details add to the three above, never replace them
                body.put(name, value);
            }
        });
        return respond(answer.status(), body);
    }

    private static ProxyResponse respond(int statusCode, ObjectNode body) {
        return new ProxyResponse(statusCode, HEADERS, JsonTrees.write(body));
    }
}
