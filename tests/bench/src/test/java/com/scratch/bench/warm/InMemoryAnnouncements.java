package com.scratch.bench.warm;

import com.scratch.billing.purchase.PurchaseAnnouncements;
import com.scratch.events.NotePurchased;

/** Announcements kept in memory: the count and the last event only. For one thread. */
final class InMemoryAnnouncements implements PurchaseAnnouncements {

    private long announced;
    private NotePurchased last;

    @Override
    public void announce(NotePurchased event) {
        announced++;
        last = event;
    }

    long announced() {
        return announced;
    }

    NotePurchased last() {
        return last;
    }
}
