package com.scratch.billing.announce;

import com.scratch.billing.purchase.AnnouncementFailedException;
import com.scratch.billing.purchase.PurchaseAnnouncements;
import com.scratch.billing.purchase.PurchaseInProgressException;
import com.scratch.events.NotePurchased;
import com.scratch.idempotency.EffectInProgressException;
import com.scratch.idempotency.EffectLedger;
import com.scratch.idempotency.EffectLedgerUnavailableException;
import com.scratch.idempotency.Outcome;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces each payment once, however often it is asked to: by repeats of a paid request, by concurrent requests
 * with one Idempotency-Key, by a client retrying after {@code purchase_not_recorded}, or by Stripe's
 * {@code payment_intent.succeeded} webhook for a purchase whose client gave up. The decision is the
 * {@link EffectLedger}'s, a conditional write in the service's DynamoDB table keyed by the payment id, so it holds
 * across containers; a publish that fails gives its claim back, so the next ask announces it.
 */
public final class OncePerPaymentAnnouncements implements PurchaseAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(OncePerPaymentAnnouncements.class);

    private final PurchaseAnnouncements publisher;
    private final EffectLedger ledger;

    public OncePerPaymentAnnouncements(PurchaseAnnouncements publisher, EffectLedger ledger) {
        this.publisher = Objects.requireNonNull(publisher, "publisher == null");
        this.ledger = Objects.requireNonNull(ledger, "ledger == null");
    }

    /**
     * How often, and how far apart, a caller that finds the payment being announced by another looks again before it
     * gives up with 409: a publish takes milliseconds, and the other is often Stripe's webhook for this very payment,
     * racing the request that made it; waiting a moment turns most of those 409s into the 200 they should be.
     */
    static final int LOOKS_WHILE_IN_PROGRESS = 10;
    static final long MILLIS_BETWEEN_LOOKS = 100;

    @Override
    public void announce(NotePurchased event) {
        Outcome outcome;
        try {
            outcome = performOnceWaitingForOthers(event);
        } catch (EffectInProgressException e) {
            log.info("NotePurchased for payment {} is being published by another request", event.paymentId());
            throw new PurchaseInProgressException(event.paymentId(), e);
        } catch (EffectLedgerUnavailableException e) {
            log.error("Could not claim the announcement of payment {}: {}", event.paymentId(), e.getMessage());
            throw new AnnouncementFailedException(event.paymentId(),
                    "NotePurchased for payment " + event.paymentId() + " could not be claimed", e);
        }
        if (outcome == Outcome.ALREADY_PERFORMED) {
            log.debug("NotePurchased {} for payment {} was already published: not again", event.eventId(),
                    event.paymentId());
        }
    }

    private Outcome performOnceWaitingForOthers(NotePurchased event) {
        for (int look = 1; ; look++) {
            try {
                return ledger.performOnce(event.paymentId(), () -> publisher.announce(event));
            } catch (EffectInProgressException e) {
                if (look == LOOKS_WHILE_IN_PROGRESS) {
                    throw e;
                }
                try {
                    Thread.sleep(MILLIS_BETWEEN_LOOKS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
