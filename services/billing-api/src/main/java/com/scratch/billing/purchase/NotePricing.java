package com.scratch.billing.purchase;

/**
 * What notes cost, in cents: 4 dollars a note up to 10, 2 dollars up to 100, 1 dollar beyond (the original
 * formula: 10 notes cost 4000, 100 cost 20000, 101 cost 10100).
 */
public final class NotePricing {

    private NotePricing() {
    }

    public static long costInCents(int storage) {
        if (storage < 1) {
            throw new IllegalArgumentException("storage must be at least 1, was " + storage);
        }
        int dollarsPerNote = storage <= 10 ? 4 : storage <= 100 ? 2 : 1;
        return dollarsPerNote * (long) storage * 100;
    }
}
