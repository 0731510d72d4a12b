package com.scratch.billing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.scratch.aws.InvocationTracing;
import com.scratch.billing.api.ProxyInvocations;
import com.scratch.billing.purchase.PurchaseFailedException;
import com.scratch.billing.webhook.StripeWebhooks;
import com.scratch.billing.webhook.WebhookRejectedException;
import com.scratch.billing.webhook.WebhookRequest;
import com.scratch.billing.webhook.WebhookResponses;
import com.scratch.lambda.ProxyEvents;
import com.scratch.lambda.ProxyResponse;
import com.scratch.logging.InvocationLogContext;
import com.scratch.secrets.SecretReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /billing/webhook}: Stripe's webhook endpoint (no IAM auth: Stripe cannot sign with AWS credentials;
 * the {@code Stripe-Signature} is the authentication). Reads the request, hands it to {@link StripeWebhooks} and
 * answers 200 for every genuine event it has dealt with, 400 for anything that is not one, and 5xx when the purchase
 * could not be announced yet, so that Stripe delivers it again.
 *
 * <p>Built like every handler here: Lambda calls the no-argument constructor, which passes {@code System.getenv()} to
 * the public {@code (Map<String, String>)} one.
 */
public final class StripeWebhookHandler implements RequestStreamHandler {

    private final StripeWebhooks webhooks;
    private final ProxyInvocations invocations;

    /** Called by Lambda once per container: builds the clients and starts reading the signing secret. */
    public StripeWebhookHandler() {
        this(System.getenv());
    }

    /** The cold start, from the function's environment variables (see {@link BillingColdStart}). */
    public StripeWebhookHandler(Map<String, String> environment) {
        this(BillingColdStart.stripeWebhooks(environment));
    }

    StripeWebhookHandler(BillingColdStart.Webhooks webhooks) {
        this(webhooks.webhooks(), webhooks.logging(), webhooks.invocations());
    }

    public StripeWebhookHandler(StripeWebhooks webhooks, InvocationLogContext logging, InvocationTracing invocations) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks == null");
        this.invocations = new ProxyInvocations(logging, invocations);
    }

    /** Takes API Gateway's event as bytes, as {@link BillingHandler} does. */
    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        invocations.handle(event, answer, context, this::answer);
    }

    private ProxyResponse answer(byte[] event) {
        try {
            WebhookRequest request = WebhookRequest.from(ProxyEvents.read(event));
            return WebhookResponses.received(webhooks.handle(request.payload(), request.signature()));
        } catch (WebhookRejectedException e) {
            return WebhookResponses.rejected(e);
        } catch (PurchaseFailedException e) {
            return WebhookResponses.notAnnounced(e);
        } catch (SecretReadException e) {
            return WebhookResponses.unavailable(e);
        } catch (RuntimeException e) {
            return WebhookResponses.unexpected(e);
        }
    }
}
