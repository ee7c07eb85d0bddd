package com.vetacrm.credits;

import org.springframework.stereotype.Component;

/**
 * The built-in payment provider: no money moves through Veta; an administrator approves a request once the
 * pack is paid (by invoice or however the installation buys credits), and the approval is recorded with who
 * and when.
 */
@Component
class AdminApprovalPaymentProvider implements PaymentProvider {

    static final String ID = "admin-approval";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String register(CreditPurchase purchase) {
        return null;
    }

    @Override
    public boolean approvedByAdministrator() {
        return true;
    }
}
