package com.vetacrm.credits;

import java.time.Instant;

/**
 * A purchase of a credit pack: who asked and when, who approved or rejected it and when.
 *
 * @param provider          id of the {@link PaymentProvider} that handles it
 * @param providerReference the provider's reference (its checkout or invoice), or null
 * @param decidedByName     display name of the administrator who approved or rejected it; null while requested
 * @param note              the reason of a rejection, or null
 */
public record CreditPurchase(long id, long credits, PurchaseState state, String provider, String providerReference,
        String requestedByName, Instant requestedAt, String decidedByName, Instant decidedAt, String note) {
}
