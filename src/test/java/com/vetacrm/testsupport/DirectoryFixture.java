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

    /**
     * Deletes the leads earlier tests mined (with their chatter): their refs and domains would make this fixture's
     * companies known. Their requests and ledger entries stay.
     */
    public DirectoryFixture forgetMinedLeads() {
        jdbc.update("DELETE FROM chatter_entry WHERE target_type = 'LEAD' AND target_id IN"
                + " (SELECT id FROM crm_lead WHERE mining_request_id IS NOT NULL)");
        jdbc.update("DELETE FROM crm_lead WHERE mining_request_id IS NOT NULL");
        return this;
    }

    /**
     * Twelve Belgian companies of {@code industry}, {@code prefix}1 to {@code prefix}12: ranks 1-12, 10 to 120
     * employees, the even ones in Flanders, the odd ones in Wallonia, each with a sales manager (position 0), a CEO
     * (1) and a finance director (2).
     */
    public DirectoryFixture twelveBelgianCompanies(String prefix, String industry) {
        for (int i = 1; i <= 12; i++) {
            String ref = prefix + i;
            company(ref, "BE", i % 2 == 0 ? "BE-VLG" : "BE-WAL", industry, 10 * i, i);
            contact(ref, 0, "Ann Sales" + i, "sale", "manager");
            contact(ref, 1, "Bob Boss" + i, "ceo", "executive");
            contact(ref, 2, "Cid Money" + i, "finance", "director");
        }
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
