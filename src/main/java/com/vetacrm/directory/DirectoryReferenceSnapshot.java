package com.vetacrm.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reference rows the directory generator draws from, read once with plain JDBC: countries,
 * the subdivisions addresses use, time zones, industries, contact roles, seniorities and technologies.
 */
record DirectoryReferenceSnapshot(
        Set<String> countries,
        Map<String, List<String>> statesByCountry,
        Map<String, String> stateZones,
        Map<String, String> countryZones,
        Map<String, Set<String>> zonesByCountry,
        Map<String, String> countryNames,
        List<Code> industries,
        List<Code> roles,
        List<Code> seniorities,
        List<Tech> technologies) {

    record Code(String code, String name) {
    }

    private static final java.util.regex.Pattern EXCLUDED_TYPE =
            java.util.regex.Pattern.compile("outlying|dependency|overseas|special municipality");
    private static final java.util.regex.Pattern KEPT_TYPE = java.util.regex.Pattern.compile(
            "state|province|region|district|capital|federal|city|territory|autonomous|land|canton|county|department|voivodship");
    private static final Map<String, String> MAIN_ZONES = Map.ofEntries(Map.entry("US", "America/New_York"),
            Map.entry("CA", "America/Toronto"), Map.entry("MX", "America/Mexico_City"), Map.entry("BR", "America/Sao_Paulo"),
            Map.entry("AR", "America/Argentina/Buenos_Aires"), Map.entry("AU", "Australia/Sydney"),
            Map.entry("ES", "Europe/Madrid"), Map.entry("PT", "Europe/Lisbon"), Map.entry("DE", "Europe/Berlin"),
            Map.entry("CL", "America/Santiago"), Map.entry("RU", "Europe/Moscow"), Map.entry("IN", "Asia/Kolkata"),
            Map.entry("ID", "Asia/Jakarta"), Map.entry("CN", "Asia/Shanghai"), Map.entry("EC", "America/Guayaquil"),
            Map.entry("NZ", "Pacific/Auckland"), Map.entry("FR", "Europe/Paris"), Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("GB", "Europe/London"), Map.entry("KZ", "Asia/Almaty"), Map.entry("UA", "Europe/Kyiv"));

    record Tech(String code, String name, String category) {
    }

    boolean usable() {
        return !countries.isEmpty() && !industries.isEmpty() && !technologies.isEmpty();
    }

    static DirectoryReferenceSnapshot read(JdbcTemplate jdbc) {
        Map<String, String> countryNames = new LinkedHashMap<>();
        jdbc.query("SELECT code, name_en FROM country ORDER BY code",
                rs -> { countryNames.put(rs.getString(1), rs.getString(2)); });

        // subdivisions used in addresses: the top level (no parent) of the country's main kinds, without
        // outlying areas, dependencies, overseas territories (US-PR, FR-GF, NL-AW…)
        Map<String, String> parents = new HashMap<>();
        Map<String, List<String[]>> topLevel = new HashMap<>();
        jdbc.query("SELECT code, country_code, type, parent_code FROM country_state ORDER BY code", rs -> {
            String code = rs.getString(1);
            String parent = rs.getString(4);
            String type = rs.getString(3) == null ? "" : rs.getString(3).toLowerCase(Locale.ROOT);
            parents.put(code, parent);
            if (parent == null && !EXCLUDED_TYPE.matcher(type).find()) {
                topLevel.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new String[] {code, type});
            }
        });
        Map<String, List<String>> states = new HashMap<>();
        topLevel.forEach((country, rows) -> {
            Map<String, Long> byType = new HashMap<>();
            rows.forEach(row -> byType.merge(row[1], 1L, Long::sum));
            String dominant = byType.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse("");
            List<String> codes = rows.stream().filter(row -> row[1].equals(dominant) || KEPT_TYPE.matcher(row[1]).find())
                    .map(row -> row[0]).toList();
            if (!codes.isEmpty()) {
                states.put(country, codes);
            }
        });

        Map<String, String> stateZones = new HashMap<>();
        Map<String, Map<String, Integer>> zoneCounts = new HashMap<>();
        Map<String, Set<String>> zonesByCountry = new HashMap<>();
        Map<String, String> countryOnlyZone = new HashMap<>();
        jdbc.query("SELECT country_code, state_code, zone_id FROM time_zone ORDER BY country_code, state_code, zone_id", rs -> {
            String country = rs.getString(1);
            String state = rs.getString(2);
            String zone = rs.getString(3).trim();
            zonesByCountry.computeIfAbsent(country, k -> new HashSet<>()).add(zone);
            zoneCounts.computeIfAbsent(country, k -> new HashMap<>()).merge(zone, 1, Integer::sum);
            if (state != null) {
                stateZones.putIfAbsent(state, zone);
            } else {
                countryOnlyZone.putIfAbsent(country, zone);
            }
        });
        // a subdivision without its own zone takes its parent's
        for (Map.Entry<String, String> e : parents.entrySet()) {
            if (!stateZones.containsKey(e.getKey()) && e.getValue() != null && stateZones.containsKey(e.getValue())) {
                stateZones.put(e.getKey(), stateZones.get(e.getValue()));
            }
        }
        // the main zone of a country: the capital's for the big multi-zone ones, else the one most of its rows name
        Map<String, String> countryZones = new HashMap<>();
        zoneCounts.forEach((country, counts) -> {
            String main = MAIN_ZONES.get(country);
            if (main != null && counts.containsKey(main)) {
                countryZones.put(country, main);
                return;
            }
            String best = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            countryZones.put(country, counts.size() > 1 || !countryOnlyZone.containsKey(country) ? best : countryOnlyZone.get(country));
        });

        List<Code> industries = jdbc.query("SELECT code, name_en FROM industry ORDER BY code",
                (rs, i) -> new Code(rs.getString(1), rs.getString(2)));
        List<Code> roles = jdbc.query("SELECT * FROM contact_role ORDER BY code", (rs, i) -> new Code(rs.getString("code"), name(rs)));
        List<Code> seniorities = jdbc.query("SELECT * FROM seniority ORDER BY code", (rs, i) -> new Code(rs.getString("code"), name(rs)));
        List<Tech> technologies = jdbc.query("SELECT code, name, category FROM technology ORDER BY code",
                (rs, i) -> new Tech(rs.getString(1), rs.getString(2), rs.getString(3)));
        return new DirectoryReferenceSnapshot(countryNames.keySet(), states, stateZones, countryZones, zonesByCountry,
                countryNames, industries, roles, seniorities, technologies);
    }

    private static String name(java.sql.ResultSet rs) throws java.sql.SQLException {
        var meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (label.equals("name_en") || label.equals("name")) {
                return rs.getString(i);
            }
        }
        return rs.getString("code");
    }
}
