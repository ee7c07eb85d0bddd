package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Browsing the generated directory (300 companies in tests): filters, paging, counts and who may do it. */
@WithUserDetails(DemoUsers.MANAGER)
class DirectoryServiceTest extends ServiceTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    @Autowired
    DirectoryService service;
    @Autowired
    JdbcTemplate jdbc;

    /** Every company matching the filter, walking the pages. */
    private List<DirectoryCompanyRow> all(DirectoryFilter filter) {
        List<DirectoryCompanyRow> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<DirectoryCompanyRow> chunk = service.findCompanies(filter, PageRequest.of(page, 100), Locale.ENGLISH);
            rows.addAll(chunk);
            if (chunk.size() < 100) {
                return rows;
            }
        }
    }

    private static DirectoryFilter filter(String country, String state, String industry, Integer min, Integer max,
            String text) {
        return new DirectoryFilter(country, state, industry, min, max, text);
    }

    @Test
    void withoutFiltersEveryCompanyInRankOrder() {
        List<DirectoryCompanyRow> rows = all(DirectoryFilter.none());
        assertThat(rows).hasSize(300);
        List<Long> ranks = jdbc.queryForList("SELECT rank FROM directory_company ORDER BY rank", Long.class);
        List<Long> ids = jdbc.queryForList("SELECT id FROM directory_company ORDER BY rank", Long.class);
        assertThat(ranks).hasSize(300);
        assertThat(rows).extracting(DirectoryCompanyRow::id).containsExactlyElementsOf(ids);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.countryName()).isNotBlank();
            assertThat(r.industryName()).isNotBlank();
        });
    }

    @Test
    void filtersNarrowTheResults() {
        Map<String, Object> us = jdbc.queryForMap("""
                SELECT country_code, state_code, COUNT(*) AS n FROM directory_company WHERE state_code IS NOT NULL
                GROUP BY country_code, state_code ORDER BY n DESC, state_code LIMIT 1""");
        String country = (String) us.get("country_code");
        String state = (String) us.get("state_code");

        List<DirectoryCompanyRow> byCountry = all(filter(country, null, null, null, null, null));
        assertThat(byCountry).isNotEmpty().allSatisfy(r -> assertThat(r.countryCode()).isEqualTo(country))
                .hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE country_code = ?",
                        Integer.class, country));

        List<DirectoryCompanyRow> byState = all(filter(country.toLowerCase(Locale.ROOT), state, null, null, null, null));
        assertThat(byState).isNotEmpty().hasSizeLessThan(byCountry.size())
                .allSatisfy(r -> assertThat(r.stateCode()).isEqualTo(state))
                .hasSize(((Number) us.get("n")).intValue());

        String industry = jdbc.queryForObject("""
                SELECT industry_code FROM directory_company GROUP BY industry_code ORDER BY COUNT(*) DESC,
                industry_code LIMIT 1""", String.class);
        List<DirectoryCompanyRow> byIndustry = all(filter(null, null, industry, null, null, null));
        assertThat(byIndustry).isNotEmpty().hasSizeLessThan(300)
                .allSatisfy(r -> assertThat(r.industryCode()).isEqualTo(industry))
                .hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM directory_company WHERE industry_code = ?",
                        Integer.class, industry));

        List<DirectoryCompanyRow> bySize = all(filter(null, null, null, 11, 50, null));
        assertThat(bySize).isNotEmpty().hasSizeLessThan(300)
                .allSatisfy(r -> assertThat(r.employees()).isBetween(11, 50))
                .hasSize(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM directory_company WHERE employees BETWEEN 11 AND 50", Integer.class));
        assertThat(all(filter(null, null, null, 7, 7, null))).allSatisfy(r -> assertThat(r.employees()).isEqualTo(7));

        DirectoryCompanyRow some = byCountry.getFirst();
        String part = some.domain().substring(0, Math.min(5, some.domain().indexOf('.')));
        List<DirectoryCompanyRow> byText = all(filter(null, null, null, null, null, part.toUpperCase(Locale.ROOT)));
        assertThat(byText).extracting(DirectoryCompanyRow::id).contains(some.id());
        assertThat(byText).allSatisfy(r -> assertThat(java.text.Normalizer.normalize(r.name() + " " + r.domain(),
                        java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT))
                .contains(part.toLowerCase(Locale.ROOT)));
        // LIKE wildcards are taken literally
        assertThat(all(filter(null, null, null, null, null, "%"))).isEmpty();
        assertThat(all(filter(null, null, null, null, null, "_"))).isEmpty();

        // all filters together
        assertThat(all(filter(country, state, null, 1, 1_000_000, null))).hasSize(byState.size());
    }

    @Test
    void badFiltersAreRefused() {
        assertThatThrownBy(() -> service.findCompanies(filter("FR", "US-CA", null, null, null, null),
                PageRequest.of(0, 10))).isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("directory.error.stateNotInCountry");
        assertThatThrownBy(() -> service.countsByCountry(filter(null, "US-CA", null, null, null, null)))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> service.findCompanies(filter(null, null, null, 50, 10, null), PageRequest.of(0, 10)))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("directory.error.sizeOrder");
        assertThatThrownBy(() -> service.findCompanies(filter(null, null, null, 0, 10, null), PageRequest.of(0, 10)))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("directory.error.sizeRange");
        assertThatThrownBy(() -> service.countsByIndustry(filter(null, null, null, null, 1_000_001, null)))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void pagesNeitherRepeatNorSkipWhateverTheSort() {
        for (Sort sort : List.of(Sort.unsorted(), Sort.by("name"), Sort.by(Sort.Direction.DESC, "employees"),
                Sort.by("country"), Sort.by("industry"), Sort.by("nonsense"))) {
            HashSet<Long> seen = new HashSet<>();
            for (int page = 0; page < 14; page++) {
                List<DirectoryCompanyRow> rows = service.findCompanies(DirectoryFilter.none(),
                        PageRequest.of(page, 23, sort), Locale.ENGLISH);
                rows.forEach(r -> assertThat(seen.add(r.id())).as(sort + " repeats " + r.id()).isTrue());
            }
            assertThat(seen).as(sort.toString()).hasSize(300);
        }
        List<DirectoryCompanyRow> byEmployees = service.findCompanies(DirectoryFilter.none(),
                PageRequest.of(0, 300, Sort.by(Sort.Direction.DESC, "employees")), Locale.ENGLISH);
        assertThat(byEmployees).extracting(DirectoryCompanyRow::employees)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void countsSumToTheFilteredTotal() {
        String small = jdbc.queryForObject("""
                SELECT country_code FROM directory_company GROUP BY country_code HAVING COUNT(*) BETWEEN 2 AND 15
                ORDER BY COUNT(*) DESC, country_code LIMIT 1""", String.class);
        // a set small enough to have at most 15 groups of each kind
        DirectoryFilter narrow = filter(small, null, null, null, null, null);
        int total = all(narrow).size();
        assertThat(total).isBetween(2, 15);
        assertThat(service.countsByCountry(narrow, Locale.ENGLISH)).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(total));
        assertThat(service.countsByIndustry(narrow, Locale.ENGLISH).stream().mapToLong(CountBy::count).sum())
                .isEqualTo(total);

        String country = jdbc.queryForObject("""
                SELECT country_code FROM directory_company GROUP BY country_code ORDER BY COUNT(*) DESC,
                country_code LIMIT 1""", String.class);
        DirectoryFilter byCountry = filter(country, null, null, null, null, null);
        int countryTotal = all(byCountry).size();
        List<CountBy> industries = service.countsByIndustry(byCountry, Locale.ENGLISH);
        assertThat(industries).hasSizeLessThanOrEqualTo(15).isSortedAccordingTo(
                java.util.Comparator.comparingLong(CountBy::count).reversed());
        if (industries.size() < 15) {
            assertThat(industries.stream().mapToLong(CountBy::count).sum()).isEqualTo(countryTotal);
        }
        // top 15 of the whole directory, names in the caller's language
        List<CountBy> countries = service.countsByCountry(DirectoryFilter.none(), ES);
        assertThat(countries).hasSizeLessThanOrEqualTo(15).allSatisfy(c -> assertThat(c.name()).isNotBlank());
        assertThat(countries.stream().mapToLong(CountBy::count).sum()).isLessThanOrEqualTo(300);
        assertThat(service.countsByCountry(filter("ES", null, null, null, null, null), ES))
                .allSatisfy(c -> assertThat(c.name()).isEqualTo("España"));
    }

    @Test
    void aCompanyWithItsTechnologiesAndContacts() {
        long id = jdbc.queryForObject("""
                SELECT c.id FROM directory_company c WHERE (SELECT COUNT(*) FROM directory_contact p
                WHERE p.company_id = c.id) >= 2 ORDER BY c.rank LIMIT 1""", Long.class);
        DirectoryCompanyDetails c = service.company(id, Locale.ENGLISH).orElseThrow();
        assertThat(c.name()).isNotBlank();
        assertThat(c.domain()).contains(".");
        assertThat(c.countryName()).isNotBlank();
        assertThat(c.industryName()).isNotBlank();
        assertThat(c.technologies()).isNotEmpty().allSatisfy(t -> assertThat(t.name()).isNotBlank());
        assertThat(c.contacts()).hasSize(jdbc.queryForObject(
                "SELECT COUNT(*) FROM directory_contact WHERE company_id = ?", Integer.class, id));
        assertThat(c.contacts()).extracting(DirectoryCompanyDetails.Contact::position).isSorted();
        assertThat(service.company(-1)).isEmpty();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespeopleMayNotBrowseTheDirectory() {
        assertThatThrownBy(() -> service.findCompanies(DirectoryFilter.none(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.countsByCountry(DirectoryFilter.none()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.company(1)).isInstanceOf(AccessDeniedException.class);
    }
}
