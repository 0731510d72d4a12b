package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.scratch.aws.InvocationTracing;
import com.scratch.billing.api.ApiResponses;
import com.scratch.billing.api.ProxyInvocations;
import com.scratch.billing.api.PurchaseRequestParser;
import com.scratch.billing.metrics.BillingMetrics;
import com.scratch.billing.purchase.PurchaseFailedException;
import com.scratch.billing.purchase.PurchaseReceipt;
import com.scratch.billing.purchase.PurchaseService;
import com.scratch.lambda.ProxyEvents;
import com.scratch.lambda.ProxyResponse;
import com.scratch.logging.InvocationLogContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 *
 * <p>It takes API Gateway's event as bytes, not as {@code APIGatewayProxyRequestEvent}: see {@link ProxyInvocations}.
 */
public final class BillingHandler implements RequestStreamHandler {

    private final PurchaseService purchases;
    private final BillingMetrics metrics;
    private final ProxyInvocations invocations;

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
        this.invocations = new ProxyInvocations(logging, invocations);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        invocations.handle(event, answer, context, this::answer);
    }

    private ProxyResponse answer(byte[] event) {
        try {
            PurchaseReceipt receipt = purchases.purchase(PurchaseRequestParser.parse(ProxyEvents.read(event)));
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
