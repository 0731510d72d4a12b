package com.scratch.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.billing.purchase.AnnouncementFailedException;
import com.scratch.billing.purchase.CardDeclinedException;
import com.scratch.billing.purchase.PurchaseReceipt;
import org.junit.jupiter.api.Test;

class ApiResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFailureIsAnsweredWithItsStatusCodeMessageAndDetails() throws Exception {
        APIGatewayProxyResponseEvent response = ApiResponses.failed(
                new CardDeclinedException("card_declined", "insufficient_funds", "Your card has insufficient funds."));

        assertThat(response.getStatusCode()).isEqualTo(402);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("status").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).isEqualTo("card_declined");
        assertThat(body.get("message").asText()).isEqualTo("Your card has insufficient funds.");
        assertThat(body.get("code").asText()).isEqualTo("card_declined");
        assertThat(body.get("declineCode").asText()).isEqualTo("insufficient_funds");
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Content-Type", "application/json");
    }

    @Test
    void theAnswerIsWhatTheCallerSeesNotTheLogMessage() throws Exception {
        APIGatewayProxyResponseEvent response = ApiResponses.failed(new AnnouncementFailedException("pi_1",
                "NotePurchased for payment pi_1 could not be published to arn:aws:sns:us-east-1:1:dev", null));

        JsonNode body = JSON.readTree(response.getBody());
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(body.get("error").asText()).isEqualTo("purchase_not_recorded");
        assertThat(body.get("paymentId").asText()).isEqualTo("pi_1");
        assertThat(response.getBody()).doesNotContain("arn:aws:sns");
    }

    @Test
    void anUnexpectedFaultIsA500ThatSaysNothingOfIt() throws Exception {
        APIGatewayProxyResponseEvent response = ApiResponses.unexpected(new IllegalStateException("pi_1 in status requires_capture"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("error").asText()).isEqualTo("internal_error");
        assertThat(response.getBody()).doesNotContain("requires_capture");
        assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
    }

    @Test
    void aReceipt() throws Exception {
        JsonNode body = JSON.readTree(ApiResponses.purchased(new PurchaseReceipt("pi_1", 4200, "usd")).getBody());

        assertThat(body.get("status").asBoolean()).isTrue();
        assertThat(body.get("paymentId").asText()).isEqualTo("pi_1");
        assertThat(body.get("amount").asLong()).isEqualTo(4200);
    }
}
