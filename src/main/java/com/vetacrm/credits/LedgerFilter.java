package com.vetacrm.credits;

import java.time.Instant;
import java.util.Set;

/**
 * Which ledger entries to list.
 *
 * @param kinds the kinds to show; empty shows every kind
 * @param from  first instant included, or null
 * @param to    first instant no longer included, or null
 * @param miningRequestId only the entries of this Lead Mining Request (its holds, captures, releases and
 *                        refunds), or null for every entry
 */
public record LedgerFilter(Set<CreditEntryKind> kinds, Instant from, Instant to, Long miningRequestId) {

    public LedgerFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public LedgerFilter(Set<CreditEntryKind> kinds, Instant from, Instant to) {
        this(kinds, from, to, null);
    }

    public static LedgerFilter none() {
        return new LedgerFilter(Set.of(), null, null, null);
    }

    /** Every entry of one Lead Mining Request, newest first (its detail view). */
    public static LedgerFilter ofMiningRequest(long miningRequestId) {
        return new LedgerFilter(Set.of(), null, null, miningRequestId);
    }
}
