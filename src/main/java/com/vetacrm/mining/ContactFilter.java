package com.vetacrm.mining;

/** How a request picks each company's contacts (DESIGN §5.7). */
public enum ContactFilter {
    ROLE,
    SENIORITY;

    public String labelKey() {
        return "mining.contactFilter." + name();
    }
}
