package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.directory.DirectoryCompanyFactory.NewCompany;
import com.vetacrm.shared.PhoneNumbers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The directory the generator wrote at start (veta.directory.size=300 in tests) on the real MariaDB. */
class DirectoryGeneratorTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryGenerator generator;

    @Test
    void fillsTheDirectoryToTheConfiguredSizeWithUniqueRefsDomainsAndRanks() {
        assertThat(count("SELECT COUNT(*) FROM directory_company")).isEqualTo(300);
        assertThat(count("SELECT COUNT(DISTINCT ref) FROM directory_company")).isEqualTo(300);
        assertThat(count("SELECT COUNT(DISTINCT domain) FROM directory_company")).isEqualTo(300);
        assertThat(count("SELECT COUNT(DISTINCT `rank`) FROM directory_company")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM directory_company WHERE domain <> LOWER(domain) OR domain LIKE 'www.%'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM directory_contact")).isGreaterThan(300);
        assertThat(count("SELECT COUNT(*) FROM directory_company c WHERE NOT EXISTS "
                + "(SELECT 1 FROM directory_company_technology t WHERE t.company_id = c.id)")).isZero();
        assertThat(count("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM directory_company_technology GROUP BY company_id) x"))
                .isLessThanOrEqualTo(12);
        // each company's row carries a copy of its codes, sorted (change 0028)
        assertThat(count("SELECT COUNT(*) FROM directory_company c WHERE NOT c.technology_codes <=> (SELECT"
                + " GROUP_CONCAT(t.technology_code ORDER BY t.technology_code) FROM directory_company_technology t"
                + " WHERE t.company_id = c.id)")).isZero();
        assertThat(count("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM directory_contact GROUP BY company_id) x"))
                .isLessThanOrEqualTo(25);
    }

    @Test
    void everyPhoneIsValidE164ForTheCompanysCountry() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT c.country_code country, c.phone phone FROM directory_company c
                UNION ALL SELECT c.country_code, c.mobile_phone FROM directory_company c WHERE c.mobile_phone IS NOT NULL
                UNION ALL SELECT c.country_code, p.phone FROM directory_contact p JOIN directory_company c ON c.id = p.company_id
                WHERE p.phone IS NOT NULL""");
        assertThat(rows).hasSizeGreaterThan(300);
        for (Map<String, Object> row : rows) {
            String phone = (String) row.get("phone");
            assertThat(phone).as("phone of a company in %s", row.get("country")).isNotNull();
            assertThat(PhoneNumbers.toE164(phone, (String) row.get("country"))).as(phone).contains(phone);
        }
    }

    @Test
    void statesBelongToTheCountryAndTimeZonesAreTheCountrys() {
        assertThat(count("""
                SELECT COUNT(*) FROM directory_company c JOIN country_state s ON s.code = c.state_code
                WHERE s.country_code <> c.country_code""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM directory_company c
                WHERE c.time_zone IS NULL OR NOT EXISTS
                    (SELECT 1 FROM time_zone z WHERE z.country_code = c.country_code AND z.zone_id = c.time_zone)"""))
                .isZero();
        // countries with subdivisions get one
        assertThat(count("SELECT COUNT(*) FROM directory_company WHERE country_code = 'US' AND state_code IS NULL")).isZero();
    }

    @Test
    void sizesAreLongTailedAndRevenueFollowsSize() {
        List<Integer> employees = jdbc.queryForList("SELECT employees FROM directory_company ORDER BY employees", Integer.class);
        assertThat(employees.getFirst()).isGreaterThanOrEqualTo(1);
        assertThat(employees.get(employees.size() / 2)).isLessThan(50);
        assertThat(employees.stream().filter(e -> e < 50).count()).isGreaterThan(employees.size() * 6L / 10);
        Double small = jdbc.queryForObject("SELECT AVG(annual_revenue) FROM directory_company WHERE employees < 10", Double.class);
        Double big = jdbc.queryForObject("SELECT AVG(annual_revenue) FROM directory_company WHERE employees >= 50", Double.class);
        assertThat(big).isGreaterThan(small * 5);
        assertThat(count("SELECT COUNT(*) FROM directory_company WHERE founded_year < 1800 OR founded_year > 2026"))
                .isZero();
    }

    @Test
    void contactEmailsAreOnTheCompanyDomainAndUniqueWithinIt() {
        assertThat(count("""
                SELECT COUNT(*) FROM directory_contact p JOIN directory_company c ON c.id = p.company_id
                WHERE p.email NOT LIKE CONCAT('%@', c.domain)""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM (SELECT company_id, email FROM directory_contact GROUP BY company_id, email
                HAVING COUNT(*) > 1) d""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM directory_company WHERE generic_email NOT LIKE CONCAT('%@', domain)"))
                .isZero();
    }

    @Test
    void citiesPostalCodesAndAreaCodesAgreeWithTheStateAsWritten() {
        Map<String, DirectoryPlaces.City> cities = DirectoryCompanyFactoryTest.citiesByKey();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT country_code, state_code, city, zip, phone, time_zone FROM directory_company");
        for (Map<String, Object> row : rows) {
            String country = (String) row.get("country_code");
            DirectoryPlaces.City city = cities.get(row.get("state_code") + "|" + row.get("city"));
            assertThat(city).as("%s is a city of %s", row.get("city"), row.get("state_code")).isNotNull();
            assertThat((String) row.get("zip")).matches(DirectoryCompanyFactoryTest.ZIP.get(country));
            if (country.equals("US") || country.equals("CA")) {
                assertThat(city.phone()).contains(((String) row.get("phone")).substring(2, 5));
            }
            if (city.zone() != null) {
                assertThat(row.get("time_zone")).isEqualTo(city.zone());
            }
        }
        // Spanish titles for Spanish-speaking countries
        assertThat(jdbc.queryForList("""
                SELECT p.title FROM directory_contact p JOIN directory_company c ON c.id = p.company_id
                WHERE c.country_code IN ('ES', 'MX', 'AR', 'CO', 'CL')""", String.class))
                .isNotEmpty().noneMatch(t -> t.contains("Manager") || t.contains("Director of") || t.contains("Head of"));
    }

    @Test
    void theRunRecordsItsProgressSoALaterStartCanContinueIt() {
        assertThat(generator.progress()).isEqualTo(new DirectoryGenerator.Progress(42, 300));
        assertThat(jdbc.queryForObject("SELECT setting_value FROM app_setting WHERE setting_key = ?", String.class,
                DirectoryGenerator.PROGRESS_KEY)).isEqualTo("seed=42;next=300");
    }

    @Test
    void runningAgainAddsNothing() {
        int before = count("SELECT COUNT(*) FROM directory_company");
        assertThat(generator.generate()).isZero();
        assertThat(count("SELECT COUNT(*) FROM directory_company")).isEqualTo(before);
    }

    @Test
    void theSameSeedGivesTheSameCompanies() {
        List<NewCompany> first = new ArrayList<>();
        DirectoryCompanyFactory a = generator.factory();
        for (int i = 0; i < 20; i++) {
            first.add(a.company(i));
        }
        DirectoryCompanyFactory b = generator.factory();
        for (int i = 19; i >= 0; i--) {
            assertThat(b.company(i)).isEqualTo(first.get(i));
        }
        // and they are the rows written at start (the first companies' domains cannot have collided)
        List<String> refs = jdbc.queryForList("SELECT ref FROM directory_company ORDER BY ref LIMIT 20", String.class);
        assertThat(refs).containsExactlyElementsOf(first.stream().map(NewCompany::ref).toList());
        List<String> names = jdbc.queryForList("SELECT name FROM directory_company ORDER BY ref LIMIT 20", String.class);
        assertThat(names).containsExactlyElementsOf(first.stream().map(NewCompany::name).toList());
        List<Long> ranks = jdbc.queryForList("SELECT `rank` FROM directory_company ORDER BY ref LIMIT 20", Long.class);
        assertThat(ranks).containsExactlyElementsOf(first.stream().map(NewCompany::rank).toList());
    }

    private int count(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
