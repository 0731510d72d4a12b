package com.scratch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.scratch.emulators.sns.SnsFault;
import com.scratch.emulators.ssm.SsmFault;
import com.scratch.emulators.stripe.StripeFault;
import com.scratch.secrets.ParameterStoreCache;
import com.scratch.testing.LambdaEvents;
import com.scratch.testing.LocalXRayDaemon;
import com.scratch.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Everything billing records (every log line, every metric line and every trace document it sends to the X-Ray
 * daemon) through a success, a decline, bad input, an unknown payment method and each fault, searched for what must
 * never be recorded: the Stripe key or the webhook secret, and a whole card token or payment method id (at most its
 * prefix and last 4 characters). Each invocation runs under a segment as Lambda's runtime opens it
 * ({@link LocalXRayDaemon}), so the function traces as it does in Lambda.
 */
class NothingSensitiveRecordedIT {

    private static final String STRIPE_KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    /** Payment sources the buyer sends; long enough that a prefix and last 4 cannot spell them whole. */
    private static final List<String> SOURCES = List.of("pm_card_visa", "pm_card_chargeDeclined",
            "pm_1QzUnknownPaymentMethod77", "tok_visa", "tok_chargeDeclined", "tok_1QzUnknownCardToken42");

    @RegisterExtension
    static final LocalBillingServers servers = new LocalBillingServers();

    @Test
    void noSecretAndNoWholePaymentSourceInAnyLogOrMetricLineOrTrace() {
        String recorded;
        List<String> traces;
        try (LogCapture logs = new LogCapture(); LocalXRayDaemon daemon = LocalXRayDaemon.start()) {
            Map<String, String> traced = Map.of("AWS_XRAY_DAEMON_ADDRESS", daemon.address());
            servers.reset("/stripeSecretKey/test", STRIPE_KEY);
            BillingHandler handler = servers.coldStart("dev", traced);
            Handling handle = (function, body) -> daemon.invoke(context -> invoke(function, body, context));
            for (String source : SOURCES) {
                String field = source.startsWith("pm_") ? "paymentMethod" : "source";
                handle.apply(handler, "{\"storage\":21,\"" + field + "\":\"" + source + "\"}");
            }
            handle.apply(handler, "{\"storage\":\"lots\",\"paymentMethod\":\"pm_card_visa\"}");
            handle.apply(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}garbage");
            servers.stripe.failNext(2, StripeFault.API_ERROR);
            handle.apply(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            servers.stripe.failNext(2, StripeFault.RATE_LIMIT);
            handle.apply(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            servers.sns.failNext(3, SnsFault.INTERNAL_ERROR);
            handle.apply(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            // the key read again in an invocation, its time to live over: SSM's answer holds the key
            servers.clock.advance(ParameterStoreCache.DEFAULT_TIME_TO_LIVE.plusSeconds(1));
            handle.apply(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            // a key Stripe no longer accepts, read again and still refused
            servers.stripe.requireApiKey("sk_test_" + UUID.randomUUID().toString().replace("-", ""));
            handle.apply(handler, "{\"storage\":21,\"paymentMethod\":\"pm_card_visa\"}");
            // a cold start that cannot read the key
            servers.reset("/stripeSecretKey/test", STRIPE_KEY);
            servers.ssm.failNext(50, SsmFault.ACCESS_DENIED);
            handle.apply(servers.coldStart("dev", traced), "{\"storage\":21,\"source\":\"tok_visa\"}");
            daemon.drain();
            traces = daemon.datagrams();
            recorded = logs.text() + servers.metricLines.toString(StandardCharsets.UTF_8) + String.join("\n", traces);
        }

        assertThat(String.join("\n", traces)).as("the traces searched hold each call, the failed ones with their cause")
                .contains("\"name\":\"Stripe\"", "\"name\":\"Ssm\"", "\"name\":\"Sns\"",
                        "com.stripe.exception.InvalidRequestException", "com.stripe.exception.CardException",
                        "com.stripe.exception.AuthenticationException", "resource_missing");
        assertThat(recorded).as("what billing recorded").isNotBlank()
                .doesNotContain(STRIPE_KEY)
                .doesNotContain(servers.webhookSecret)
                .doesNotContain("sk_test_")
                .doesNotContain("whsec_");
        for (String source : SOURCES) {
            assertThat(recorded).as("a whole payment source").doesNotContain(source);
        }
    }

    private static APIGatewayProxyResponseEvent invoke(BillingHandler handler, String body, Context context) {
        APIGatewayProxyRequestEvent request = LocalBillingServers.purchase(body)
                .withHeaders(Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        return LambdaEvents.callProxy(handler, request, context);
    }

    /** One purchase request with this body, made to this billing function as one traced invocation. */
    @FunctionalInterface
    private interface Handling {
        void apply(BillingHandler handler, String body);
    }
}
