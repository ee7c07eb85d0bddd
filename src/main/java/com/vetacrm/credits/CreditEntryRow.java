package com.vetacrm.credits;

import java.time.Instant;

/**
 * One ledger entry as the credits page lists it.
 *
 * @param amount          signed, see {@link CreditEntryKind}
 * @param balanceAfter    the balance once this entry was written
 * @param heldAfter       the held credits once this entry was written
 * @param holdId          the hold a HOLD, CAPTURE, RELEASE or REFUND belongs to, or null
 * @param miningRequestId the mining request it concerns, or null
 * @param userName        display name of who caused it; null for the trial grant
 */
public record CreditEntryRow(long id, CreditEntryKind kind, long amount, long balanceAfter, long heldAfter,
        Long holdId, Long miningRequestId, String reference, String userName, String note, Instant createdAt) {

    /** Credits that could be held or spent after this entry. */
    public long availableAfter() {
        return balanceAfter - heldAfter;
    }
}
