package com.vetacrm.credits;

import java.time.Instant;
import java.util.Set;

/**
 * Which ledger entries to list.
 *
 * @param kinds the kinds to show; empty shows every kind
 * @param from  first instant included, or null
 * @param to    first instant no longer included, or null
 */
public record LedgerFilter(Set<CreditEntryKind> kinds, Instant from, Instant to) {

    public LedgerFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public static LedgerFilter none() {
        return new LedgerFilter(Set.of(), null, null);
    }
}
