package com.scratch.billing.stripe;

import com.scratch.billing.purchase.CardDeclinedException;
import com.scratch.billing.purchase.IdempotencyKeyReusedException;
import com.scratch.billing.purchase.PaymentMethodRejectedException;
import com.scratch.billing.purchase.PaymentProviderUnavailableException;
import com.scratch.billing.purchase.PaymentRequestRejectedException;
import com.scratch.billing.purchase.PaymentSource;
import com.scratch.billing.purchase.PurchaseFailedException;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates what stripe-java throws into the purchase's failures, and logs what an operator needs to find the
 * call in Stripe (codes, request id). Every {@link StripeException} becomes some failure: what is not the buyer's
 * card or input, nor a request this service got wrong, is Stripe being unavailable, which is safe to retry with the
 * same idempotency key.
 */
final class StripeFailures {

    private static final Logger log = LoggerFactory.getLogger(StripeFailures.class);

    private StripeFailures() {
    }

    /** @param source what the buyer paid with: a token or payment method Stripe does not know is theirs to fix */
    static PurchaseFailedException translate(StripeException e, PaymentSource source) {
        if (e instanceof CardException) {
            CardException card = (CardException) e;
            String message = card.getStripeError() != null && card.getStripeError().getMessage() != null
                    ? card.getStripeError().getMessage() : "Your card was declined.";
            log.info("Card declined: code {}, decline code {}, request {}", card.getCode(), card.getDeclineCode(),
                    card.getRequestId());
            return new CardDeclinedException(card.getCode(), card.getDeclineCode(), message);
        }
        if (e instanceof IdempotencyException) {
            return new IdempotencyKeyReusedException(e);
        }
        if (e instanceof InvalidRequestException) {
            String param = e.getStripeError() == null ? null : e.getStripeError().getParam();
            if (param != null && param.startsWith("payment_method")) {
                return new PaymentMethodRejectedException(source, e.getStripeError().getMessage(), e);
            }
            log.error("Stripe refused the PaymentIntent this service built: code {}, param {}, request {}", e.getCode(),
                    param, e.getRequestId());
            return new PaymentRequestRejectedException("Stripe refused the request (code " + e.getCode() + ")", e);
        }
        log.error("Stripe call failed: {} (HTTP {}, code {}, request {})", e.getClass().getSimpleName(),
                e.getStatusCode(), e.getCode(), e.getRequestId());
        String what = e instanceof ApiConnectionException ? "could not be reached" : "failed";
        return new PaymentProviderUnavailableException("Stripe " + what, e);
    }
}
