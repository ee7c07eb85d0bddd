package com.vetacrm.audit;

/** What an audit entry records. The label key names it in the reader's language. */
public enum AuditAction {
    SETTINGS_SAVED,
    USER_CREATED,
    USER_UPDATED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    CREDITS_GRANTED,
    CREDITS_ADJUSTED,
    CREDITS_REFUNDED,
    PURCHASE_REQUESTED,
    PURCHASE_APPROVED,
    PURCHASE_REJECTED,
    MINING_REQUEST_SUBMITTED,
    MINING_REQUEST_RETRIED,
    CONTACT_DATA_ERASED;

    public String labelKey() {
        return "audit.action." + name();
    }
}
