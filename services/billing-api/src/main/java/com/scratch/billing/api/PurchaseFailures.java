package com.scratch.billing.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.scratch.billing.announce.AnnouncementFailedException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseRequest;
import com.scratch.billing.stripe.CardDeclinedException;
import com.scratch.billing.stripe.IdempotencyKeyReusedException;
import com.scratch.billing.stripe.PaymentMethodRejectedException;
import com.scratch.billing.stripe.PaymentPendingException;
import com.scratch.billing.stripe.PaymentProviderUnavailableException;
import com.scratch.billing.stripe.PaymentRequestRejectedException;
import com.scratch.billing.stripe.StripeKeyForWrongStageException;
import com.scratch.billing.stripe.StripeKeyRejectedException;
import com.scratch.secrets.SecretReadException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP answer to each way a purchase can fail. Bodies say what the caller can do; none carries internals
 * (keys, parameter names, AWS or Stripe errors). Anything unexpected is a 500 with the CORS headers, so the
 * browser can still read it, and a log line with the stack trace.
 */
public final class PurchaseFailures {

    private static final Logger log = LoggerFactory.getLogger(PurchaseFailures.class);
    private static final String RETRY_IS_SAFE = "Retrying the same request (with the same Idempotency-Key, if one was"
            + " sent) will not charge twice.";

    private PurchaseFailures() {
    }

    public static APIGatewayProxyResponseEvent invalidRequest(InvalidPurchaseRequestException e) {
        log.info("Refused a purchase request: {} ({})", e.getMessage(), e.field());
        return ApiResponses.failed(400, "invalid_request", e.getMessage(), Map.of("field", e.field()));
    }

    public static APIGatewayProxyResponseEvent response(RuntimeException failure, PurchaseRequest request) {
        if (failure instanceof CardDeclinedException) {
            CardDeclinedException declined = (CardDeclinedException) failure;
            return ApiResponses.failed(402, "card_declined", declined.getMessage(), declined.declineCode()
                    .map(declineCode -> Map.of("code", declined.code(), "declineCode", declineCode))
                    .orElse(Map.of("code", declined.code())));
        }
        if (failure instanceof PaymentMethodRejectedException) {
            String field = request.source() instanceof PaymentSource.CardToken ? "source" : "paymentMethod";
            return ApiResponses.failed(400, "invalid_request", failure.getMessage(), Map.of("field", field));
        }
        if (failure instanceof IdempotencyKeyReusedException) {
            return ApiResponses.failed(409, "idempotency_key_reused", failure.getMessage(), Map.of());
        }
        if (failure instanceof PaymentProviderUnavailableException) {
            return ApiResponses.failed(502, "payment_provider_unavailable",
                    "The payment provider did not answer. " + RETRY_IS_SAFE, Map.of());
        }
        if (failure instanceof PaymentPendingException) {
            return ApiResponses.failed(503, "payment_pending", "The payment is still being processed and is not"
                    + " recorded yet. " + RETRY_IS_SAFE, Map.of("paymentId", ((PaymentPendingException) failure).paymentId()));
        }
        if (failure instanceof SecretReadException || failure instanceof StripeKeyRejectedException
                || failure instanceof StripeKeyForWrongStageException) {
            log.error("Payments unavailable: {}", failure.getMessage());
            return ApiResponses.failed(503, "service_unavailable", "Payments are unavailable, try again shortly.", Map.of());
        }
        if (failure instanceof AnnouncementFailedException) {
            return ApiResponses.failed(503, "purchase_not_recorded", "The card was charged but the purchase could not be"
                    + " recorded yet. " + RETRY_IS_SAFE, Map.of("paymentId", ((AnnouncementFailedException) failure).paymentId()));
        }
        if (!(failure instanceof PaymentRequestRejectedException)) {
            log.error("Purchase failed unexpectedly", failure);
        }
        return ApiResponses.failed(500, "internal_error", "The purchase failed on our side. " + RETRY_IS_SAFE, Map.of());
    }
}
