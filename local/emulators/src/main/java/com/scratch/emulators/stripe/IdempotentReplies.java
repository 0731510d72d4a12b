package com.scratch.emulators.stripe;

import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RejectedRequest;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Stripe's idempotency: the first answer to a key is stored and replayed for later requests with the same
 * key and parameters; different parameters get an {@code idempotency_error}. As in Stripe, only answers from
 * requests that got as far as running are stored (successes and card declines); validation errors are not,
 * so a corrected request may reuse its key.
 */
final class IdempotentReplies {

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * @param scope the key, made unique per API key, as Stripe scopes keys to an account
     * @param firstTime runs only when nothing is stored for the scope yet; may throw {@link RejectedRequest}
     */
    HttpReply answer(String scope, Map<String, String> form, Supplier<HttpReply> firstTime) {
        Objects.requireNonNull(scope, "scope == null");
        Slot slot = slots.computeIfAbsent(scope, key -> new Slot());
        // Per-key lock: a concurrent retry waits for the first request and then gets its replay.
        synchronized (slot) {
            if (slot.reply != null) {
                if (!slot.form.equals(form)) {
                    throw StripeErrors.idempotencyMismatch();
                }
                return slot.reply.withHeader("Idempotent-Replayed", "true");
            }
            try {
                return slot.keepIfFinal(form, firstTime.get());
            } catch (RejectedRequest rejected) {
                slot.keepIfFinal(form, rejected.reply());
                throw rejected;
            }
        }
    }

    void clear() {
        slots.clear();
    }

    private static final class Slot {
        private Map<String, String> form;
        private HttpReply reply;

        HttpReply keepIfFinal(Map<String, String> requestForm, HttpReply answer) {
            if (answer.status() < 300 || answer.status() == 402) {
                this.form = Map.copyOf(requestForm);
                this.reply = answer;
            }
            return answer;
        }
    }
}
