package com.scratch.billing.purchase;

/** What the buyer is told after a successful purchase. */
public record PurchaseReceipt(String paymentId, long amount, String currency) {
}
