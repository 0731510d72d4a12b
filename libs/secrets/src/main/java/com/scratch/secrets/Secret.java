package com.scratch.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value read from Parameter Store. It never shows itself: {@code toString} names the parameter and
 * redacts the value, so a secret that ends up in a log line or an exception message gives nothing away. Only
 * {@link #reveal()} hands out the value, at the one place that needs it.
 *
 * <pre>{@code
 * Secret key = stripeKey.get();
 * log.info("using {}", key);            // using Secret[/stripeSecretKey/test=****]
 * StripeClient.builder().setApiKey(key.reveal());
 * }</pre>
 */
public final class Secret {

    private final String parameterName;
    private final String value;

    public Secret(String parameterName, String value) {
        this.parameterName = Objects.requireNonNull(parameterName, "parameterName == null");
        this.value = Objects.requireNonNull(value, "value == null");
    }

    /** The name of the parameter the value came from. */
    public String parameterName() {
        return parameterName;
    }

    /** The plain value. Hand it straight to the client that needs it; never log or store it. */
    public String reveal() {
        return value;
    }

    /** True when both hold the same value, compared in constant time. */
    public boolean sameValueAs(Secret other) {
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Secret[" + parameterName + "=****]";
    }
}
