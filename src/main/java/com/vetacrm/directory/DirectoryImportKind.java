package com.vetacrm.directory;

import java.util.List;
import java.util.Map;

/**
 * The two files the directory import takes (columns and rules: {@code docs/directory-import.md}). Companies
 * come first: a contact names its company by the company's {@code ref}.
 */
public enum DirectoryImportKind {

    COMPANIES(List.of("ref", "name", "legal_name", "domain", "website", "description", "industry", "employees",
                    "annual_revenue", "founded_year", "phone", "mobile_phone", "email", "street", "city", "zip", "country",
                    "state", "time_zone", "linkedin_url", "twitter_url", "facebook_url", "company_type", "technologies"),
            List.of("ref", "name", "domain", "industry", "employees", "country"),
            Map.ofEntries(Map.entry("generic_email", "email"), Map.entry("industry_code", "industry"),
                    Map.entry("country_code", "country"), Map.entry("state_code", "state"),
                    Map.entry("timezone", "time_zone"), Map.entry("revenue", "annual_revenue"),
                    Map.entry("founded", "founded_year"), Map.entry("type", "company_type"),
                    Map.entry("linkedin", "linkedin_url"), Map.entry("twitter", "twitter_url"),
                    Map.entry("facebook", "facebook_url"), Map.entry("mobile", "mobile_phone"))),

    CONTACTS(List.of("company_ref", "position", "full_name", "first_name", "last_name", "title", "role", "seniority",
                    "email", "phone"),
            List.of("company_ref", "full_name"),
            Map.of("order", "position", "job_title", "title", "role_code", "role", "seniority_code", "seniority"));

    private final List<String> columns;
    private final List<String> required;
    private final Map<String, String> aliases;

    DirectoryImportKind(List<String> columns, List<String> required, Map<String, String> aliases) {
        this.columns = columns;
        this.required = required;
        this.aliases = aliases;
    }

    /** Every column the file may have, in the documented order. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The columns the header must name. For companies, {@code domain} may be replaced by {@code website}
     * (the domain is then taken from it).
     */
    public List<String> requiredColumns() {
        return required;
    }

    /** The canonical name of a header cell (trimmed, lower case, spaces and hyphens as underscores), or null. */
    String canonical(String headerCell) {
        String name = headerCell == null ? "" : headerCell.strip().toLowerCase(java.util.Locale.ROOT)
                .replace(' ', '_').replace('-', '_');
        if (columns.contains(name)) {
            return name;
        }
        return aliases.get(name);
    }
}
