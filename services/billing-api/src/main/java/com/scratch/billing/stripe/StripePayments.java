package com.scratch.billing.stripe;

import com.scratch.aws.ClientTracing;
import com.scratch.billing.purchase.AuthenticationRequiredException;
import com.scratch.billing.purchase.Payment;
import com.scratch.billing.purchase.PaymentCanceledException;
import com.scratch.billing.purchase.PaymentPendingException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.Payments;
import com.scratch.billing.purchase.PurchaseDetails;
import com.scratch.billing.purchase.PurchaseService;
import com.scratch.config.Stage;
import com.scratch.secrets.CachedParameter;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.util.Map;
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
 */
public final class StripePayments implements Payments {

    static final String CURRENCY = "usd";
    static final String PAYMENT_INTENTS_PATH = "/v1/payment_intents";
    /** The annotation a purchase's trace is found by ({@code annotation.paymentId = "pi_..."}). */
    public static final String PAYMENT_ID_ANNOTATION = "paymentId";

    private static final Logger log = LoggerFactory.getLogger(StripePayments.class);
    /** The least of an answer to a charge; what matters is the type it is read as. */
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
        PaymentIntentCreateParams params = paymentIntent(amount, source, details);
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            PaymentIntent intent = stripe.call(client -> traced.paymentIntent("POST", PAYMENT_INTENTS_PATH,
                    () -> client.v1().paymentIntents().create(params, options)));
            // Annotated here, after the call: the invocation's span is current again, not the closed call's.
            tracing.annotate(PAYMENT_ID_ANNOTATION, intent.getId());
            log.debug("PaymentIntent {} created: {}", intent.getId(), intent.getStatus());
            if ("processing".equals(intent.getStatus())) {
                // A retry with the same idempotency key gets the first answer replayed, "processing" included:
                // only a retrieve tells how the payment has gone since.
                String id = intent.getId();
                intent = stripe.call(client -> traced.paymentIntent("GET", PAYMENT_INTENTS_PATH + "/" + id,
                        () -> client.v1().paymentIntents().retrieve(id)));
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
    static Payment completed(PaymentIntent intent) {
        String id = intent.getId();
        String status = intent.getStatus();
        switch (status) {
            case "succeeded":
                return new Payment(id, intent.getAmount(), intent.getCurrency());
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
                log.warn("PaymentIntent {} was canceled ({})", id, intent.getCancellationReason());
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
     * init and before a SnapStart snapshot): the parameter builders and their encoding into the request's form
     * ({@code toMap}, by reflection over every nested parameter class), and Gson's adapters for a PaymentIntent,
     * which stripe-java builds by reflection over the model's whole class graph (about 400 classes) on the first
     * answer.
     */
    public static void prime() {
        PurchaseDetails details = new PurchaseDetails(1, null, "prime");
        paymentIntent(400, new PaymentSource.CardToken("tok_visa"), details).toMap();
        paymentIntent(400, new PaymentSource.PaymentMethod("pm_card_visa"), details).toMap();
        ApiResource.GSON.fromJson(PRIMING_ANSWER, PaymentIntent.class);
    }


    private static PaymentIntentCreateParams paymentIntent(long amount, PaymentSource source, PurchaseDetails details) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(CURRENCY)
                .setDescription(PurchaseService.DESCRIPTION)
                // What the webhook needs to announce the purchase if this request never does (PurchaseMetadata).
                .putAllMetadata(PurchaseMetadata.of(details))
                .addPaymentMethodType("card")
                .setConfirm(true)
                .setErrorOnRequiresAction(true);
        if (source instanceof PaymentSource.CardToken) {
            // stripe-java's typed builder has no card-token form of payment_method_data: send it as extra params.
            params.setPaymentMethodData(PaymentIntentCreateParams.PaymentMethodData.builder()
                    .putExtraParam("type", "card")
                    .putExtraParam("card", Map.of("token", source.id()))
                    .build());
        } else {
            params.setPaymentMethod(source.id());
        }
        return params.build();
    }
}
