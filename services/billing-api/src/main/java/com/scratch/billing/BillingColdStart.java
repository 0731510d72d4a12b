package com.scratch.billing;

import com.scratch.aws.AwsClients;
import com.scratch.billing.announce.SnsPurchaseAnnouncements;
import com.scratch.billing.purchase.PurchaseService;
import com.scratch.billing.stripe.StripePayments;
import com.scratch.billing.stripe.StripeConfig;
import com.scratch.config.EnvironmentVariables;
import com.scratch.config.StageConfig;
import com.scratch.secrets.CachedParameter;
import com.scratch.secrets.ParameterStoreCache;
import com.scratch.secrets.SnapStartHooks;
import java.time.Clock;
import java.util.Map;

/**
 * Everything billing builds once per container, from the function's environment: {@code STAGE},
 * {@code NOTE_PURCHASED_TOPIC_ARN}, {@code AWS_REGION}, optionally {@code STRIPE_API_BASE} and
 * {@code AWS_ENDPOINT_URL_SSM} / {@code AWS_ENDPOINT_URL_SNS}, and the role's credentials (Lambda's
 * {@code AWS_ACCESS_KEY_ID}... or, without them, the SDK's default chain). A missing variable fails here, at init,
 * with its name. The Stripe key read starts here too, so it overlaps the rest of the cold start (or, under
 * SnapStart, right after the restore).
 */
final class BillingColdStart {

    static final String TOPIC_ARN_VARIABLE = "NOTE_PURCHASED_TOPIC_ARN";

    private BillingColdStart() {
    }

    static PurchaseService purchaseService(Map<String, String> environment) {
        return purchaseService(environment, Clock.systemUTC());
    }

    /** The same, with the clock that times the key's age and the purchases (tests move it on). */
    static PurchaseService purchaseService(Map<String, String> environment, Clock clock) {
        StageConfig stage = StageConfig.fromEnvironment(environment);
        String topicArn = EnvironmentVariables.required(environment, TOPIC_ARN_VARIABLE);
        StripeConfig stripe = StripeConfig.fromEnvironment(environment);

        ParameterStoreCache parameters = ParameterStoreCache.builder(AwsClients.ssm(environment)).clock(clock).build();
        CachedParameter stripeKey = parameters.secureString(stage.stripeKeyParameter());
        parameters.registerSnapStartHooks(BillingPrimer::prime);
        if (!SnapStartHooks.takingSnapshot(environment)) {
            // With SnapStart the key is read after the restore instead, so that it is never in a snapshot.
            parameters.prefetch();
        }

        return new PurchaseService(
                new StripePayments(stripeKey, stage.stage(), stripe),
                new SnsPurchaseAnnouncements(AwsClients.sns(environment), topicArn),
                stage.stage(),
                clock);
    }
}
