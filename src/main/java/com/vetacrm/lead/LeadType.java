package com.vetacrm.lead;

/** A lead is unqualified interest; an opportunity is a deal being worked. Both live in the pipeline. */
public enum LeadType {
    LEAD,
    OPPORTUNITY;

    public String labelKey() {
        return "lead.type." + name();
    }
}
