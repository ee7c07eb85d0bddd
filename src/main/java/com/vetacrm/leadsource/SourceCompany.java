package com.vetacrm.leadsource;

import java.math.BigDecimal;
import java.util.List;

/**
 * A company as a source delivers it: what a mined lead and its enrichment card are made of (DESIGN §5.6).
 * Codes refer to Veta's reference data (ISO countries and subdivisions, industries), so the card can show
 * them in the reader's language; {@code domain} is normalised (lower case, no {@code www.}); phones are E.164.
 */
public record SourceCompany(String ref, String name, String legalName, String domain, String description,
        String industryCode, int employees, BigDecimal annualRevenue, Integer foundedYear, String phone,
        String mobilePhone, String email, String street, String city, String zip, String countryCode,
        String stateCode, String timeZone, String linkedinUrl, String twitterUrl, String facebookUrl,
        String companyType, List<String> technologies, List<SourceContact> contacts) {

    public SourceCompany {
        technologies = technologies == null ? List.of() : List.copyOf(technologies);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
