package com.scratch.billing.stripe;

import com.scratch.aws.ClientTracing;
import com.scratch.billing.purchase.AuthenticationRequiredException;
import com.scratch.billing.purchase.Payment;
import com.scratch.billing.purchase.PaymentCanceledException;
import com.scratch.billing.purchase.PaymentPendingException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.Payments;
import com.scratch.billing.purchase.PurchaseDetails;
import com.scratch.config.Stage;
import com.scratch.secrets.CachedParameter;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource.RequestMethod;
import com.stripe.net.RawRequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges cards with Stripe PaymentIntents: created and confirmed in one call, card only, failing rather than
 * asking for a redirect, in usd. The calls go through {@link KeyRotationRetry} (with a client per key from
 * {@link StripeClients}); what Stripe throws becomes a purchase failure through {@link StripeFailures}, and an
 * intent that did not succeed becomes the failure its status means. Every call to Stripe is a remote call in the
 * purchase's trace ({@link StripeCallTracing}), and the PaymentIntent's id, once Stripe names it (a declined one
 * included), annotates the invocation's span as {@value #PAYMENT_ID_ANNOTATION}. Thread-safe.
 *
 * <p>stripe-java makes each call (the key, its retries, the idempotency key, an error as its typed exception), as a
 * raw request: the form is ours ({@link PaymentIntentForm}) and so is the reading of the answer
 * ({@link PaymentIntentAnswer}). Its typed parameters and models cost a cold start ~400 ms of reflection over some
 * 600 classes to send ten fields and read five (BENCHMARKS.md, figure 1).
 */
public final class StripePayments implements Payments {

    static final String PAYMENT_INTENTS_PATH = "/v1/payment_intents";
    /** The annotation a purchase's trace is found by ({@code annotation.paymentId = "pi_..."}). */
    public static final String PAYMENT_ID_ANNOTATION = "paymentId";

    private static final Logger log = LoggerFactory.getLogger(StripePayments.class);
    /** The least of an answer to a charge. */
    private static final String PRIMING_ANSWER = "{\"id\":\"pi_priming\",\"object\":\"payment_intent\","
            + "\"amount\":400,\"currency\":\"usd\",\"status\":\"succeeded\",\"metadata\":{}}";

    private final KeyRotationRetry stripe;
    private final ClientTracing tracing;
    private final StripeCallTracing traced;

    /** Charges with the key {@code apiKey} holds, which must fit {@code stage}, each call traced with {@code tracing}. */
    public StripePayments(CachedParameter apiKey, Stage stage, StripeConfig config, ClientTracing tracing) {
        this(new KeyRotationRetry(new StripeClients(apiKey, stage, config)), tracing);
    }

    StripePayments(KeyRotationRetry stripe, ClientTracing tracing) {
        this.stripe = Objects.requireNonNull(stripe, "stripe == null");
        this.tracing = Objects.requireNonNull(tracing, "tracing == null");
        this.traced = new StripeCallTracing(tracing);
    }

    @Override
    public Payment charge(long amount, PaymentSource source, String idempotencyKey, PurchaseDetails details) {
        String form = PaymentIntentForm.of(amount, source, details);
        RawRequestOptions options = RawRequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            PaymentIntentAnswer intent = stripe.call(client -> traced.paymentIntent("POST", PAYMENT_INTENTS_PATH,
                    () -> client.rawRequest(RequestMethod.POST, PAYMENT_INTENTS_PATH, form, options)));
            // Annotated here, after the call: the invocation's span is current again, not the closed call's.
            tracing.annotate(PAYMENT_ID_ANNOTATION, intent.id());
            log.debug("PaymentIntent {} created: {}", intent.id(), intent.status());
            if ("processing".equals(intent.status())) {
                // A retry with the same idempotency key gets the first answer replayed, "processing" included:
                // only a retrieve tells how the payment has gone since.
                String path = PAYMENT_INTENTS_PATH + "/" + URLEncoder.encode(intent.id(), StandardCharsets.UTF_8);
                intent = stripe.call(client -> traced.paymentIntent("GET", path,
                        () -> client.rawRequest(RequestMethod.GET, path, null)));
            }
            return completed(intent);
        } catch (StripeException e) {
            if (e.getStripeError() != null && e.getStripeError().getPaymentIntent() != null) {
                // A decline names the intent it declined: the trace of a declined purchase is found by it too.
                tracing.annotate(PAYMENT_ID_ANNOTATION, e.getStripeError().getPaymentIntent().getId());
            }
            throw StripeFailures.translate(e, source);
        }
    }

    /**
     * The payment a confirmed intent made, or the failure its status means. With {@code confirm} and
     * {@code error_on_requires_action}, a decline is thrown by Stripe as a card error; an intent that comes back
     * unfinished is waiting for something a server-side confirm cannot give.
     */
    static Payment completed(PaymentIntentAnswer intent) {
        String id = intent.id();
        String status = intent.status();
        switch (status) {
            case "succeeded":
                return new Payment(id, intent.amount(), intent.currency());
            case "processing":
                log.error("PaymentIntent {} is still processing: not announced; the client may retry with the same key",
                        id);
                throw new PaymentPendingException(id);
            case "requires_action":
            case "requires_payment_method":
            case "requires_confirmation":
                // 3-D Secure asked for by the card: only the cardholder, in the browser, can complete it.
                log.warn("PaymentIntent {} needs customer authentication (status {})", id, status);
                throw new AuthenticationRequiredException(id, status);
            case "canceled":
                log.warn("PaymentIntent {} was canceled ({})", id, intent.cancellationReason());
                throw new PaymentCanceledException(id);
            default:
                // requires_capture, or a status newer than this code: the request this service built did not ask
                // for it, so it is a fault here, not something to tell the buyer about their card.
                throw new IllegalStateException("PaymentIntent " + id + " ended in status " + status
                        + ", which a confirmed, automatically captured card payment never should");
        }
    }

    /**
     * Loads what building a charge and reading Stripe's answer need, with no key and no network call (priming, in
     * init and before a SnapStart snapshot): the form, both kinds of payment source, and the answer's reader.
     */
    public static void prime() {
        PurchaseDetails details = new PurchaseDetails(1, null, "prime");
        PaymentIntentForm.of(400, new PaymentSource.CardToken("tok_visa"), details);
        PaymentIntentForm.of(400, new PaymentSource.PaymentMethod("pm_card_visa"), details);
        RawRequestOptions.builder().setIdempotencyKey("priming").build();
        completed(PaymentIntentAnswer.read(PRIMING_ANSWER));
    }
}
