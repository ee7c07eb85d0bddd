package com.vetacrm.directory;

import java.util.Locale;

/**
 * What the directory view filters companies by; every part is optional (null = any). {@code stateCode}
 * must be a subdivision of {@code countryCode}; sizes are employee counts, 1 ≤ min ≤ max ≤ 1,000,000;
 * {@code text} is matched (contains, wildcards taken literally) against the name and the domain.
 */
public record DirectoryFilter(String countryCode, String stateCode, String industryCode, Integer sizeMin,
        Integer sizeMax, String text) {

    public static final int MAX_SIZE = 1_000_000;

    public DirectoryFilter {
        countryCode = code(countryCode);
        stateCode = code(stateCode);
        industryCode = industryCode == null || industryCode.isBlank() ? null : industryCode.trim();
        text = text == null || text.isBlank() ? null : text.trim();
    }

    /** No filter: every company. */
    public static DirectoryFilter none() {
        return new DirectoryFilter(null, null, null, null, null, null);
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
