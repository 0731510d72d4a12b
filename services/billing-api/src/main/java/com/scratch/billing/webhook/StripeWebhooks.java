package com.scratch.billing.webhook;

import com.scratch.aws.ClientTracing;
import com.scratch.billing.purchase.PaidPurchase;
import com.scratch.billing.purchase.Payment;
import com.scratch.billing.purchase.PurchaseDetails;
import com.scratch.billing.purchase.PurchaseAnnouncements;
import com.scratch.billing.stripe.PurchaseMetadata;
import com.scratch.billing.stripe.StripePayments;
import com.scratch.config.Stage;
import com.scratch.events.Excerpt;
import com.scratch.events.NotePurchased;
import com.scratch.logging.LogKeys;
import com.scratch.secrets.CachedParameter;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's {@code payment_intent.succeeded} webhook: announces a purchase whose request never did (the client
 * gave up after {@code purchase_not_recorded}, or the function was stopped between the charge and the publish).
 * Announcing goes through the same once-per-payment ledger as the request, so a payment the request announced, or
 * an event Stripe delivers twice, announces nothing more.
 *
 * <p>Only genuine, fresh events count: the {@code Stripe-Signature} must verify with the endpoint's signing secret
 * (stripe-java's {@link Webhook#constructEvent}) and be at most {@link #TOLERANCE} old, so a captured request sent
 * again later is refused. The secret is a SecureString per account, read through the same cache as the API key.
 */
public final class StripeWebhooks {

    /** Stripe's own default: a signed request older than this is treated as a replay. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    static final String PAYMENT_SUCCEEDED = "payment_intent.succeeded";

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final CachedParameter signingSecret;
    private final PurchaseAnnouncements announcements;
    private final Stage stage;
    private final Clock clock;
    private final ClientTracing tracing;

    /**
     * Announces through {@code announcements}, which must make each payment's announcement once, and annotates the
     * invocation's span with the PaymentIntent's id through {@code tracing}.
     */
    public StripeWebhooks(CachedParameter signingSecret, PurchaseAnnouncements announcements, Stage stage, Clock clock,
            ClientTracing tracing) {
        this.signingSecret = Objects.requireNonNull(signingSecret, "signingSecret == null");
        this.announcements = Objects.requireNonNull(announcements, "announcements == null");
        this.stage = Objects.requireNonNull(stage, "stage == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.tracing = Objects.requireNonNull(tracing, "tracing == null");
    }

    /**
     * @throws WebhookRejectedException when the request is not a genuine, fresh Stripe event
     * @throws com.scratch.billing.purchase.PurchaseFailedException when the purchase could not be announced now
     *     (Stripe sends the event again later)
     * @throws com.scratch.secrets.SecretReadException when the signing secret could not be read
     */
    public WebhookOutcome handle(String payload, String signature) {
        Event event = verified(payload, signature);
        if (!PAYMENT_SUCCEEDED.equals(event.getType())) {
            log.info("Stripe event {} of type {} ignored", event.getId(), Excerpt.of(event.getType()));
            return WebhookOutcome.IGNORED_EVENT_TYPE;
        }
        PaymentIntent intent = paymentIntent(event);
        tracing.annotate(StripePayments.PAYMENT_ID_ANNOTATION, intent.getId());
        Optional<PurchaseDetails> details = PurchaseMetadata.read(intent.getMetadata());
        if (details.isEmpty() || !"succeeded".equals(intent.getStatus()) || intent.getAmount() == null) {
            log.info("Stripe event {}: PaymentIntent {} is not a succeeded purchase of this service, ignored",
                    event.getId(), intent.getId());
            return WebhookOutcome.IGNORED_NOT_A_PURCHASE;
        }
        if (!details.get().stage().equals(stage.name())) {
            log.debug("Stripe event {}: PaymentIntent {} belongs to stage {}, ignored", event.getId(), intent.getId(),
                    details.get().stage());
            return WebhookOutcome.IGNORED_OTHER_STAGE;
        }
        Payment payment = new Payment(intent.getId(), intent.getAmount(), intent.getCurrency());
        NotePurchased purchased = new PaidPurchase(payment, details.get()).event(clock.instant());
        LogKeys.putPurchase(purchased.eventId(), payment.id(), payment.amount(), details.get().storage());
        announcements.announce(purchased);
        log.info("Stripe event {}: PaymentIntent {} announced (once per payment)", event.getId(), intent.getId());
        return WebhookOutcome.ANNOUNCED;
    }

    private Event verified(String payload, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new WebhookRejectedException("The Stripe-Signature header is missing", null);
        }
        try {
            return Webhook.constructEvent(payload, signature, signingSecret.get().reveal(), TOLERANCE.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            // stripe-java's message says which check failed ("No signatures found matching the expected signature
            // for payload", "Timestamp outside the tolerance zone"); it never carries the secret.
            throw new WebhookRejectedException("The Stripe-Signature does not verify: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A signed body that is not an event (Gson's JsonSyntaxException and friends).
            throw new WebhookRejectedException("The body is not a Stripe event", e);
        }
    }

    /**
     * The event's PaymentIntent. {@code getObject()} is empty when the endpoint's API version differs from the one
     * stripe-java is built for; the fields read here are the same in every version, so read it anyway.
     */
    private static PaymentIntent paymentIntent(Event event) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        StripeObject object;
        try {
            object = data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            // stripe-java reads data.object by the event's api_version, and throws a NullPointerException, not its
            // own exception, on an event without one: either way the event is malformed, a 400, not a fault that
            // Stripe should send again for three days.
            throw new WebhookRejectedException("Stripe event " + event.getId() + " has no readable PaymentIntent", e);
        }
        if (!(object instanceof PaymentIntent intent)) {
            throw new WebhookRejectedException("Stripe event " + event.getId() + " of type " + event.getType()
                    + " does not carry a PaymentIntent", null);
        }
        return intent;
    }
}
