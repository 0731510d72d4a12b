package com.scratch.billing.stripe;

import com.scratch.aws.ClientTracing;
import com.scratch.aws.RemoteCall;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import com.stripe.net.StripeResponse;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Each call to Stripe as a remote call in the purchase's trace, named {@value #REMOTE_NAME}: its method and path,
 * Stripe's HTTP status and request id (what Stripe's support asks for), from the answer or from the
 * {@link StripeException}. The status marks it: a declined card (402) or a rejected key (401) is an error, a 429 a
 * throttle, a 5xx or no answer a fault. stripe-java retries connection failures and 5xx itself
 * ({@link StripeConfig#maxNetworkRetries()}), so one call here is what stripe-java made of its attempts.
 *
 * <p>A failure is recorded under its type with a {@link #summary} of Stripe's fields instead of its message: Stripe's
 * messages quote the request ({@code No such PaymentMethod: 'pm_...'}) and, for a rejected key, part of the key.
 * The purchase's annotations are not this call's: they go on the invocation's span. Thread-safe.
 */
final class StripeCallTracing {

    static final String REMOTE_NAME = "Stripe";

    private final ClientTracing tracing;

    StripeCallTracing(ClientTracing tracing) {
        this.tracing = Objects.requireNonNull(tracing, "tracing == null");
    }

    /** Makes the call inside a remote-call span and reads its answer as a PaymentIntent. */
    PaymentIntentAnswer paymentIntent(String method, String path, IntentCall call) throws StripeException {
        try (RemoteCall remote = tracing.remoteCall(REMOTE_NAME, method, path)) {
            try {
                StripeResponse response = call.make();
                remote.status(response.code());
                remote.requestId(response.requestId());
                return PaymentIntentAnswer.read(response.body());
            } catch (StripeException e) {
                if (e.getStatusCode() != null && e.getStatusCode() > 0) {
                    remote.status(e.getStatusCode());
                }
                remote.requestId(e.getRequestId());
                remote.failed(e, summary(e));
                throw e;
            } catch (RuntimeException e) {
                // What came back is no PaymentIntent: a message about it may quote the answer.
                remote.failed(e, "no usable answer from Stripe");
                throw e;
            }
        }
    }

    /**
     * What a failed call is recorded with: its HTTP status and the codes of Stripe's error, which say what went wrong
     * without quoting the request ({@code HTTP 400, type invalid_request_error, code resource_missing, param
     * payment_method}).
     */
    static String summary(StripeException e) {
        StringJoiner summary = new StringJoiner(", ");
        summary.add(e.getStatusCode() != null && e.getStatusCode() > 0 ? "HTTP " + e.getStatusCode() : "no answer");
        StripeError error = e.getStripeError();
        if (error != null) {
            add(summary, "type", error.getType());
            add(summary, "code", error.getCode());
            add(summary, "decline code", error.getDeclineCode());
            add(summary, "param", error.getParam());
        }
        return summary.toString();
    }

    private static void add(StringJoiner summary, String field, String value) {
        if (value != null && !value.isBlank()) {
            summary.add(field + " " + value);
        }
    }

    /** One PaymentIntent call to Stripe, answered with the PaymentIntent's JSON. */
    @FunctionalInterface
    interface IntentCall {
        StripeResponse make() throws StripeException;
    }
}
