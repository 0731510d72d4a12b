package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.emulators.ssm.SsmFault;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Everything billing records (every log line and every metric line) through a success, a decline, bad input, an
 * unknown payment method and each fault, searched for what must never be recorded: the Stripe key or the webhook
 * secret, and a whole card token or payment method id (at most its prefix and last 4 characters).
 */
class NothingSensitiveRecordedIT {

    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    /** Payment sources the buyer sends; long enough that a prefix and last 4 cannot spell them whole. */
    private static final List<String> SOURCES = List.of("pm_card_visa", "pm_card_chargeDeclined",
            "pm_1QzUnknownPaymentMethod77", "tok_visa", "tok_chargeDeclined", "tok_1QzUnknownCardToken42");

    @RegisterExtension
    static final LocalBillingServers servers = new LocalBillingServers();

    @Test
    void noSecretAndNoWholePaymentSourceInAnyLogOrMetricLine() {
        String recorded;
        try (LogCapture logs = new LogCapture()) {
            servers.reset("/stripeSecretKey/test", STRIPE_KEY);
            BillingHandler handler = servers.coldStart("dev");
            for (String source : SOURCES) {
                String field = source.startsWith("pm_") ? "paymentMethod" : "source";
                handle(handler, "{\"storage\":21,\"" + field + "\":\"" + source + "\"}");
            }
            handle(handler, "{\"storage\":\"lots\",\"paymentMethod\":\"pm_card_visa\"}");
            handle(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}garbage");
            servers.stripe.failNext(2, StripeFault.API_ERROR);
            handle(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            servers.stripe.failNext(2, StripeFault.RATE_LIMIT);
            handle(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            servers.sns.failNext(3, SnsFault.INTERNAL_ERROR);
            handle(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            // a key Stripe no longer accepts, read again and still refused
            servers.stripe.requireApiKey("sk_test_" + UUID.randomUUID().toString().replace("-", ""));
            handle(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            // a cold start that cannot read the key
            servers.reset("/stripeSecretKey/test", STRIPE_KEY);
            servers.ssm.failNext(50, SsmFault.ACCESS_DENIED);
            handle(servers.coldStart("dev"), "{\"storage\":21,\"source\":\"tok_visa\"}");
            recorded = logs.text() + servers.metricLines.toString(StandardCharsets.UTF_8);
        }

        assertThat(recorded).as("what billing recorded").isNotBlank()
                .doesNotContain(STRIPE_KEY)
                .doesNotContain(servers.webhookSecret)
                .doesNotContain("sk_test_")
                .doesNotContain("whsec_");
        for (String source : SOURCES) {
            assertThat(recorded).as("a whole payment source").doesNotContain(source);
        }
    }

    private static void handle(BillingHandler handler, String body) {
        APIGatewayProxyRequestEvent request = LocalBillingServers.purchase(body)
                .withHeaders(Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        handler.handleRequest(request, null);
    }
}
