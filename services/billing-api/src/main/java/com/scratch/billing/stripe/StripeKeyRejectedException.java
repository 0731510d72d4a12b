package com.scratch.billing.stripe;

/**
 * Stripe refused the API key (rolled, revoked or without permission). A configuration problem of this stage:
 * the message names the parameter the key came from, never the key.
 */
public final class StripeKeyRejectedException extends RuntimeException {

    public StripeKeyRejectedException(String parameterName, Throwable cause) {
        super("Stripe rejected the API key read from SSM parameter " + parameterName, cause);
    }
}
