package com.scratch.billing.purchase;

import com.scratch.secrets.SecretReadException;

/**
 * The payment provider's API key could not be read from Parameter Store (missing, not allowed, or SSM failing);
 * the cause says which. Nothing was charged.
 */
public final class PaymentKeyUnreadableException extends PaymentsUnavailableException {

    public PaymentKeyUnreadableException(SecretReadException cause) {
        super(cause.getMessage(), cause);
    }
}
