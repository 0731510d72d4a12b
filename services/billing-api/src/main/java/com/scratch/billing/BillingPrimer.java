package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.scratch.billing.api.ApiResponses;
import com.scratch.billing.api.PurchaseRequestParser;
import com.scratch.billing.purchase.PurchaseReceipt;
import com.scratch.billing.stripe.StripePayments;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import java.time.Instant;

/**
 * Work done before a SnapStart snapshot so that a restored function does not pay for it on its first request:
 * loading and initialising the classes of the request path. It touches no secret and no network.
 */
final class BillingPrimer {

    private BillingPrimer() {
    }

    static void prime() {
        PurchaseRequestParser.parse(new APIGatewayProxyRequestEvent().withBody("{\"storage\":21,\"source\":\"tok_visa\"}"));
        StripePayments.prime();
        NotePurchasedCodec.encode(new NotePurchased("priming", 4200, "usd", "Scratch charge", 21, "pi_priming", null,
                "priming", Instant.EPOCH));
        ApiResponses.purchased(new PurchaseReceipt("pi_priming", 4200, "usd"));
    }
}
