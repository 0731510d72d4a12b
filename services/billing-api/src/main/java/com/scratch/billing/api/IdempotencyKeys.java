package com.scratch.billing.api;

import com.scratch.billing.purchase.InvalidPurchaseRequestException;
import com.scratch.billing.purchase.PaymentSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Stripe idempotency key of a purchase, so that a retried request never charges twice.
 *
 * <p>Stripe's keys are account-wide, so a client's {@code Idempotency-Key} is scoped to the caller (two buyers'
 * "order-1" must not collide) and hashed, which also keeps it within Stripe's 255 characters. Without the header, a
 * card token (single use by nature) gives a key derived from the caller, the storage and the token; a payment
 * method is reusable, so only the client can tell a retry from a new purchase and the header is required.
 *
 * <p>The keys must come out the same from one release to the next: a retry that straddles a deploy has to reach
 * Stripe with the key of the first attempt.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private static final Pattern CLIENT_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {
    }

    /**
     * The key for a purchase by {@code caller}: the client's, scoped, when it sent one; otherwise derived.
     *
     * @throws InvalidPurchaseRequestException when the client's key is malformed, or missing for a payment method
     */
    public static String forPurchase(Optional<String> clientKey, String caller, int storage, PaymentSource source) {
        return clientKey.map(key -> scoped(caller, key)).orElseGet(() -> derived(caller, storage, source));
    }

    /** The client's key, 1 to 255 visible ASCII characters, made the caller's own. */
    static String scoped(String caller, String clientKey) {
        if (!CLIENT_KEY.matcher(clientKey).matches()) {
            throw new InvalidPurchaseRequestException(HEADER, HEADER + " must be 1 to 255 visible ASCII characters");
        }
        return "client-" + sha256(caller + "|" + clientKey);
    }

    /** The key of a card-token purchase sent without one: the same request is the same purchase. */
    static String derived(String caller, int storage, PaymentSource source) {
        if (source instanceof PaymentSource.PaymentMethod) {
            throw new InvalidPurchaseRequestException(HEADER, "An " + HEADER
                    + " header is required with paymentMethod, so that a retried request cannot charge twice");
        }
        return "purchase-" + sha256(caller + "|" + storage + "|" + source.id());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
