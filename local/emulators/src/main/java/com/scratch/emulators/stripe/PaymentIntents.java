package com.scratch.emulators.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scratch.emulators.internal.HttpReply;
import com.scratch.emulators.internal.RandomIds;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Creates, confirms and keeps PaymentIntents; answers with their JSON. Thread-safe. */
final class PaymentIntents {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, String> jsonById = new ConcurrentHashMap<>();
    private final List<PaymentIntentRecord> created = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Succeeded succeeded;

    /** @param succeeded told of each intent created succeeded, before the creating request is answered */
    PaymentIntents(Clock clock, Succeeded succeeded) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.succeeded = Objects.requireNonNull(succeeded, "succeeded == null");
    }

    /** What hears of a state change: Stripe sends one event per change, not one per API call. */
    @FunctionalInterface
    interface Succeeded {
        /** Must be quick: the creating request waits for it. */
        void paymentIntentSucceeded(ObjectNode intent, String requestId, String idempotencyKey);
    }

    /** A 200 with the new intent, or a 402 card error that still carries the (created) intent. */
    HttpReply create(Map<String, String> form, String idempotencyKey, String requestId) {
        CreateParams params = CreateParams.from(form);
        String id = RandomIds.alphanumeric("pi_", 24);
        String paymentMethodId = RandomIds.alphanumeric("pm_", 24);
        boolean charged = params.confirm();
        String chargeId = charged ? RandomIds.alphanumeric("ch_", 24) : null;
        boolean declined = charged && params.card().declines();
        String status = !charged ? "requires_confirmation"
                : declined ? "requires_payment_method"
                : params.manualCapture() ? "requires_capture"
                : "succeeded";

        ObjectNode intent = intentJson(id, params, status, paymentMethodId, chargeId);
        if (declined) {
            intent.set("last_payment_error", cardError(params.card(), chargeId, paymentMethodId));
        }
        jsonById.put(id, intent.toString());
        created.add(new PaymentIntentRecord(id, params.amount(), params.currency(), status, params.description(),
                idempotencyKey));
        if (status.equals("succeeded")) {
            // Only here, on the first run of a create: an idempotent replay never gets this far.
            succeeded.paymentIntentSucceeded(intent, requestId, idempotencyKey);
        }
        if (declined) {
            ObjectNode error = cardError(params.card(), chargeId, paymentMethodId);
            error.put("request_log_url", "https://dashboard.stripe.com/test/logs/" + requestId);
            error.set("payment_intent", intent);
            throw StripeErrors.reject(402, error);
        }
        return HttpReply.of(200, StripeErrors.CONTENT_TYPE, intent.toString());
    }

    HttpReply retrieve(String id) {
        String json = jsonById.get(id);
        if (json == null) {
            throw StripeErrors.notFound("resource_missing", "intent", "No such payment_intent: '" + id + "'");
        }
        return HttpReply.of(200, StripeErrors.CONTENT_TYPE, json);
    }

    List<PaymentIntentRecord> created() {
        return List.copyOf(created);
    }

    void clear() {
        jsonById.clear();
        created.clear();
    }

    private ObjectNode intentJson(String id, CreateParams params, String status, String paymentMethodId,
                                  String chargeId) {
        boolean succeeded = status.equals("succeeded");
        ObjectNode intent = JSON.objectNode();
        intent.put("id", id);
        intent.put("object", "payment_intent");
        intent.put("amount", params.amount());
        intent.put("amount_capturable", status.equals("requires_capture") ? params.amount() : 0);
        intent.put("amount_received", succeeded ? params.amount() : 0);
        intent.set("automatic_payment_methods", automaticPaymentMethods(params.automaticPaymentMethods()));
        intent.putNull("canceled_at");
        intent.putNull("cancellation_reason");
        intent.put("capture_method", params.manualCapture() ? "manual" : "automatic_async");
        intent.put("client_secret", id + "_secret_" + RandomIds.alphanumeric("", 25));
        intent.put("confirmation_method", "automatic");
        intent.put("created", clock.instant().getEpochSecond());
        intent.put("currency", params.currency());
        intent.putNull("customer");
        intent.put("description", params.description());
        intent.putNull("last_payment_error");
        intent.put("latest_charge", chargeId);
        intent.put("livemode", false);
        ObjectNode metadata = intent.putObject("metadata");
        params.metadata().forEach(metadata::put);
        intent.putNull("next_action");
        intent.put("payment_method", paymentMethodId);
        ArrayNode types = intent.putArray("payment_method_types");
        params.paymentMethodTypes().forEach(types::add);
        intent.putNull("processing");
        intent.putNull("receipt_email");
        intent.putNull("setup_future_usage");
        intent.put("status", status);
        return intent;
    }

    private static ObjectNode automaticPaymentMethods(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        ObjectNode automatic = JSON.objectNode();
        automatic.put("enabled", "true".equals(fields.get("enabled")));
        if (fields.containsKey("allow_redirects")) {
            automatic.put("allow_redirects", fields.get("allow_redirects"));
        }
        return automatic;
    }

    /** The error object of a decline; Stripe uses the same one as the intent's {@code last_payment_error}. */
    private static ObjectNode cardError(TestCard card, String chargeId, String paymentMethodId) {
        TestCard.CardDecline decline = card.decline();
        ObjectNode error = StripeErrors.error("card_error", decline.message());
        error.put("code", decline.code());
        if (decline.declineCode() != null) {
            error.put("decline_code", decline.declineCode());
        }
        if (decline.param() != null) {
            error.put("param", decline.param());
        }
        error.put("charge", chargeId);
        error.put("doc_url", decline.docUrl());
        ObjectNode paymentMethod = error.putObject("payment_method");
        paymentMethod.put("id", paymentMethodId);
        paymentMethod.put("object", "payment_method");
        paymentMethod.put("type", "card");
        ObjectNode cardJson = paymentMethod.putObject("card");
        cardJson.put("brand", card.brand());
        cardJson.put("last4", card.last4());
        return error;
    }
}
