package com.scratch.billing.stripe;

import com.scratch.billing.purchase.PaymentKeyRejectedException;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.StripeException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a Stripe call with the current key and, when Stripe rejects the key (401, or 403 for a restricted key
 * without the permission), reads the key again and makes the call once more: after a rotation the parameter holds
 * a new key before every container has dropped the old one. A call that creates something must carry an
 * idempotency key, so that the second attempt cannot charge twice. A second rejection, or one of a key read
 * moments ago, is a {@link PaymentKeyRejectedException}.
 */
final class KeyRotationRetry {

    /**
     * A key read more recently than this is not read again when Stripe rejects it: the parameter itself holds
     * the rejected key, and reading it on every request would only load SSM (at most one read per container
     * every 10 s while a revoked key waits to be replaced).
     */
    static final Duration MIN_KEY_AGE_BEFORE_REREAD = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(KeyRotationRetry.class);

    private final StripeClients clients;
    private final Duration minKeyAgeBeforeReread;

    KeyRotationRetry(StripeClients clients) {
        this(clients, MIN_KEY_AGE_BEFORE_REREAD);
    }

    KeyRotationRetry(StripeClients clients, Duration minKeyAgeBeforeReread) {
        this.clients = Objects.requireNonNull(clients, "clients == null");
        this.minKeyAgeBeforeReread = Objects.requireNonNull(minKeyAgeBeforeReread, "minKeyAgeBeforeReread == null");
    }

    /**
     * @throws StripeException whatever else the call throws, for {@link StripeFailures} to translate
     * @throws PaymentKeyRejectedException when Stripe rejects the key after it was read afresh, or read too recently
     */
    <T> T call(StripeCall<T> call) throws StripeException {
        for (int attempt = 1; ; attempt++) {
            StripeClients.KeyedClient keyed = clients.current();
            try {
                return call.with(keyed.client());
            } catch (AuthenticationException e) { // PermissionException (403) is one too
                boolean freshKeyComing = attempt == 1 && clients.forgetRejected(keyed, minKeyAgeBeforeReread);
                if (!freshKeyComing) {
                    log.error("Stripe rejected the API key from SSM parameter {}, which was read afresh (HTTP {},"
                            + " request {}): put a valid key in that parameter", clients.keyParameter(),
                            e.getStatusCode(), e.getRequestId());
                    throw new PaymentKeyRejectedException(clients.keyParameter());
                }
                log.warn("Stripe rejected the API key from SSM parameter {} (HTTP {}, request {}): reading it again and"
                        + " retrying once", clients.keyParameter(), e.getStatusCode(), e.getRequestId());
            }
        }
    }

    /** One call to Stripe with the client given. */
    @FunctionalInterface
    interface StripeCall<T> {
        T with(StripeClient client) throws StripeException;
    }
}
