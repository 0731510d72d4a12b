package com.scratch.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scratch.billing.purchase.AnnouncementFailedException;
import com.scratch.billing.purchase.CardDeclinedException;
import com.scratch.billing.purchase.PurchaseReceipt;
import com.scratch.lambda.ProxyResponse;
import org.junit.jupiter.api.Test;

class ApiResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFailureIsAnsweredWithItsStatusCodeMessageAndDetails() throws Exception {
        ProxyResponse response = ApiResponses.failed(
                new CardDeclinedException("card_declined", "insufficient_funds", "Your card has insufficient funds."));

        assertThat(response.statusCode()).isEqualTo(402);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).isEqualTo("card_declined");
        assertThat(body.get("message").asText()).isEqualTo("Your card has insufficient funds.");
        assertThat(body.get("code").asText()).isEqualTo("card_declined");
        assertThat(body.get("declineCode").asText()).isEqualTo("insufficient_funds");
        assertThat(response.headers()).containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Content-Type", "application/json");
    }

    @Test
    void theAnswerIsWhatTheCallerSeesNotTheLogMessage() throws Exception {
        ProxyResponse response = ApiResponses.failed(new AnnouncementFailedException("pi_1",
                "NotePurchased for payment pi_1 could not be published to arn:aws:sns:us-east-1:1:dev", null));

        JsonNode body = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(body.get("error").asText()).isEqualTo("purchase_not_recorded");
        assertThat(body.get("paymentId").asText()).isEqualTo("pi_1");
        assertThat(response.body()).doesNotContain("arn:aws:sns");
    }

    @Test
    void anUnexpectedFaultIsA500ThatSaysNothingOfIt() throws Exception {
        ProxyResponse response = ApiResponses.unexpected(new IllegalStateException("pi_1 in status requires_capture"));

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("internal_error");
        assertThat(response.body()).doesNotContain("requires_capture");
        assertThat(response.headers()).containsEntry("Access-Control-Allow-Origin", "*");
    }

    @Test
    void aReceipt() throws Exception {
        JsonNode body = JSON.readTree(ApiResponses.purchased(new PurchaseReceipt("pi_1", 4200, "usd")).body());

        assertThat(body.get("status").asBoolean()).isTrue();
        assertThat(body.get("paymentId").asText()).isEqualTo("pi_1");
        assertThat(body.get("amount").asLong()).isEqualTo(4200);
    }
}
