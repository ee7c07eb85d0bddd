package com.vetacrm.directory;

import java.math.BigDecimal;

/** A directory company as the grid shows it; names of country, state and industry in the caller's language. */
public record DirectoryCompanyRow(long id, String ref, String name, String domain, String countryCode,
        String countryName, String stateCode, String stateName, String industryCode, String industryName,
        int employees, BigDecimal annualRevenue, Integer foundedYear) {
}
