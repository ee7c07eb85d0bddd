package com.vetacrm.credits;

/**
 * Credits reserved for a piece of work until it is captured (charged) or released.
 *
 * @param reference        the caller's idempotency key: a second hold with the same reference returns this one
 * @param miningRequestId  the mining request the hold pays for, or null
 */
public record CreditHold(long id, long amount, String reference, Long miningRequestId) {
}
