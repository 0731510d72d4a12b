package com.scratch.idempotency;

/** The ledger's table could not be written (throttled, denied, unreachable): the effect was not made. */
public final class EffectLedgerUnavailableException extends RuntimeException {

    private final String key;

    EffectLedgerUnavailableException(String tableName, String key, Throwable cause) {
        super("Could not claim " + key + " in DynamoDB table " + tableName + ": " + cause.getMessage(), cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
