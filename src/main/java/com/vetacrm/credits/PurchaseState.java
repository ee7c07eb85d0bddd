package com.vetacrm.credits;

/** Where a purchase request stands. Only a REQUESTED purchase can be approved or rejected, once. */
public enum PurchaseState {
    REQUESTED,
    APPROVED,
    REJECTED;

    public String labelKey() {
        return "credits.purchase.state." + name();
    }
}
