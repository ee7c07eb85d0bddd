package com.vetacrm.credits;

/**
 * What a ledger entry records. The entry's {@code amount} is signed: for the settled kinds it is the change
 * of the balance (GRANT, PURCHASE, REFUND positive; CAPTURE negative; ADJUST either), for HOLD and RELEASE
 * the change of the held credits (positive, negative). A CAPTURE also takes its credits out of the held ones:
 * held credits are the sum of HOLD, RELEASE and CAPTURE amounts.
 */
public enum CreditEntryKind {
    /** Credits given: the trial of a fresh installation, or an administrator's grant. */
    GRANT(true),
    /** A pack bought and approved. */
    PURCHASE(true),
    /** Credits reserved for work in progress (a mining request); the balance is unchanged. */
    HOLD(false),
    /** Credits charged from a hold: the balance and the held credits both go down. */
    CAPTURE(true),
    /** The unused rest of a hold freed; the balance is unchanged. */
    RELEASE(false),
    /** Captured credits given back by an administrator. */
    REFUND(true),
    /** An administrator's signed correction. */
    ADJUST(true);

    private final boolean settled;

    CreditEntryKind(boolean settled) {
        this.settled = settled;
    }

    /** Settled entries change the balance: the balance is the sum of their amounts. */
    public boolean settled() {
        return settled;
    }

    /** Entries whose amount changes the held credits: HOLD, RELEASE and CAPTURE. */
    public boolean changesHeld() {
        return this == HOLD || this == RELEASE || this == CAPTURE;
    }

    /** Translation key of the kind's label. */
    public String labelKey() {
        return "credits.kind." + name();
    }
}
