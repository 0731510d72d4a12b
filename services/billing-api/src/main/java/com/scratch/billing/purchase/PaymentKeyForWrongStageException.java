package com.scratch.billing.purchase;

/**
 * The payment provider's API key in Parameter Store does not fit the stage: a test key in prod (purchases would
 * never be paid) or a live key anywhere else (test purchases would charge real cards). Refused before any charge;
 * the message names the parameter and the stage, never the key.
 */
public final class PaymentKeyForWrongStageException extends PaymentsUnavailableException {

    public PaymentKeyForWrongStageException(String message) {
        super(message, null);
    }
}
