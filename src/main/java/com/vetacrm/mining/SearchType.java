package com.vetacrm.mining;

/** What a request delivers (DESIGN §5.1 "Target"). */
public enum SearchType {
    COMPANIES,
    COMPANIES_AND_CONTACTS;

    public String labelKey() {
        return "mining.searchType." + name();
    }
}
