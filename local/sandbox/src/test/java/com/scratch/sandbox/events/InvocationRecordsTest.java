package com.scratch.sandbox.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The invocation record Lambda sends to an on-failure destination, built from a failed SNS delivery. */
class InvocationRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:notify-job-local-notify:$LATEST";
    private static final String EVENT = "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"MessageId\":\"m-1\",\"Message\":\"{}\"}}]}";

    @Test
    void aRecordOfExhaustedRetriesCarriesTheEventAndTheHandlersError() throws Exception {
        // given
        IllegalStateException thrown = new IllegalStateException("amount is not a number");

        // when
        JsonNode record = JSON.readTree(InvocationRecords.failed(FUNCTION_ARN, EVENT, InvocationRecords.RETRIES_EXHAUSTED,
                3, thrown, Instant.parse("2026-11-14T18:16:05.568123Z")));

        // then
        assertThat(record.path("version").asText()).isEqualTo("1.0");
        assertThat(record.path("timestamp").asText()).isEqualTo("2026-11-14T18:16:05.568Z");
        JsonNode requestContext = record.path("requestContext");
        assertThat(requestContext.path("requestId").asText()).isNotBlank();
        assertThat(requestContext.path("functionArn").asText()).isEqualTo(FUNCTION_ARN);
        assertThat(requestContext.path("condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(requestContext.path("approximateInvokeCount").asInt()).isEqualTo(3);
        // the event itself, as an object, so that it can be sent to the function again as it is
        assertThat(record.path("requestPayload")).isEqualTo(JSON.readTree(EVENT));
        JsonNode responseContext = record.path("responseContext");
        assertThat(responseContext.path("statusCode").asInt()).isEqualTo(200);
        assertThat(responseContext.path("executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(responseContext.path("functionError").asText()).isEqualTo("Unhandled");
        JsonNode responsePayload = record.path("responsePayload");
        assertThat(responsePayload.path("errorMessage").asText()).isEqualTo("amount is not a number");
        assertThat(responsePayload.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(responsePayload.path("stackTrace").get(0).asText())
                .startsWith(InvocationRecordsTest.class.getName() + ".aRecordOfExhaustedRetriesCarriesTheEventAndTheHandlersError(");
    }
}
