package com.scratch.billing.purchase;

import com.scratch.config.Stage;
import com.scratch.events.NotePurchased;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buys notes: prices them, charges the card, announces {@code NotePurchased}.
 *
 * <p>The charge is idempotent and the event id is derived from the payment, so when announcing fails the whole
 * request can be retried with the same idempotency key: Stripe answers with the payment already made (no
 * second charge) and the event goes out with the same id.
 */
public final class PurchaseService {

    public static final String DESCRIPTION = "Scratch charge";

    private static final Logger log = LoggerFactory.getLogger(PurchaseService.class);

    private final Payments payments;
    private final PurchaseAnnouncements announcements;
    private final Stage stage;
    private final Clock clock;

    public PurchaseService(Payments payments, PurchaseAnnouncements announcements, Stage stage, Clock clock) {
        this.payments = Objects.requireNonNull(payments, "payments == null");
        this.announcements = Objects.requireNonNull(announcements, "announcements == null");
        this.stage = Objects.requireNonNull(stage, "stage == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    public PurchaseReceipt purchase(PurchaseRequest request) {
        long amount = NotePricing.costInCents(request.storage());
        Payment payment = payments.charge(amount, request.source(), request.idempotencyKey());
        NotePurchased event = new NotePurchased(eventIdFor(payment), payment.amount(), payment.currency(),
                DESCRIPTION, request.storage(), payment.id(), request.buyerId(), stage.name(), clock.instant());
        announcements.announce(event);
        log.info("Purchase of {} notes charged {} {} as {}, event {}", request.storage(), payment.amount(),
                payment.currency(), payment.id(), event.eventId());
        return new PurchaseReceipt(payment.id(), payment.amount(), payment.currency());
    }

    /** The same payment always gets the same event id, so a retried announcement is recognisably a repeat. */
    static String eventIdFor(Payment payment) {
        return UUID.nameUUIDFromBytes(("NotePurchased:" + payment.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
