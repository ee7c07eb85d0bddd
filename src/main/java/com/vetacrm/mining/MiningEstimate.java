package com.vetacrm.mining;

/**
 * The dialog's credit estimate (DESIGN §5.3): 1 credit per company and, for companies with contacts,
 * up to 1 per contact. {@code maxCost} is what submitting holds; the charge is for what is delivered and
 * never more.
 */
public record MiningEstimate(int companies, int contactsPerCompany, long companyCredits, long contactCredits,
        long maxCost) {

    public static final int CREDITS_PER_COMPANY = 1;
    public static final int CREDITS_PER_CONTACT = 1;

    /** The estimate of a form; fields out of range count as 0 (the dialog shows their own message). */
    public static MiningEstimate of(MiningForm form) {
        int companies = inRange(form.getLeadNumber(), 1, MiningRules.MAX_LEAD_NUMBER);
        int contacts = form.withContacts() ? inRange(form.getContactNumber(), 1, MiningRules.MAX_CONTACT_NUMBER) : 0;
        return of(companies, contacts);
    }

    public static MiningEstimate of(int companies, int contactsPerCompany) {
        long companyCredits = (long) companies * CREDITS_PER_COMPANY;
        long contactCredits = (long) companies * contactsPerCompany * CREDITS_PER_CONTACT;
        return new MiningEstimate(companies, contactsPerCompany, companyCredits, contactCredits,
                companyCredits + contactCredits);
    }

    /** What a delivery costs: each company and each contact delivered. */
    public static long charge(int companiesDelivered, int contactsDelivered) {
        return (long) companiesDelivered * CREDITS_PER_COMPANY + (long) contactsDelivered * CREDITS_PER_CONTACT;
    }

    private static int inRange(Integer value, int min, int max) {
        return value == null || value < min || value > max ? 0 : value;
    }
}
