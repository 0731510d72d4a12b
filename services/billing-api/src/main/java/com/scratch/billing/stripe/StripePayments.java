package com.scratch.billing.stripe;

import com.scratch.billing.purchase.Payment;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.Payments;
import com.scratch.billing.purchase.PurchaseService;
import com.scratch.secrets.Secret;
import com.scratch.config.Stage;
import com.scratch.secrets.CachedParameter;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges cards with Stripe PaymentIntents: created and confirmed in one call, card only, failing rather than
 * asking for a redirect, in usd. One {@link StripeClient} per container, built with the key from Parameter Store
 * on first use and rebuilt only when that key changes. A key that does not fit the stage is refused before any
 * charge. When Stripe rejects the key (rolled or revoked), the key is read again and the charge retried once
 * with the same idempotency key. Thread-safe.
 */
public final class StripePayments implements Payments {

    static final String CURRENCY = "usd";
    /**
     * A key read more recently than this is not read again when Stripe rejects it: the parameter itself holds
     * the rejected key, and reading it on every request would only load SSM (at most one read per container
     * every 10 s while a revoked key waits to be replaced).
     */
    static final Duration MIN_KEY_AGE_BEFORE_REREAD = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(StripePayments.class);

    private final CachedParameter apiKey;
    private final Stage stage;
    private final StripeSettings settings;
    private final AtomicReference<KeyedClient> client = new AtomicReference<>();

    public StripePayments(CachedParameter apiKey, Stage stage, StripeSettings settings) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
        this.stage = Objects.requireNonNull(stage, "stage == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
    }

    @Override
    public Payment charge(long amount, PaymentSource source, String idempotencyKey) {
        PaymentIntentCreateParams params = paymentIntent(amount, source);
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        PaymentIntent intent = create(params, options);
        if ("processing".equals(intent.getStatus())) {
            // A retry with the same idempotency key gets the first answer replayed, "processing" included:
            // only a retrieve tells how the payment has gone since.
            intent = retrieve(intent.getId());
        }
        if ("processing".equals(intent.getStatus())) {
            log.error("PaymentIntent {} is still processing: not announced; the client may retry with the same key",
                    intent.getId());
            throw new PaymentPendingException(intent.getId());
        }
        if (!"succeeded".equals(intent.getStatus())) {
            log.warn("PaymentIntent {} ended in status {}", intent.getId(), intent.getStatus());
            throw new CardDeclinedException("payment_" + intent.getStatus(), null,
                    "The payment could not be completed (status " + intent.getStatus() + ")");
        }
        return new Payment(intent.getId(), intent.getAmount(), intent.getCurrency());
    }

    private PaymentIntent create(PaymentIntentCreateParams params, RequestOptions options) {
        for (int attempt = 1; ; attempt++) {
            KeyedClient keyed = client();
            try {
                return keyed.client().v1().paymentIntents().create(params, options);
            } catch (AuthenticationException e) { // PermissionException (403) is one too
                boolean freshKeyComing = attempt == 1 && apiKey.invalidateRejected(keyed.key(), MIN_KEY_AGE_BEFORE_REREAD);
                if (!freshKeyComing) {
                    log.error("Stripe rejected the API key from SSM parameter {}, which was read afresh (HTTP {},"
                            + " request {}): put a valid key in that parameter", apiKey.name(), e.getStatusCode(),
                            e.getRequestId());
                    throw new StripeKeyRejectedException(apiKey.name(), null);
                }
                log.warn("Stripe rejected the API key from SSM parameter {} (HTTP {}, request {}): reading it again and"
                        + " retrying once", apiKey.name(), e.getStatusCode(), e.getRequestId());
            } catch (StripeException e) {
                throw translate(e);
            }
        }
    }

    private PaymentIntent retrieve(String paymentIntentId) {
        try {
            return client().client().v1().paymentIntents().retrieve(paymentIntentId);
        } catch (StripeException e) {
            throw translate(e);
        }
    }

    /** Loads what building a charge needs, with no key and no network call (SnapStart priming). */
    public static void prime() {
        paymentIntent(400, new PaymentSource.CardToken("tok_visa"));
        paymentIntent(400, new PaymentSource.PaymentMethod("pm_card_visa"));
    }

    private static PaymentIntentCreateParams paymentIntent(long amount, PaymentSource source) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(CURRENCY)
                .setDescription(PurchaseService.DESCRIPTION)
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

    private KeyedClient client() {
        Secret key = apiKey.get();
        StripeKeyGuard.check(stage, key);
        KeyedClient current = client.get();
        if (current != null && current.key().sameValueAs(key)) {
            return current;
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(key.reveal())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis());
        settings.apiBase().ifPresent(builder::setApiBase);
        KeyedClient built = new KeyedClient(key, builder.build());
        client.set(built);
        return built;
    }

    private RuntimeException translate(StripeException e) {
        if (e instanceof CardException) {
            CardException card = (CardException) e;
            String message = card.getStripeError() != null ? card.getStripeError().getMessage() : "Your card was declined.";
            log.info("Card declined: code {}, decline code {}, request {}", card.getCode(), card.getDeclineCode(),
                    card.getRequestId());
            return new CardDeclinedException(card.getCode(), card.getDeclineCode(), message);
        }
        if (e instanceof IdempotencyException) {
            return new IdempotencyKeyReusedException(
                    "This Idempotency-Key was already used for a different purchase", e);
        }
        if (e instanceof InvalidRequestException && e.getStripeError() != null
                && e.getStripeError().getParam() != null && e.getStripeError().getParam().startsWith("payment_method")) {
            return new PaymentMethodRejectedException(e.getStripeError().getMessage(), e);
        }
        if (e instanceof InvalidRequestException) {
            log.error("Stripe refused the PaymentIntent this service built: code {}, param {}, request {}", e.getCode(),
                    e.getStripeError() == null ? null : e.getStripeError().getParam(), e.getRequestId());
            return new PaymentRequestRejectedException("Stripe refused the request (code " + e.getCode() + ")", e);
        }
        log.error("Stripe call failed: {} (HTTP {}, code {}, request {})", e.getClass().getSimpleName(),
                e.getStatusCode(), e.getCode(), e.getRequestId());
        String what = e instanceof ApiConnectionException ? "could not be reached" : "failed";
        return new PaymentProviderUnavailableException("Stripe " + what, e);
    }

    private record KeyedClient(Secret key, StripeClient client) {
    }
}
