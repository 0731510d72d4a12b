package com.scratch.billing;

import com.scratch.aws.AwsClients;
import com.scratch.aws.ClientTracing;
import com.scratch.aws.InvocationTracing;
import com.scratch.billing.announce.OncePerPaymentAnnouncements;
import com.scratch.billing.announce.SnsPurchaseAnnouncements;
import com.scratch.billing.metrics.BillingMetrics;
import com.scratch.billing.purchase.PurchaseAnnouncements;
import com.scratch.billing.purchase.PurchaseService;
import com.scratch.billing.stripe.StripeConfig;
import com.scratch.billing.stripe.StripePayments;
import com.scratch.billing.webhook.StripeWebhooks;
import com.scratch.config.EnvironmentVariables;
import com.scratch.config.StageConfig;
import com.scratch.idempotency.EffectLedger;
import com.scratch.logging.FunctionLogging;
import com.scratch.logging.InvocationLogContext;
import com.scratch.metrics.EmbeddedMetrics;
import com.scratch.secrets.CacheObserver;
import com.scratch.secrets.CachedParameter;
import com.scratch.secrets.ParameterStoreCache;
import com.scratch.secrets.SnapStartHooks;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything billing builds once per container, from the function's environment: {@code STAGE},
 * {@code NOTE_PURCHASED_TOPIC_ARN}, {@code ANNOUNCEMENTS_TABLE}, {@code AWS_REGION}, optionally {@code STRIPE_API_BASE}
 * and {@code AWS_ENDPOINT_URL_SSM} / {@code _SNS} / {@code _DYNAMODB}, and the role's credentials (Lambda's
 * {@code AWS_ACCESS_KEY_ID}... or, without them, the SDK's default chain). A missing variable fails here, at init,
 * with its name. Logging is set up first ({@link FunctionLogging}), so that the rest of init logs as the function
 * does. The Stripe key read starts here too, so it overlaps the rest of the cold start (or, under
 * SnapStart, right after the restore), and so does priming the request path ({@link BillingPrimer}) on a thread of
 * its own, and again before a SnapStart snapshot. One {@link ClientTracing} (X-Ray, {@code AWS_XRAY_DAEMON_ADDRESS})
 * traces every client of the function, each invocation a span of it ({@link InvocationTracing}). Optional
 * {@code PRIMING} ({@code on}, the default, or {@code off}): whether billing primes its request path at all, in init
 * and before a snapshot; off is there to measure what priming gives (figures 1 and 2 of BENCHMARKS.md).
 */
final class BillingColdStart {

    static final String TOPIC_ARN_VARIABLE = "NOTE_PURCHASED_TOPIC_ARN";
    static final String ANNOUNCEMENTS_TABLE_VARIABLE = "ANNOUNCEMENTS_TABLE";
    static final String PRIMING_VARIABLE = "PRIMING";

    /**
     * How long one request's claim on announcing a payment keeps others off: longer than the function's timeout
     * (28 s, serverless.yml), so a claim is never taken over while its holder may still be publishing.
     */
    static final Duration ANNOUNCEMENT_LEASE = Duration.ofSeconds(30);

    /**
     * How long an announced payment is remembered: beyond Stripe's webhook retries (3 days) and its idempotency
     * keys (24 hours), the two ways the same payment can come back.
     */
    static final Duration ANNOUNCEMENT_RETENTION = Duration.ofDays(7);

    private BillingColdStart() {
    }

    /** The billing function: its purchase service and its metrics (to stdout in Lambda). */
    static Billing billing(Map<String, String> environment) {
        return billing(environment, Clock.systemUTC(), EmbeddedMetrics.output(environment));
    }

    /**
     * The same, with the clock that times the key's age and the purchases (tests move it on) and where the metrics
     * lines go.
     */
    static Billing billing(Map<String, String> environment, Clock clock, PrintStream metricsOut) {
        // The request path's classes (stripe-java's models, the parsers) load on a second thread meanwhile.
        boolean primed = priming(environment);
        Thread priming = primed ? BillingPrimer.startPriming() : null;
        InvocationLogContext logging = FunctionLogging.configure(BillingMetrics.SERVICE, environment);
        StageConfig stage = StageConfig.fromEnvironment(environment);
        StripeConfig stripe = StripeConfig.fromEnvironment(environment);
        ClientTracing tracing = ClientTracing.xray(environment);
        BillingMetrics metrics = BillingMetrics.forStage(stage.stage().name(), metricsOut, clock);
        ParameterStoreCache parameters = parameters(environment, tracing, clock, metrics);
        CachedParameter stripeKey = parameters.secureString(stage.stripeKeyParameter());
        // Unprimed, the hooks still forget the key before the snapshot and read it again after the restore.
        parameters.registerSnapStartHooks(primed ? BillingPrimer::prime : () -> { });
        prefetch(parameters, environment);
        PurchaseService purchases = new PurchaseService(new StripePayments(stripeKey, stage.stage(), stripe, tracing),
                announcements(environment, tracing, clock), stage.stage(), clock);
        if (priming != null) {
            awaitPriming(priming);
        }
        return new Billing(purchases, metrics, logging, new InvocationTracing(tracing, stage.stage().name()));
    }

    /** Init ends when the priming does, so that the first request does not wait on a class another thread loads. */
    private static void awaitPriming(Thread priming) {
        try {
            priming.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether to prime the request path, in init and before a SnapStart snapshot: {@value #PRIMING_VARIABLE}
     * {@code on} (also when unset) or {@code off}; anything else fails the cold start, naming the variable.
     */
    static boolean priming(Map<String, String> environment) {
        String value = EnvironmentVariables.optional(environment, PRIMING_VARIABLE).orElse("on");
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalStateException(
                    PRIMING_VARIABLE + " must be on or off, was '" + value + "'");
        };
    }

    /** What the billing handler is built from. */
    record Billing(PurchaseService purchases, BillingMetrics metrics, InvocationLogContext logging,
            InvocationTracing invocations) {
    }

    static Webhooks stripeWebhooks(Map<String, String> environment) {
        return stripeWebhooks(environment, Clock.systemUTC());
    }

    /** The webhook function: the signing secret instead of the API key, and the same once-per-payment announcements. */
    static Webhooks stripeWebhooks(Map<String, String> environment, Clock clock) {
        InvocationLogContext logging = FunctionLogging.configure(BillingMetrics.SERVICE, environment);
        StageConfig stage = StageConfig.fromEnvironment(environment);
        ClientTracing tracing = ClientTracing.xray(environment);
        ParameterStoreCache parameters = parameters(environment, tracing, clock, CacheObserver.NONE);
        CachedParameter signingSecret = parameters.secureString(stage.stripeWebhookSecretParameter());
        prefetch(parameters, environment);
        return new Webhooks(new StripeWebhooks(signingSecret, announcements(environment, tracing, clock), stage.stage(),
                clock, tracing), logging, new InvocationTracing(tracing, stage.stage().name()));
    }

    /** What the webhook handler is built from. */
    record Webhooks(StripeWebhooks webhooks, InvocationLogContext logging, InvocationTracing invocations) {
    }

    private static ParameterStoreCache parameters(Map<String, String> environment, ClientTracing tracing, Clock clock,
            CacheObserver observer) {
        return ParameterStoreCache.builder(AwsClients.ssm(environment, tracing)).clock(clock).observer(observer).build();
    }

    private static void prefetch(ParameterStoreCache parameters, Map<String, String> environment) {
        if (!SnapStartHooks.takingSnapshot(environment)) {
            // With SnapStart the secret is read after the restore instead, so that it is never in a snapshot.
            parameters.prefetch();
        }
    }

    /** NotePurchased on the topic, once per payment: the request and the webhook share this path. */
    private static PurchaseAnnouncements announcements(Map<String, String> environment, ClientTracing tracing,
            Clock clock) {
        String topicArn = EnvironmentVariables.required(environment, TOPIC_ARN_VARIABLE);
        String announcementsTable = EnvironmentVariables.required(environment, ANNOUNCEMENTS_TABLE_VARIABLE);
        return new OncePerPaymentAnnouncements(
                new SnsPurchaseAnnouncements(AwsClients.sns(environment, tracing), topicArn),
                new EffectLedger(AwsClients.dynamoDb(environment, tracing), announcementsTable, ANNOUNCEMENT_LEASE,
                        ANNOUNCEMENT_RETENTION, clock));
    }
}
