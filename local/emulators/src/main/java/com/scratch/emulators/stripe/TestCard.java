package com.scratch.emulators.stripe;

import java.util.Map;
import java.util.Optional;

/**
 * A Stripe test card the emulator knows, by its {@code pm_card_*} and {@code tok_*} names.
 *
 * @param brand for example {@code visa}
 * @param last4 the last four digits of the test card number
 * @param decline why a charge on it fails, or null when it succeeds
 */
record TestCard(String brand, String last4, CardDecline decline) {

    private static final CardDecline GENERIC = CardDecline.declined("generic_decline", "Your card was declined.");
    private static final CardDecline INSUFFICIENT_FUNDS =
            CardDecline.declined("insufficient_funds", "Your card has insufficient funds.");
    private static final CardDecline LOST = CardDecline.declined("lost_card", "Your card was declined.");
    private static final CardDecline STOLEN = CardDecline.declined("stolen_card", "Your card was declined.");
    private static final CardDecline VELOCITY = CardDecline.declined("card_velocity_exceeded",
            "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.");
    private static final CardDecline EXPIRED = new CardDecline("expired_card", null, null, "Your card has expired.");
    private static final CardDecline INCORRECT_CVC =
            new CardDecline("incorrect_cvc", null, "cvc", "Your card's security code is incorrect.");
    private static final CardDecline PROCESSING_ERROR = new CardDecline("processing_error", null, null,
            "An error occurred while processing your card. Try again in a little bit.");

    // Names from Stripe's testing docs; the pm_card_chargeDeclined* aliases are seen in the wild too.
    private static final Map<String, TestCard> BY_NAME = Map.ofEntries(
            Map.entry("pm_card_visa", new TestCard("visa", "4242", null)),
            Map.entry("tok_visa", new TestCard("visa", "4242", null)),
            Map.entry("pm_card_mastercard", new TestCard("mastercard", "4444", null)),
            Map.entry("tok_mastercard", new TestCard("mastercard", "4444", null)),
            Map.entry("pm_card_visa_chargeDeclined", new TestCard("visa", "0002", GENERIC)),
            Map.entry("pm_card_chargeDeclined", new TestCard("visa", "0002", GENERIC)),
            Map.entry("tok_chargeDeclined", new TestCard("visa", "0002", GENERIC)),
            Map.entry("pm_card_visa_chargeDeclinedInsufficientFunds", new TestCard("visa", "9995", INSUFFICIENT_FUNDS)),
            Map.entry("pm_card_chargeDeclinedInsufficientFunds", new TestCard("visa", "9995", INSUFFICIENT_FUNDS)),
            Map.entry("tok_chargeDeclinedInsufficientFunds", new TestCard("visa", "9995", INSUFFICIENT_FUNDS)),
            Map.entry("pm_card_visa_chargeDeclinedLostCard", new TestCard("visa", "9987", LOST)),
            Map.entry("pm_card_chargeDeclinedLostCard", new TestCard("visa", "9987", LOST)),
            Map.entry("tok_chargeDeclinedLostCard", new TestCard("visa", "9987", LOST)),
            Map.entry("pm_card_visa_chargeDeclinedStolenCard", new TestCard("visa", "9979", STOLEN)),
            Map.entry("pm_card_chargeDeclinedStolenCard", new TestCard("visa", "9979", STOLEN)),
            Map.entry("tok_chargeDeclinedStolenCard", new TestCard("visa", "9979", STOLEN)),
            Map.entry("pm_card_visa_chargeDeclinedVelocityLimitExceeded", new TestCard("visa", "6975", VELOCITY)),
            Map.entry("pm_card_chargeDeclinedExpiredCard", new TestCard("visa", "0069", EXPIRED)),
            Map.entry("tok_chargeDeclinedExpiredCard", new TestCard("visa", "0069", EXPIRED)),
            Map.entry("pm_card_chargeDeclinedIncorrectCvc", new TestCard("visa", "0127", INCORRECT_CVC)),
            Map.entry("tok_chargeDeclinedIncorrectCvc", new TestCard("visa", "0127", INCORRECT_CVC)),
            Map.entry("pm_card_chargeDeclinedProcessingError", new TestCard("visa", "0119", PROCESSING_ERROR)),
            Map.entry("tok_chargeDeclinedProcessingError", new TestCard("visa", "0119", PROCESSING_ERROR)));

    /** Looks up a {@code pm_card_*} or {@code tok_*} name. */
    static Optional<TestCard> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    boolean declines() {
        return decline != null;
    }

    /**
     * @param code the error code, for example {@code card_declined}
     * @param declineCode the issuer's reason, or null for errors that have none (expired card, wrong CVC)
     * @param param the parameter blamed, or null
     * @param message the message Stripe shows
     */
    record CardDecline(String code, String declineCode, String param, String message) {

        static CardDecline declined(String declineCode, String message) {
            return new CardDecline("card_declined", declineCode, null, message);
        }

        String docUrl() {
            return "https://stripe.com/docs/error-codes/" + code.replace('_', '-');
        }
    }
}
