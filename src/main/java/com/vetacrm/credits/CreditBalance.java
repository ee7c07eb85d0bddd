package com.vetacrm.credits;

/**
 * The account as the credits page and the low-balance warning show it.
 *
 * @param balance             credits owned: the sum of the settled ledger entries
 * @param held                credits reserved by open holds
 * @param available           {@code balance - held}: what a new hold may take; never negative
 * @param lowBalanceThreshold the setting the warning compares with
 * @param low                 {@code available < lowBalanceThreshold}
 */
public record CreditBalance(long balance, long held, long available, long lowBalanceThreshold, boolean low) {

    static CreditBalance of(long balance, long held, long threshold) {
        long available = balance - held;
        return new CreditBalance(balance, held, available, threshold, available < threshold);
    }
}
