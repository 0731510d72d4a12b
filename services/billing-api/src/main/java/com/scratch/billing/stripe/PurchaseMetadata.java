package com.scratch.billing.stripe;

import com.scratch.billing.purchase.PurchaseDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PurchaseDetails} as the PaymentIntent's metadata: written with the charge, read back from the webhook's
 * PaymentIntent. Stripe keeps metadata values as strings of up to 500 characters, and returns them on every read and
 * event of the PaymentIntent.
 */
public final class PurchaseMetadata {

    static final String STORAGE = "storage";
    static final String BUYER_ID = "buyer_id";
    static final String STAGE = "stage";

    private PurchaseMetadata() {
    }

    /** The metadata the charge sends. A missing buyer is left out, not written empty. */
    public static Map<String, String> of(PurchaseDetails details) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(STORAGE, Integer.toString(details.storage()));
        details.buyer().ifPresent(buyer -> metadata.put(BUYER_ID, buyer));
        metadata.put(STAGE, details.stage());
        return metadata;
    }

    /**
     * The details read back, or empty when the metadata is not what this service writes: a payment made some other
     * way in the same Stripe account (the dashboard, another app) is none of its business.
     */
    public static Optional<PurchaseDetails> read(Map<String, String> metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        String storage = metadata.get(STORAGE);
        String stage = metadata.get(STAGE);
        if (storage == null || stage == null || !storage.matches("[1-9][0-9]{0,5}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PurchaseDetails(Integer.parseInt(storage), metadata.get(BUYER_ID), stage));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
