package com.scratch.billing.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.billing.purchase.PurchaseReceipt;
import java.util.Map;

/** JSON responses with the CORS headers the browser app needs (as the original: any origin, credentials). */
public final class ApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/json",
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Allow-Credentials", "true");

    private ApiResponses() {
    }

    public static APIGatewayProxyResponseEvent purchased(PurchaseReceipt receipt) {
        return respond(200, JSON.createObjectNode()
                .put("status", true)
                .put("paymentId", receipt.paymentId())
                .put("amount", receipt.amount())
                .put("currency", receipt.currency()));
    }

    /** A failure: {@code {"status": false, "error": code, "message": ...}} plus any details given. */
    public static APIGatewayProxyResponseEvent failed(int statusCode, String error, String message,
            Map<String, String> details) {
        ObjectNode body = JSON.createObjectNode().put("status", false).put("error", error).put("message", message);
        details.forEach((name, value) -> {
            if (!body.has(name)) { // details add to the three above, never replace them
                body.put(name, value);
            }
        });
        return respond(statusCode, body);
    }

    private static APIGatewayProxyResponseEvent respond(int statusCode, ObjectNode body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(statusCode)
                .withHeaders(HEADERS)
                .withBody(body.toString());
    }
}
