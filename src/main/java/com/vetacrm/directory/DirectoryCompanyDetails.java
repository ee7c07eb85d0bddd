package com.vetacrm.directory;

import java.math.BigDecimal;
import java.util.List;

/** Everything the directory knows of one company: its fields, technologies and contacts (in their stable order). */
public record DirectoryCompanyDetails(long id, String ref, String name, String legalName, String domain,
        String description, String industryCode, String industryName, int employees, BigDecimal annualRevenue,
        Integer foundedYear, String phone, String mobilePhone, String genericEmail, String street, String city,
        String zip, String countryCode, String countryName, String stateCode, String stateName, String timeZone,
        String linkedinUrl, String twitterUrl, String facebookUrl, String companyType, long rank,
        List<Technology> technologies, List<Contact> contacts) {

    /** A web technology the company uses. */
    public record Technology(String code, String name, String category) {
    }

    /** A person at the company; role and seniority names in the caller's language. */
    public record Contact(long id, int position, String fullName, String title, String roleCode, String roleName,
            String seniorityCode, String seniorityName, String email, String phone) {
    }

    public DirectoryCompanyDetails {
        technologies = List.copyOf(technologies);
        contacts = List.copyOf(contacts);
    }
}
