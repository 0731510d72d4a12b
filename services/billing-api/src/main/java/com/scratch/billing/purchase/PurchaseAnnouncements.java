package com.scratch.billing.purchase;

import com.scratch.events.NotePurchased;

/** Tells the rest of the system about a purchase. Implemented with SNS. */
public interface PurchaseAnnouncements {

    /** @throws AnnouncementFailedException when the event could not be published */
    void announce(NotePurchased event);
}
