package com.scratch.billing;

import com.scratch.billing.api.ApiResponses;
import com.scratch.billing.announce.SnsPurchaseAnnouncements;
import com.scratch.billing.api.PurchaseRequestParser;
import com.scratch.billing.purchase.PurchaseReceipt;
import com.scratch.billing.stripe.StripePayments;
import com.scratch.events.NotePurchased;
import com.scratch.events.NotePurchasedCodec;
import com.scratch.lambda.ProxyEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loading and initialising the classes of the request path, so that the first request does not pay for it: on a
 * thread of its own during init ({@link #startPriming()}), where it overlaps the clients' builds and the key read, and
 * again before a SnapStart snapshot. It touches no secret and no network.
 */
final class BillingPrimer {

    private static final Logger log = LoggerFactory.getLogger(BillingPrimer.class);

    /** A purchase's proxy event, with what API Gateway always sends around the body. */
    private static final byte[] PRIMING_EVENT = ("{\"httpMethod\":\"POST\",\"path\":\"/billing\","
            + "\"headers\":{\"Idempotency-Key\":\"priming\"},\"multiValueHeaders\":{\"Idempotency-Key\":[\"priming\"]},"
            + "\"requestContext\":{\"requestId\":\"priming\",\"identity\":{\"caller\":\"priming\"}},"
            + "\"body\":\"{\\\"storage\\\":21,\\\"source\\\":\\\"tok_visa\\\"}\",\"isBase64Encoded\":false}")
            .getBytes(StandardCharsets.UTF_8);

    private BillingPrimer() {
    }

    /**
     * Starts {@link #prime()} on a thread of its own; join it at the end of init. Priming that fails is logged and
     * the function goes on: the first request then loads what it needs itself.
     */
    static Thread startPriming() {
        Thread priming = new Thread(() -> {
            try {
                prime();
            } catch (RuntimeException | LinkageError e) {
                log.warn("Priming the request path failed; the first request will load it", e);
            }
        }, "billing-priming");
        priming.setDaemon(true);
        priming.start();
        return priming;
    }

    static void prime() {
        PurchaseRequestParser.parse(ProxyEvents.read(PRIMING_EVENT));
        StripePayments.prime();
        SnsPurchaseAnnouncements.prime();
        NotePurchasedCodec.encode(new NotePurchased("priming", 4200, "usd", "Scratch charge", 21, "pi_priming", null,
                "priming", Instant.EPOCH));
        ApiResponses.purchased(new PurchaseReceipt("pi_priming", 4200, "usd"));
    }
}
