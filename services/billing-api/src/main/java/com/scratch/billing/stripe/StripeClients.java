package com.scratch.billing.stripe;

import com.scratch.billing.purchase.PaymentKeyForWrongStageException;
import com.scratch.billing.purchase.PaymentKeyUnreadableException;
import com.scratch.config.Stage;
import com.scratch.secrets.CachedParameter;
import com.scratch.secrets.Secret;
import com.scratch.secrets.SecretReadException;
import com.stripe.StripeClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link StripeClient} per Stripe key: built with the key from Parameter Store on first use, and again only
 * when the cached key changes (after its time to live, or a rotation). A key that does not fit the stage is
 * refused before any client is built with it. Thread-safe.
 */
final class StripeClients {

    private static final Logger log = LoggerFactory.getLogger(StripeClients.class);

    private final CachedParameter apiKey;
    private final Stage stage;
    private final StripeConfig config;
    private final AtomicReference<KeyedClient> client = new AtomicReference<>();

    StripeClients(CachedParameter apiKey, Stage stage, StripeConfig config) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
        this.stage = Objects.requireNonNull(stage, "stage == null");
        this.config = Objects.requireNonNull(config, "config == null");
    }

    /**
     * The client for the key Parameter Store holds now.
     *
     * @throws PaymentKeyUnreadableException when there is no key to serve
     * @throws PaymentKeyForWrongStageException when the key does not fit the stage
     */
    KeyedClient current() {
        Secret key = key();
        KeyedClient current = client.get();
        if (current != null && current.key().sameValueAs(key)) {
            return current;
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(key.reveal())
                .setMaxNetworkRetries(config.maxNetworkRetries())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setReadTimeout((int) config.readTimeout().toMillis());
        config.apiBase().ifPresent(builder::setApiBase);
        KeyedClient built = new KeyedClient(key, builder.build());
        client.set(built);
        return built;
    }

    /**
     * Forgets a key Stripe rejected, so that the next {@link #current()} reads the parameter again, unless it was
     * read less than {@code minimumAge} ago (then the parameter itself still holds it).
     *
     * @return true when the next client will have a freshly read key
     */
    boolean forgetRejected(KeyedClient rejected, Duration minimumAge) {
        return apiKey.invalidateRejected(rejected.key(), minimumAge);
    }

    /** The SSM parameter the key comes from: what an operator has to fix when Stripe keeps rejecting it. */
    String keyParameter() {
        return apiKey.name();
    }

    private Secret key() {
        try {
            Secret key = apiKey.get();
            StripeKeyGuard.check(stage, key);
            return key;
        } catch (SecretReadException e) {
            log.error("Payments unavailable: {}", e.getMessage());
            throw new PaymentKeyUnreadableException(e);
        } catch (PaymentKeyForWrongStageException e) {
            log.error("Payments unavailable: {}", e.getMessage());
            throw e;
        }
    }

    /** A client and the key it was built with, to tell Parameter Store which key Stripe rejected. */
    record KeyedClient(Secret key, StripeClient client) {

        KeyedClient {
            Objects.requireNonNull(key, "key == null");
            Objects.requireNonNull(client, "client == null");
        }
    }
}
