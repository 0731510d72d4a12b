package com.scratch.billing.stripe;

import com.scratch.emulators.ssm.SsmEmulator;
import com.scratch.emulators.stripe.StripeEmulator;
import com.scratch.secrets.CachedParameter;
import com.scratch.secrets.ParameterStoreCache;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A local Stripe and the SSM parameter that holds its key, for the Stripe adapter's own tests: the real stripe-java
 * and the real secrets cache talk over HTTP to the in-JVM emulators. (The handler tests hold every SSM call to
 * billing's role; these do not, they are about Stripe.)
 */
final class LocalStripe implements AutoCloseable, AfterAllCallback {

    static final String KEY_PARAMETER = "/stripeSecretKey/test";
    static final String KEY = "sk_test_51LocalStripeKeyAbcdefghij";

    final StripeEmulator stripe = StripeEmulator.start();
    final SsmEmulator ssm = SsmEmulator.start();
    private final SsmClient ssmClient = SsmClient.builder()
            .endpointOverride(ssm.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    /** Forgets everything, then: the parameter holds {@code key} and Stripe accepts it. */
    void reset(String key) {
        stripe.reset();
        ssm.reset();
        ssm.putSecureString(KEY_PARAMETER, key);
        stripe.requireApiKey(key);
    }

    /** The key parameter as a cold start gets it: nothing read yet. */
    CachedParameter keyParameter() {
        return ParameterStoreCache.builder(ssmClient).build().secureString(KEY_PARAMETER);
    }

    /** Talks to the local Stripe; no network retries unless asked, so one injected fault is one failure. */
    StripeConfig config(int maxNetworkRetries) {
        return new StripeConfig(Optional.of(stripe.endpoint().toString()), maxNetworkRetries, Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    int keyReads() {
        return ssm.callCount("GetParameter") + ssm.callCount("GetParameters");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        ssmClient.close();
        ssm.close();
        stripe.close();
    }
}
