package com.vetacrm.lead;

/**
 * Which records a list shows: the active ones (default), the lost ones, or the archived ones
 * (inactive without a lost reason). Marking lost and archiving both take a record out of the pipeline,
 * as in Odoo; restoring brings it back.
 */
public enum LeadStatus {
    ACTIVE,
    LOST,
    ARCHIVED;

    public String labelKey() {
        return "lead.status." + name();
    }
}
