package com.scratch.billing.purchase;

/**
 * The payment provider refused the API key (rolled, revoked or without permission), even after reading it afresh.
 * A configuration problem of this stage: the message names the parameter the key came from, never the key.
 */
public final class PaymentKeyRejectedException extends PaymentsUnavailableException {

    public PaymentKeyRejectedException(String parameterName) {
        super("The payment provider rejected the API key read from SSM parameter " + parameterName, null);
    }
}
