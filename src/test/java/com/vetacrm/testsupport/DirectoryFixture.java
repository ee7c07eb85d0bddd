package com.vetacrm.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hand-made company directory for tests that need to know exactly which companies match: replaces the
 * generated one (the database is reset before the next test class) with companies whose country, state,
 * industry, size and rank the test chooses, and contacts with the roles and seniorities it chooses.
 */
public final class DirectoryFixture {

    private final JdbcTemplate jdbc;
    private long nextId = 9_000_000;

    public DirectoryFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties the directory (contacts and technologies go with their companies). */
    public DirectoryFixture empty() {
        jdbc.update("DELETE FROM directory_company");
        return this;
    }

    /** A company {@code ref} with domain {@code ref.example}, e-mail {@code info@ref.example} and a valid phone. */
    public long company(String ref, String country, String state, String industry, int employees, long rank) {
        long id = nextId++;
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO directory_company (id, ref, name, legal_name, domain, description, industry_code, employees,
                    annual_revenue, founded_year, phone, generic_email, street, city, zip, country_code, state_code,
                    time_zone, linkedin_url, rank, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1000000, 1999, '+3220000000', ?, 'Main Street 1', 'City', '1000', ?, ?,
                    'Europe/Brussels', ?, ?, ?, ?)""",
                id, ref, "Company " + ref, "Company " + ref + " SA", ref + ".example", "What " + ref + " does.",
                industry, employees, "info@" + ref + ".example", country, state,
                "https://www.linkedin.com/company/" + ref, rank, now, now);
        return id;
    }

    /** A contact at {@code position} with e-mail {@code first.last@ref.example} from the name. */
    public void contact(String companyRef, int position, String fullName, String role, String seniority) {
        jdbc.update("""
                INSERT INTO directory_contact (id, company_id, position, full_name, title, role_code, seniority_code, email,
                    phone)
                SELECT ?, id, ?, ?, ?, ?, ?, ?, '+3220000001' FROM directory_company WHERE ref = ?""",
                nextId++, position, fullName, "Title of " + fullName, role, seniority,
                email(companyRef, fullName), companyRef);
    }

    public static String email(String companyRef, String fullName) {
        return fullName.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + companyRef + ".example";
    }
}
