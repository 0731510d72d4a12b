package com.scratch.billing.webhook;

/** What a verified Stripe event led to. Every one is answered 2xx, so Stripe does not send it again. */
public enum WebhookOutcome {
    /** A succeeded payment of this stage: announced now, or it already was (once per payment either way). */
    ANNOUNCED,
    /** An event type this endpoint does not act on. */
    IGNORED_EVENT_TYPE,
    /** A payment of another stage sharing the Stripe account (dev and the feature stages share the test account). */
    IGNORED_OTHER_STAGE,
    /** A payment this service did not make (no purchase metadata), or one that has not succeeded. */
    IGNORED_NOT_A_PURCHASE
}
