package com.scratch.billing.stripe;

import com.scratch.aws.ClientTracing;
import com.scratch.aws.RemoteCall;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.StripeResponse;
import java.util.Objects;

/**
 * Each call to Stripe as a remote call in the purchase's trace, named {@value #REMOTE_NAME}: its method and path,
 * Stripe's HTTP status and request id (what Stripe's support asks for), from the answer or from the
 * {@link StripeException}. The status marks it: a declined card (402) or a rejected key (401) is an error, a 429 a
 * throttle, a 5xx or no answer a fault. stripe-java retries connection failures and 5xx itself
 * ({@link StripeConfig#maxNetworkRetries()}), so one call here is what stripe-java made of its attempts.
 *
 * <p>The purchase's annotations are not this call's: they go on the invocation's span. Thread-safe.
 */
final class StripeCallTracing {

    static final String REMOTE_NAME = "Stripe";

    private final ClientTracing tracing;

    StripeCallTracing(ClientTracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing == null");
    }

    /** Makes the call inside a remote-call span. */
    PaymentIntent paymentIntent(String method, String path, IntentCall call) throws StripeException {
        try (RemoteCall remote = tracing.remoteCall(REMOTE_NAME, method, path)) {
            try {
                PaymentIntent intent = call.make();
                StripeResponse response = intent.getLastResponse();
                if (response != null) {
                    remote.status(response.code());
                    remote.requestId(response.requestId());
                }
                return intent;
            } catch (StripeException e) {
                if (e.getStatusCode() != null && e.getStatusCode() > 0) {
                    remote.status(e.getStatusCode());
                }
                remote.requestId(e.getRequestId());
                remote.failed(e);
                throw e;
            } catch (RuntimeException e) {
                remote.failed(e);
                throw e;
            }
        }
    }

    /** One PaymentIntent call to Stripe. */
    @FunctionalInterface
    interface IntentCall {
        PaymentIntent make() throws StripeException;
    }
}
