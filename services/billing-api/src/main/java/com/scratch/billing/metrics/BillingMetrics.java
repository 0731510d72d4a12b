package com.scratch.billing.metrics;

import com.scratch.billing.purchase.AnnouncementFailedException;
import com.scratch.billing.purchase.CardDeclinedException;
import com.scratch.billing.purchase.InvalidPurchaseRequestException;
import com.scratch.billing.purchase.PaymentMethodRejectedException;
import com.scratch.billing.purchase.PaymentProviderUnavailableException;
import com.scratch.billing.purchase.PaymentsUnavailableException;
import com.scratch.billing.purchase.PurchaseFailedException;
import com.scratch.billing.purchase.PurchaseReceipt;
import com.scratch.billing.purchase.RequestTooLargeException;
import com.scratch.metrics.EmbeddedMetrics;
import com.scratch.metrics.MetricUnit;
import com.scratch.secrets.CacheObserver;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What billing counts, as CloudWatch metrics in namespace {@value #NAMESPACE} with dimensions {@code service} and
 * {@code stage} (the alarms in serverless.yml read these names): purchases, declines, the amount charged, failures
 * by kind, and the Stripe key's reads, cache hits and stale serves. Written as one Embedded Metric Format line per
 * invocation ({@link #flush()}), so nothing in the request path calls CloudWatch.
 */
public final class BillingMetrics implements CacheObserver {

    public static final String NAMESPACE = "Scratch";
    public static final String SERVICE = "billing-api";

    public static final String PURCHASES = "Purchases";
    public static final String DECLINES = "Declines";
    public static final String CHARGED_AMOUNT = "ChargedAmount";
    public static final String INVALID_REQUESTS = "InvalidRequests";
    public static final String STRIPE_UNAVAILABLE = "StripeUnavailable";
    public static final String KEY_UNAVAILABLE = "KeyUnavailable";
    public static final String ANNOUNCE_FAILED = "AnnounceFailed";
    public static final String OTHER_FAILURES = "OtherFailures";
    public static final String SECRET_READS = "SecretReads";
    public static final String SECRET_READ_FAILURES = "SecretReadFailures";
    public static final String SECRET_CACHE_HITS = "SecretCacheHits";
    public static final String SECRET_STALE_SERVES = "SecretStaleServes";

    private final EmbeddedMetrics metrics;

    public BillingMetrics(EmbeddedMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    }

    /** Billing's metrics for {@code stage}, written to {@code out} (stdout in Lambda). */
    public static BillingMetrics forStage(String stage, PrintStream out, Clock clock) {
        return new BillingMetrics(new EmbeddedMetrics(NAMESPACE, Map.of("service", SERVICE, "stage", stage), out, clock));
    }

    public void purchased(PurchaseReceipt receipt) {
        metrics.count(PURCHASES);
        metrics.add(CHARGED_AMOUNT, MetricUnit.NONE, receipt.amount());
    }

    /** One count for the failure's kind; the alarms watch {@link #STRIPE_UNAVAILABLE} and {@link #KEY_UNAVAILABLE}. */
    public void failed(PurchaseFailedException failure) {
        metrics.count(kindOf(failure));
    }

    /** A fault no kind covers (answered 500). */
    public void failedUnexpectedly() {
        metrics.count(OTHER_FAILURES);
    }

    static String kindOf(PurchaseFailedException failure) {
        if (failure instanceof CardDeclinedException) {
            return DECLINES;
        }
        if (failure instanceof InvalidPurchaseRequestException || failure instanceof RequestTooLargeException
                || failure instanceof PaymentMethodRejectedException) {
            return INVALID_REQUESTS;
        }
        if (failure instanceof PaymentProviderUnavailableException) {
            return STRIPE_UNAVAILABLE;
        }
        if (failure instanceof PaymentsUnavailableException) {
            return KEY_UNAVAILABLE;
        }
        if (failure instanceof AnnouncementFailedException) {
            return ANNOUNCE_FAILED;
        }
        return OTHER_FAILURES;
    }

    @Override
    public void read(String parameterName) {
        metrics.count(SECRET_READS);
    }

    @Override
    public void readFailed(String parameterName) {
        metrics.count(SECRET_READ_FAILURES);
    }

    @Override
    public void hit(String parameterName) {
        metrics.count(SECRET_CACHE_HITS);
    }

    @Override
    public void staleServed(String parameterName) {
        metrics.count(SECRET_STALE_SERVES);
    }

    /** Writes this invocation's line (and what background reads added since the last). */
    public void flush() {
        metrics.flush();
    }
}
