package com.vetacrm.directory;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reference codes an import row is checked against, read once per import (a few thousand short
 * rows): countries, every ISO 3166-2 subdivision with its country, industries, contact roles,
 * seniorities, technologies, and the default time zone of a country or subdivision.
 */
record ImportReference(Set<String> countries, Map<String, String> stateCountry, Set<String> industries,
        Set<String> roles, Set<String> seniorities, Set<String> technologies, Map<String, String> stateZones,
        Map<String, String> countryZones, Set<String> zoneIds) {

    static ImportReference read(JdbcTemplate jdbc) {
        DirectoryReferenceSnapshot snapshot = DirectoryReferenceSnapshot.read(jdbc);
        Map<String, String> stateCountry = new HashMap<>();
        jdbc.query("SELECT code, country_code FROM country_state", rs -> {
            stateCountry.put(rs.getString(1), rs.getString(2));
        });
        return new ImportReference(Set.copyOf(snapshot.countries()), Map.copyOf(stateCountry),
                codes(snapshot.industries()), codes(snapshot.roles()), codes(snapshot.seniorities()),
                Set.copyOf(snapshot.technologies().stream().map(DirectoryReferenceSnapshot.Tech::code).toList()),
                Map.copyOf(snapshot.stateZones()), Map.copyOf(snapshot.countryZones()),
                Set.copyOf(ZoneId.getAvailableZoneIds()));
    }

    private static Set<String> codes(List<DirectoryReferenceSnapshot.Code> codes) {
        Set<String> set = new HashSet<>();
        codes.forEach(c -> set.add(c.code()));
        return Set.copyOf(set);
    }

    /** The zone a company gets when the file gives none: its subdivision's (or the parent's), else its country's main zone. */
    String defaultZone(String countryCode, String stateCode) {
        if (stateCode != null && stateZones.containsKey(stateCode)) {
            return stateZones.get(stateCode);
        }
        return countryZones.get(countryCode);
    }
}
