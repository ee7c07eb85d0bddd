package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vetacrm.directory.ReferenceDataService.Country;
import com.vetacrm.directory.ReferenceDataService.Item;
import com.vetacrm.directory.ReferenceDataService.State;
import com.vetacrm.directory.ReferenceDataService.Technology;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/** The reference data Liquibase loads (change 0012) as the read API serves it. */
@WithUserDetails(DemoUsers.MANAGER)
class ReferenceDataServiceTest extends ServiceTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    @Autowired
    ReferenceDataService service;
    @Autowired
    JdbcTemplate jdbc;

    private static <T> Map<String, String> byCode(List<T> rows, Function<T, String> code, Function<T, String> name) {
        return rows.stream().collect(Collectors.toMap(code, name));
    }

    @Test
    void allIsoCountriesInEnglishAndSpanish() {
        List<Country> english = service.countries(Locale.ENGLISH);
        assertThat(english).hasSize(249);
        Map<String, String> en = byCode(english, Country::code, Country::name);
        Map<String, String> es = byCode(service.countries(ES), Country::code, Country::name);
        assertThat(en).containsEntry("ES", "Spain").containsEntry("DE", "Germany").containsEntry("US", "United States");
        assertThat(es).containsEntry("ES", "España").containsEntry("DE", "Alemania")
                .containsEntry("US", "Estados Unidos").containsEntry("GB", "Reino Unido");
        // sorted by the name in the user's language
        assertThat(service.countries(ES)).extracting(Country::name).startsWith("Afganistán");
    }

    @Test
    void subdivisionsOfTheCountriesTheDirectoryCovers() {
        for (String country : List.of("US", "CA", "MX", "BR", "AR", "ES", "FR", "DE", "IT", "GB", "BE", "NL", "IN", "AU")) {
            assertThat(service.states(country, Locale.ENGLISH)).as(country).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.code()).startsWith(country + "-"));
        }
        Map<String, String> us = byCode(service.states("US", Locale.ENGLISH), State::code, State::name);
        assertThat(us).containsEntry("US-CA", "California").containsEntry("US-NY", "New York").hasSizeGreaterThanOrEqualTo(51);

        List<State> spain = service.states("ES", ES);
        Map<String, State> es = spain.stream().collect(Collectors.toMap(State::code, Function.identity()));
        // autonomous communities at the top, provinces under them
        assertThat(es.get("ES-AN")).satisfies(s -> {
            assertThat(s.name()).isEqualTo("Andalucía");
            assertThat(s.type()).isEqualTo("Autonomous community");
            assertThat(s.topLevel()).isTrue();
        });
        assertThat(es.get("ES-SE")).satisfies(s -> {
            assertThat(s.name()).isEqualTo("Sevilla");
            assertThat(s.type()).isEqualTo("Province");
            assertThat(s.parentCode()).isEqualTo("ES-AN");
        });
        assertThat(es.get("ES-CN").name()).isEqualTo("Canarias");
        assertThat(spain.stream().filter(State::topLevel)).hasSizeGreaterThanOrEqualTo(17);
        assertThat(spain).hasSizeGreaterThanOrEqualTo(17 + 50);
        // names in the user's language where iso-codes translates them
        assertThat(byCode(service.states("CA", ES), State::code, State::name)).containsEntry("CA-BC", "Columbia Británica");
        assertThat(byCode(service.states("CA", Locale.ENGLISH), State::code, State::name)).containsEntry("CA-BC", "British Columbia");
        assertThat(service.states("XX", Locale.ENGLISH)).isEmpty();
    }

    @Test
    void odooLeadMiningLists() {
        List<Item> industries = service.industries(Locale.ENGLISH);
        assertThat(industries).hasSize(23).extracting(Item::name)
                .contains("Software & Services", "Banks & Insurance", "Real Estate", "Transportation");
        assertThat(service.industries(ES)).extracting(Item::name).contains("Software y servicios");
        assertThat(service.contactRoles(Locale.ENGLISH)).hasSize(22).extracting(Item::code)
                .contains("ceo", "founder", "information_technology", "sale");
        assertThat(service.seniorities(Locale.ENGLISH)).extracting(Item::code)
                .containsExactly("director", "executive", "manager");
        assertThat(service.seniorities(ES)).extracting(Item::name).containsExactly("Director", "Ejecutivo", "Responsable");
    }

    @Test
    void realWebTechnologiesEachWithACategory() {
        List<Technology> technologies = service.technologies();
        assertThat(technologies).hasSizeGreaterThanOrEqualTo(150)
                .allSatisfy(t -> assertThat(t.category()).isNotBlank());
        Map<String, String> category = byCode(technologies, Technology::name, Technology::category);
        assertThat(category).containsEntry("WordPress", "CMS").containsEntry("Shopify", "E-commerce")
                .containsEntry("Google Analytics", "Analytics").containsEntry("HubSpot", "CRM")
                .containsEntry("Salesforce", "CRM").containsEntry("Cloudflare", "CDN")
                .containsEntry("Amazon Web Services", "Hosting");
        assertThat(technologies.stream().map(Technology::category).distinct()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void timeZonesPerCountryAndSubdivision() {
        assertThat(service.timeZones("US", "US-CA")).containsExactly("America/Los_Angeles");
        assertThat(service.timeZones("US", "US-NY")).containsExactly("America/New_York");
        assertThat(service.timeZones("ES", "ES-CN")).containsExactly("Atlantic/Canary");
        assertThat(service.timeZones("ES", "ES-TF")).containsExactly("Atlantic/Canary");
        assertThat(service.timeZones("ES", "ES-M")).containsExactly("Europe/Madrid");
        assertThat(service.timeZones("ES", null)).contains("Europe/Madrid", "Atlantic/Canary", "Africa/Ceuta");
        assertThat(service.timeZones("MX", "MX-BCN")).containsExactly("America/Tijuana");
        assertThat(service.timeZones("BR", "BR-AM")).containsExactly("America/Manaus");
        assertThat(service.timeZones("AU", "AU-WA")).containsExactly("Australia/Perth");
        assertThat(service.timeZones("CA", "CA-BC")).containsExactly("America/Vancouver");
        // a country without per-subdivision zones: the country's zones, whatever the subdivision
        assertThat(service.timeZones("DE", "DE-BY")).contains("Europe/Berlin");
        assertThat(service.timeZones("FR", "FR-IDF")).containsExactly("Europe/Paris");
        assertThat(service.timeZones("US", null)).contains("America/New_York", "America/Chicago", "Pacific/Honolulu");
    }

    @Test
    void everyCountryHasAZoneAndEveryZoneIsKnownToTheJdk() {
        Integer countriesWithoutZone = jdbc.queryForObject(
                "SELECT COUNT(*) FROM country c WHERE NOT EXISTS (SELECT 1 FROM time_zone z WHERE z.country_code = c.code)",
                Integer.class);
        assertThat(countriesWithoutZone).isZero();
        List<String> zones = jdbc.queryForList("SELECT DISTINCT zone_id FROM time_zone", String.class);
        assertThat(zones).allSatisfy(z -> assertThat(ZoneId.getAvailableZoneIds()).as(z).contains(z));
        // empty CSV cells are NULL, not ''
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM time_zone WHERE state_code = ''", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM country_state WHERE parent_code = ''", Integer.class)).isZero();
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void salespeopleReadTheListsToo() {
        assertThat(service.industries(Locale.ENGLISH)).hasSize(23);
    }

    @Test
    @WithAnonymousUser
    void anonymousCannotRead() {
        assertThatThrownBy(() -> service.countries(Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
    }
}
