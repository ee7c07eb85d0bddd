package com.vetacrm.directory;

import com.vetacrm.directory.ReferenceDataService.Country;
import com.vetacrm.directory.ReferenceDataService.Item;
import com.vetacrm.directory.ReferenceDataService.State;
import com.vetacrm.directory.ReferenceDataService.Technology;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Plain SQL over the reference tables of changes 0011/0012 (read-only rows, no entities). */
@Component
class ReferenceQueries {

    private static final Set<String> CODE_TABLES = Set.of("industry", "contact_role", "seniority");

    private final JdbcClient jdbc;

    ReferenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Country> countries(boolean spanish) {
        return jdbc.sql("SELECT code, " + (spanish ? "name_es" : "name_en") + " FROM country ORDER BY code")
                .query((rs, i) -> new Country(rs.getString(1), rs.getString(2))).list();
    }

    List<State> states(String countryCode, boolean spanish) {
        return jdbc.sql("SELECT code, country_code, " + (spanish ? "name_es" : "name")
                        + ", type, parent_code FROM country_state WHERE country_code = :country ORDER BY code")
                .param("country", countryCode)
                .query((rs, i) -> new State(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    List<Item> items(String table, boolean spanish) {
        if (!CODE_TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("SELECT code, " + (spanish ? "name_es" : "name_en") + " FROM " + table + " ORDER BY code")
                .query((rs, i) -> new Item(rs.getString(1), rs.getString(2))).list();
    }

    List<Technology> technologies() {
        return jdbc.sql("SELECT code, name, category FROM technology ORDER BY category, name")
                .query((rs, i) -> new Technology(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    List<String> stateZones(String countryCode, String stateCode) {
        return jdbc.sql("SELECT zone_id FROM time_zone WHERE country_code = :country AND state_code = :state ORDER BY zone_id")
                .param("country", countryCode).param("state", stateCode)
                .query(String.class).list();
    }

    List<String> countryZones(String countryCode) {
        return jdbc.sql("SELECT zone_id FROM time_zone WHERE country_code = :country AND state_code IS NULL ORDER BY zone_id")
                .param("country", countryCode)
                .query(String.class).list();
    }
}
