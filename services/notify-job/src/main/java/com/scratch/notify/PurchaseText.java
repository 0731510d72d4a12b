package com.scratch.notify;

import com.scratch.events.NotePurchased;
import com.scratch.events.PurchaseMessage;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The text the admin gets for a purchase: {@code Charged $42.00 for Scratch charge (21 notes)}. Amounts are
 * shown as money, not raw cents; the original message, which has no note count, reads
 * {@code Charged $42.00 for Scratch charge}.
 */
final class PurchaseText {

    private PurchaseText() {
    }

    static String of(PurchaseMessage message) {
        StringBuilder text = new StringBuilder("Charged ")
                .append(money(message.amount(), message.currency()))
                .append(" for ")
                .append(message.description());
        if (message instanceof NotePurchased) {
            int storage = ((NotePurchased) message).storage();
            text.append(" (").append(storage).append(storage == 1 ? " note)" : " notes)");
        }
        return text.toString();
    }

    /** Every currency we charge in has two decimals; usd gets its sign, others their code. */
    static String money(long minorUnits, String currency) {
        String amount = BigDecimal.valueOf(minorUnits, 2).toPlainString();
        return "usd".equals(currency) ? "$" + amount : amount + " " + currency.toUpperCase(Locale.ROOT);
    }
}
