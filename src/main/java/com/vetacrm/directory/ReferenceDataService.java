package com.vetacrm.directory;

import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the reference data of DESIGN §7 (loaded by Liquibase from {@code db/data/*.csv}; see
 * {@code docs/data-sources.md}): countries, their subdivisions, time zones, Odoo's lead-mining industries,
 * contact roles and seniorities, and web technologies. Names come in the requested language (Spanish for
 * {@code es}, English otherwise) and lists are sorted by that name, except where noted.
 */
@Service
@Transactional(readOnly = true)
public class ReferenceDataService {

    /** An ISO 3166-1 country. */
    public record Country(String code, String name) {
    }

    /**
     * An ISO 3166-2 subdivision; {@code parentCode} is the enclosing subdivision (a Spanish province's
     * autonomous community), null at the top level.
     */
    public record State(String code, String countryCode, String name, String type, String parentCode) {

        public boolean topLevel() {
            return parentCode == null;
        }
    }

    /** An entry of a coded list: industry, contact role or seniority. */
    public record Item(String code, String name) {
    }

    /** A web technology and its category (CMS, Analytics, …). */
    public record Technology(String code, String name, String category) {
    }

    private final ReferenceQueries queries;

    ReferenceDataService(ReferenceQueries queries) {
        this.queries = queries;
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<Country> countries(Locale locale) {
        return sorted(queries.countries(spanish(locale)), Country::name, locale);
    }

    /** The subdivisions of a country (all levels), sorted by name; empty for an unknown country. */
    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<State> states(String countryCode, Locale locale) {
        if (countryCode == null || countryCode.isBlank()) {
            return List.of();
        }
        return sorted(queries.states(countryCode.trim().toUpperCase(Locale.ROOT), spanish(locale)), State::name, locale);
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<Item> industries(Locale locale) {
        return sorted(queries.items("industry", spanish(locale)), Item::name, locale);
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<Item> contactRoles(Locale locale) {
        return sorted(queries.items("contact_role", spanish(locale)), Item::name, locale);
    }

    /** The seniorities in code order (director, executive, manager), as Odoo lists them. */
    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<Item> seniorities(Locale locale) {
        return queries.items("seniority", spanish(locale));
    }

    /** Technologies ordered by category, then name. */
    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<Technology> technologies() {
        return queries.technologies();
    }

    /**
     * IANA time zones for an address: the subdivision's zone when the data maps it (countries spanning
     * several zones: US, CA, MX, BR, AU, ES, PT), else every zone of the country (alphabetical).
     */
    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<String> timeZones(String countryCode, String stateCode) {
        if (countryCode == null || countryCode.isBlank()) {
            return List.of();
        }
        String country = countryCode.trim().toUpperCase(Locale.ROOT);
        if (stateCode != null && !stateCode.isBlank()) {
            List<String> zones = queries.stateZones(country, stateCode.trim().toUpperCase(Locale.ROOT));
            if (!zones.isEmpty()) {
                return zones;
            }
        }
        return queries.countryZones(country);
    }

    private static boolean spanish(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage());
    }

    private static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, String> name, Locale locale) {
        Collator collator = Collator.getInstance(locale == null ? Locale.ENGLISH : locale);
        collator.setStrength(Collator.PRIMARY);
        return rows.stream().sorted(Comparator.comparing(name, collator)).toList();
    }
}
