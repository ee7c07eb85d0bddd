package com.vetacrm.credits;

/**
 * The port through which credit packs are paid for. Veta ships one implementation, an administrator of the
 * installation approving each request ({@code admin-approval}); a real payment service (a card checkout, an
 * invoicing system) implements this interface as a bean and is chosen with {@code veta.credits.payment-provider}.
 */
public interface PaymentProvider {

    /** Stable id, stored with every purchase it handles. */
    String id();

    /**
     * A new purchase request, called in the transaction that records it. Returns the provider's reference for
     * it (its checkout or invoice id), or null. Throwing refuses the request and nothing is recorded.
     */
    String register(CreditPurchase purchase);

    /**
     * True when payment is confirmed by an administrator approving the request in Veta (the built-in
     * provider). A provider that confirms payment itself returns false: Veta then offers no approval.
     */
    boolean approvedByAdministrator();
}
