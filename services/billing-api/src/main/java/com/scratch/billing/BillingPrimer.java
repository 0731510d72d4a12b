package com.scratch.billing;

import com.scratch.billing.api.ApiResponses;
import com.scratch.billing.api.PurchaseRequestParser;
import com.scratch.billing.purchase.PurchaseReceipt;
import com.scratch.billing.stripe.StripePayments;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import com.scratch.lambda.ProxyEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Work done before a SnapStart snapshot so that a restored function does not pay for it on its first request:
 * loading and initialising the classes of the request path. It touches no secret and no network.
 */
final class BillingPrimer {

    /** A purchase's proxy event, with what API Gateway always sends around the body. */
    private static final byte[] PRIMING_EVENT = ("{\"httpMethod\":\"POST\",\"path\":\"/billing\","
            + "\"headers\":{\"Idempotency-Key\":\"priming\"},\"multiValueHeaders\":{\"Idempotency-Key\":[\"priming\"]},"
            + "\"requestContext\":{\"requestId\":\"priming\",\"identity\":{\"caller\":\"priming\"}},"
            + "\"body\":\"{\\\"storage\\\":21,\\\"source\\\":\\\"tok_visa\\\"}\",\"isBase64Encoded\":false}")
            .getBytes(StandardCharsets.UTF_8);

    private BillingPrimer() {
    }

    static void prime() {
        PurchaseRequestParser.parse(ProxyEvents.read(PRIMING_EVENT));
        StripePayments.prime();
        NotePurchasedCodec.encode(new NotePurchased("priming", 4200, "usd", "Scratch charge", 21, "pi_priming", null,
                "priming", Instant.EPOCH));
        ApiResponses.purchased(new PurchaseReceipt("pi_priming", 4200, "usd"));
    }
}
