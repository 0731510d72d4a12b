package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.scratch.billing.announce.AnnouncementFailedException;
import com.scratch.billing.api.ApiResponses;
import com.scratch.billing.api.InvalidPurchaseRequestException;
import com.scratch.billing.api.PurchaseRequestParser;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseRequest;
import com.scratch.billing.purchase.PurchaseService;
import com.scratch.billing.stripe.CardDeclinedException;
import com.scratch.billing.stripe.IdempotencyKeyReusedException;
import com.scratch.billing.stripe.PaymentMethodRejectedException;
import com.scratch.billing.stripe.PaymentProviderUnavailableException;
import com.scratch.billing.stripe.StripeKeyForWrongStageException;
import com.scratch.billing.stripe.StripeKeyRejectedException;
import com.scratch.config.FunctionEnvironment;
import com.scratch.secrets.SecretReadException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /billing}: buys notes. Parses the request, hands it to {@link PurchaseService} and turns each
 * outcome into its HTTP answer; no internals (keys, stack traces, AWS errors) ever reach the response.
 */
public final class BillingHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger log = LoggerFactory.getLogger(BillingHandler.class);

    private final PurchaseService purchases;

    /** Called by Lambda once per container: builds the clients and starts reading the Stripe key. */
    public BillingHandler() {
        this(BillingColdStart.purchaseService(FunctionEnvironment.variables()));
    }

    public BillingHandler(PurchaseService purchases) {
        this.purchases = Objects.requireNonNull(purchases, "purchases == null");
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        PurchaseRequest request;
        try {
            request = PurchaseRequestParser.parse(event);
        } catch (InvalidPurchaseRequestException e) {
            log.info("Refused a purchase request: {} ({})", e.getMessage(), e.field());
            return ApiResponses.failed(400, "invalid_request", e.getMessage(), Map.of("field", e.field()));
        }
        try {
            return ApiResponses.purchased(purchases.purchase(request));
        } catch (CardDeclinedException e) {
            return ApiResponses.failed(402, "card_declined", e.getMessage(), e.declineCode()
                    .map(declineCode -> Map.of("code", e.code(), "declineCode", declineCode))
                    .orElse(Map.of("code", e.code())));
        } catch (PaymentMethodRejectedException e) {
            String field = request.source() instanceof PaymentSource.CardToken ? "source" : "paymentMethod";
            return ApiResponses.failed(400, "invalid_request", e.getMessage(), Map.of("field", field));
        } catch (IdempotencyKeyReusedException e) {
            return ApiResponses.failed(409, "idempotency_key_reused", e.getMessage(), Map.of());
        } catch (PaymentProviderUnavailableException e) {
            return ApiResponses.failed(502, "payment_provider_unavailable",
                    "The payment provider did not answer. Retrying the same request will not charge twice.",
                    Map.of("idempotencyKey", request.idempotencyKey()));
        } catch (SecretReadException | StripeKeyRejectedException | StripeKeyForWrongStageException e) {
            log.error("Payments unavailable: {}", e.getMessage());
            return ApiResponses.failed(503, "service_unavailable", "Payments are unavailable, try again shortly.", Map.of());
        } catch (AnnouncementFailedException e) {
            return ApiResponses.failed(503, "purchase_not_recorded",
                    "The card was charged but the purchase could not be recorded yet. Retry the same request with the"
                            + " same Idempotency-Key: it will not charge again.",
                    Map.of("paymentId", e.paymentId(), "idempotencyKey", request.idempotencyKey()));
        }
    }
}
