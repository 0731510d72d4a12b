package com.scratch.billing.purchase;

import com.scratch.config.Stage;
import com.scratch.events.NotePurchased;
import com.scratch.logging.InvocationLogContext;
import com.scratch.logging.LogKeys;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Buys notes: prices them, charges the card, announces {@code NotePurchased}.
 *
 * <p>The charge is idempotent and the announcement is made once per payment, so when announcing fails the whole
 * request can be retried with the same idempotency key: Stripe answers with the payment already made (no
 * second charge) and the event goes out, with the id derived from the payment ({@link PaidPurchase}).
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
        MDC.put(LogKeys.STORAGE, Integer.toString(request.storage()));
        MDC.put(LogKeys.IDEMPOTENCY_KEY_HASH, InvocationLogContext.hashOf(request.idempotencyKey()));
        log.debug("Charging {} cents for {} notes from {}", amount, request.storage(), request.source().masked());
        PurchaseDetails details = new PurchaseDetails(request.storage(), request.buyerId(), stage.name());
        Payment payment = payments.charge(amount, request.source(), request.idempotencyKey(), details);
        NotePurchased event = new PaidPurchase(payment, details).event(clock.instant());
        LogKeys.putPurchase(event.eventId(), payment.id(), payment.amount(), request.storage());
        log.debug("Charged; announcing NotePurchased {}", event.eventId());
        announcements.announce(event);
        log.info("Purchase of {} notes charged {} {} as {}, event {}", request.storage(), payment.amount(),
                payment.currency(), payment.id(), event.eventId());
        return new PurchaseReceipt(payment.id(), payment.amount(), payment.currency());
    }

}
