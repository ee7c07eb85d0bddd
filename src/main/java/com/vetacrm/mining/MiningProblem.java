package com.vetacrm.mining;

/** One thing wrong with a mining form: the field it belongs to, and a translation key with its arguments. */
public record MiningProblem(String field, String messageKey, Object... args) {

    public static final String LEAD_NUMBER = "leadNumber";
    public static final String COUNTRIES = "countries";
    public static final String STATES = "states";
    public static final String INDUSTRIES = "industries";
    public static final String SIZE_MIN = "sizeMin";
    public static final String SIZE_MAX = "sizeMax";
    public static final String CONTACT_NUMBER = "contactNumber";
    public static final String PREFERRED_ROLE = "preferredRole";
    public static final String OTHER_ROLES = "otherRoles";
    public static final String SENIORITY = "seniority";
    public static final String TEAM = "team";
    public static final String SALESPERSON = "salesperson";
    public static final String TAGS = "tags";
    public static final String LEAD_TYPE = "leadType";
}
