package com.scratch.emulators.stripe;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One POST of a webhook event to an endpoint, as {@link StripeEmulator#webhookDeliveries()} lists it: every
 * attempt is one delivery, failed ones included, and so is every {@link StripeEmulator#replayDelivery replay}.
 * {@code payload} and {@code signature} are the exact body and {@code Stripe-Signature} header sent, so a test
 * can verify them as the receiver does or replay them as an attacker who captured them would.
 *
 * <pre>{@code
 * stripe.awaitWebhooksSettled(Duration.ofSeconds(5));
 * WebhookDelivery delivery = stripe.webhookDeliveries().get(0);
 * Event event = Webhook.constructEvent(delivery.payload(), delivery.signature(), secret, 300);
 * assertThat(delivery.status()).isEqualTo(200);
 * }</pre>
 *
 * @param eventId {@code evt_...}; the same in every attempt, duplicate and replay of one event
 * @param type for example {@code payment_intent.succeeded}
 * @param paymentIntentId the {@code pi_...} the event is about
 * @param endpointId the {@code we_...} id {@link StripeEmulator#registerWebhookEndpoint} returned
 * @param endpoint the URL posted to
 * @param attempt 1 for the first try of this event at this endpoint, 2 for its first retry, ...; a replay
 *     keeps the attempt number of the delivery it replays
 * @param status the receiver's HTTP status, or 0 when it did not answer (see {@code failure})
 * @param failure why there was no answer (refused connection, timeout, ...), or null when there was one
 * @param signedAt the {@code t=} of the signature, whole seconds; a replay keeps the captured one
 * @param payload the JSON body sent
 * @param signature the {@code Stripe-Signature} header sent: {@code t=<seconds>,v1=<hex HMAC-SHA256>}
 * @param replay true for a {@link StripeEmulator#replayDelivery} of a captured delivery
 */
public record WebhookDelivery(String eventId, String type, String paymentIntentId, String endpointId, URI endpoint,
                              int attempt, int status, String failure, Instant signedAt, String payload,
                              String signature, boolean replay) {

    public WebhookDelivery {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(signedAt, "signedAt == null");
        Objects.requireNonNull(payload, "payload == null");
        Objects.requireNonNull(signature, "signature == null");
    }

    /** Whether the receiver answered 2xx, which is all Stripe counts as delivered (a redirect is a failure). */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /** Without the payload, which is long and already identified by the event id. */
    @Override
    public String toString() {
        return "WebhookDelivery[eventId=" + eventId + ", type=" + type + ", paymentIntentId=" + paymentIntentId
                + ", endpointId=" + endpointId + ", endpoint=" + endpoint + ", attempt=" + attempt
                + ", status=" + status + ", failure=" + failure + ", signedAt=" + signedAt
                + ", replay=" + replay + "]";
    }
}
