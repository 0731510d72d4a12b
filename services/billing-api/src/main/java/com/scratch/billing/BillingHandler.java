package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.scratch.aws.InvocationSpan;
import com.scratch.aws.InvocationTracing;
import com.scratch.billing.api.ApiResponses;
import com.scratch.billing.api.PurchaseRequestParser;
import com.scratch.billing.metrics.BillingMetrics;
import com.scratch.billing.purchase.PurchaseFailedException;
import com.scratch.billing.purchase.PurchaseReceipt;
import com.scratch.billing.purchase.PurchaseService;
import com.scratch.logging.InvocationLog;
import com.scratch.logging.InvocationLogContext;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /billing}: buys notes. Parses the request, hands it to {@link PurchaseService} and answers with
 * the receipt, or with the answer of the {@link PurchaseFailedException} that says what went wrong.
 *
 * <p>Like every handler here, it is built from an environment it is given: Lambda calls the no-argument
 * constructor, which passes {@code System.getenv()} to the public {@code (Map<String, String>)} one, and the code
 * below reads its variables from that map only. The sandbox, which hosts every function in one JVM, calls the
 * {@code Map} constructor with each function's own variables.
 */
public final class BillingHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final PurchaseService purchases;
    private final BillingMetrics metrics;
    private final InvocationLogContext logging;
    private final InvocationTracing invocations;

    /** Called by Lambda once per container: builds the clients and starts reading the Stripe key. */
    public BillingHandler() {
        this(System.getenv());
    }

    /** The cold start, from the function's environment variables (see {@link BillingColdStart}). */
    public BillingHandler(Map<String, String> environment) {
        this(BillingColdStart.billing(environment));
    }

    BillingHandler(BillingColdStart.Billing billing) {
        this(billing.purchases(), billing.metrics(), billing.logging(), billing.invocations());
    }

    public BillingHandler(PurchaseService purchases, BillingMetrics metrics, InvocationLogContext logging,
            InvocationTracing invocations) {
        this.purchases = Objects.requireNonNull(purchases, "purchases == null");
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
        this.logging = Objects.requireNonNull(logging, "logging == null");
        this.invocations = Objects.requireNonNull(invocations, "invocations == null");
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try (InvocationLog invocation = logging.begin(context); InvocationSpan span = invocations.start()) {
            APIGatewayProxyResponseEvent response = answer(event);
            invocation.answered(response.getStatusCode());
            return response;
        }
    }

    private APIGatewayProxyResponseEvent answer(APIGatewayProxyRequestEvent event) {
        try {
            PurchaseReceipt receipt = purchases.purchase(PurchaseRequestParser.parse(event));
            metrics.purchased(receipt);
            return ApiResponses.purchased(receipt);
        } catch (PurchaseFailedException e) {
            metrics.failed(e);
            return ApiResponses.failed(e);
        } catch (RuntimeException e) {
            metrics.failedUnexpectedly();
            return ApiResponses.unexpected(e);
        } finally {
            metrics.flush();
        }
    }
}
