package com.scratch.notify;

/**
 * A record on the purchase topic could not be read. It fails the whole invocation, before any text is sent, so
 * the platform retries it and no half-read purchase is ever texted.
 */
public final class MalformedPurchaseMessageException extends RuntimeException {

    public MalformedPurchaseMessageException(String snsMessageId, Throwable cause) {
        super("SNS message " + snsMessageId + " is not a NotePurchased event: " + cause.getMessage(), cause);
    }
}
