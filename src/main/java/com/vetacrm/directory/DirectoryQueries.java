package com.vetacrm.directory;

import com.vetacrm.directory.DirectoryCompanyDetails.Contact;
import com.vetacrm.directory.DirectoryCompanyDetails.Technology;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The directory view's read side in plain SQL over the tables of change 0013: one query per grid page
 * (sorted and limited in SQL, never counted), GROUP BY counts served by the (country, industry, employees)
 * and (industry, employees) indexes, and a company with its technologies and contacts.
 */
@Component
class DirectoryQueries {

    static final int MAX_PAGE = 500;
    static final int TOP = 15;

    /** Sort properties the grid may ask for; anything else is ignored. */
    private static final Map<String, String> SORTS = Map.of(
            "name", "c.name",
            "employees", "c.employees",
            "country", "c.country_code",
            "industry", "c.industry_code",
            "rank", "c.rank");

    private final JdbcClient jdbc;

    DirectoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Where(String sql, Map<String, Object> params) {
    }

    static Where where(DirectoryFilter f) {
        List<String> and = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        and.add("1 = 1");
        if (f.countryCode() != null) {
            and.add("c.country_code = :country");
            p.put("country", f.countryCode());
        }
        if (f.stateCode() != null) {
            and.add("c.state_code = :state");
            p.put("state", f.stateCode());
        }
        if (f.industryCode() != null) {
            and.add("c.industry_code = :industry");
            p.put("industry", f.industryCode());
        }
        if (f.sizeMin() != null) {
            and.add("c.employees >= :sizeMin");
            p.put("sizeMin", f.sizeMin());
        }
        if (f.sizeMax() != null) {
            and.add("c.employees <= :sizeMax");
            p.put("sizeMax", f.sizeMax());
        }
        if (f.text() != null) {
            and.add("(c.name LIKE :text OR c.domain LIKE :text)");
            p.put("text", "%" + escapeLike(f.text()) + "%");
        }
        return new Where(String.join(" AND ", and), p);
    }

    /** Escapes LIKE's wildcards so "50%" matches "50%" literally. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        boolean rank = false;
        for (Sort.Order o : sort) {
            String column = SORTS.get(o.getProperty());
            if (column != null) {
                parts.add(column + (o.isAscending() ? " ASC" : " DESC"));
                rank |= column.equals("c.rank");
            }
        }
        if (!rank) {
            parts.add("c.rank ASC");  // unique: the order is total, so pages never overlap
        }
        return String.join(", ", parts);
    }

    boolean stateOfCountry(String stateCode, String countryCode) {
        return jdbc.sql("SELECT COUNT(*) FROM country_state WHERE code = :state AND country_code = :country")
                .param("state", stateCode).param("country", countryCode)
                .query(Long.class).single() > 0;
    }

    List<DirectoryCompanyRow> rows(DirectoryFilter filter, Pageable page, boolean spanish) {
        Where w = where(filter);
        int size = Math.clamp(page.getPageSize(), 1, MAX_PAGE);
        return jdbc.sql("SELECT c.id, c.ref, c.name, c.domain, c.country_code, co." + (spanish ? "name_es" : "name_en")
                        + " AS country_name, c.state_code, st." + (spanish ? "name_es" : "name")
                        + " AS state_name, c.industry_code, i." + (spanish ? "name_es" : "name_en")
                        + " AS industry_name, c.employees, c.annual_revenue, c.founded_year"
                        + " FROM directory_company c"
                        + " LEFT JOIN country co ON co.code = c.country_code"
                        + " LEFT JOIN country_state st ON st.code = c.state_code"
                        + " LEFT JOIN industry i ON i.code = c.industry_code"
                        + " WHERE " + w.sql() + " ORDER BY " + orderBy(page.getSort())
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", size).param("offset", page.getOffset())
                .query((rs, n) -> new DirectoryCompanyRow(rs.getLong("id"), rs.getString("ref"), rs.getString("name"),
                        rs.getString("domain"), rs.getString("country_code"), rs.getString("country_name"),
                        rs.getString("state_code"), rs.getString("state_name"), rs.getString("industry_code"),
                        rs.getString("industry_name"), rs.getInt("employees"), rs.getBigDecimal("annual_revenue"),
                        nullableInt(rs, "founded_year")))
                .list();
    }

    List<CountBy> countsByCountry(DirectoryFilter filter, boolean spanish) {
        Where w = where(filter);
        return jdbc.sql("SELECT g.code, co." + (spanish ? "name_es" : "name_en") + " AS name, g.n FROM"
                        + " (SELECT c.country_code AS code, COUNT(*) AS n FROM directory_company c WHERE " + w.sql()
                        + " GROUP BY c.country_code ORDER BY n DESC, c.country_code LIMIT " + TOP + ") g"
                        + " LEFT JOIN country co ON co.code = g.code ORDER BY g.n DESC, g.code")
                .params(w.params())
                .query((rs, i) -> new CountBy(rs.getString("code"), rs.getString("name"), rs.getLong("n")))
                .list();
    }

    List<CountBy> countsByIndustry(DirectoryFilter filter, boolean spanish) {
        Where w = where(filter);
        return jdbc.sql("SELECT g.code, i." + (spanish ? "name_es" : "name_en") + " AS name, g.n FROM"
                        + " (SELECT c.industry_code AS code, COUNT(*) AS n FROM directory_company c WHERE " + w.sql()
                        + " GROUP BY c.industry_code ORDER BY n DESC, c.industry_code LIMIT " + TOP + ") g"
                        + " LEFT JOIN industry i ON i.code = g.code ORDER BY g.n DESC, g.code")
                .params(w.params())
                .query((rs, i) -> new CountBy(rs.getString("code"), rs.getString("name"), rs.getLong("n")))
                .list();
    }

    Optional<DirectoryCompanyDetails> company(long id, boolean spanish) {
        Optional<DirectoryCompanyDetails> company = jdbc.sql("SELECT c.*, co." + (spanish ? "name_es" : "name_en")
                        + " AS country_name, st." + (spanish ? "name_es" : "name") + " AS state_name, i."
                        + (spanish ? "name_es" : "name_en") + " AS industry_name"
                        + " FROM directory_company c"
                        + " LEFT JOIN country co ON co.code = c.country_code"
                        + " LEFT JOIN country_state st ON st.code = c.state_code"
                        + " LEFT JOIN industry i ON i.code = c.industry_code"
                        + " WHERE c.id = :id")
                .param("id", id)
                .query((rs, n) -> details(rs, List.of(), List.of()))
                .optional();
        if (company.isEmpty()) {
            return company;
        }
        List<Technology> technologies = jdbc.sql("""
                        SELECT t.code, t.name, t.category FROM directory_company_technology ct
                        JOIN technology t ON t.code = ct.technology_code
                        WHERE ct.company_id = :id ORDER BY t.category, t.name""")
                .param("id", id)
                .query((rs, n) -> new Technology(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        String name = spanish ? "name_es" : "name_en";
        List<Contact> contacts = jdbc.sql("SELECT p.id, p.position, p.full_name, p.title, p.role_code, r." + name
                        + " AS role_name, p.seniority_code, s." + name + " AS seniority_name, p.email, p.phone"
                        + " FROM directory_contact p"
                        + " LEFT JOIN contact_role r ON r.code = p.role_code"
                        + " LEFT JOIN seniority s ON s.code = p.seniority_code"
                        + " WHERE p.company_id = :id ORDER BY p.position")
                .param("id", id)
                .query((rs, n) -> new Contact(rs.getLong("id"), rs.getInt("position"), rs.getString("full_name"),
                        rs.getString("title"), rs.getString("role_code"), rs.getString("role_name"),
                        rs.getString("seniority_code"), rs.getString("seniority_name"), rs.getString("email"),
                        rs.getString("phone")))
                .list();
        DirectoryCompanyDetails c = company.get();
        return Optional.of(new DirectoryCompanyDetails(c.id(), c.ref(), c.name(), c.legalName(), c.domain(),
                c.description(), c.industryCode(), c.industryName(), c.employees(), c.annualRevenue(),
                c.foundedYear(), c.phone(), c.mobilePhone(), c.genericEmail(), c.street(), c.city(), c.zip(),
                c.countryCode(), c.countryName(), c.stateCode(), c.stateName(), c.timeZone(), c.linkedinUrl(),
                c.twitterUrl(), c.facebookUrl(), c.companyType(), c.rank(), technologies, contacts));
    }

    private static DirectoryCompanyDetails details(ResultSet rs, List<Technology> technologies, List<Contact> contacts)
            throws SQLException {
        return new DirectoryCompanyDetails(rs.getLong("id"), rs.getString("ref"), rs.getString("name"),
                rs.getString("legal_name"), rs.getString("domain"), rs.getString("description"),
                rs.getString("industry_code"), rs.getString("industry_name"), rs.getInt("employees"),
                rs.getBigDecimal("annual_revenue"), nullableInt(rs, "founded_year"), rs.getString("phone"),
                rs.getString("mobile_phone"), rs.getString("generic_email"), rs.getString("street"),
                rs.getString("city"), rs.getString("zip"), rs.getString("country_code"), rs.getString("country_name"),
                rs.getString("state_code"), rs.getString("state_name"), rs.getString("time_zone"),
                rs.getString("linkedin_url"), rs.getString("twitter_url"), rs.getString("facebook_url"),
                rs.getString("company_type"), rs.getLong("rank"), technologies, contacts);
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
