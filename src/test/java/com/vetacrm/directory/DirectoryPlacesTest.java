package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.directory.DirectoryPlaces.City;
import com.vetacrm.shared.PhoneNumbers;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The city files (directory/states.csv, directory/cities.csv) against the reference data and the postal and phone rules. */
class DirectoryPlacesTest {

    private final DirectoryPlaces places = DirectoryPlaces.get();

    private List<City> cities() {
        return places.states().values().stream().flatMap(List::stream).flatMap(s -> s.cities().stream()).toList();
    }

    @Test
    void everyCityIsInAnIso3166SubdivisionOfItsCountryAndItsZoneIsTheCountrys() {
        Map<String, String> countryOf = new java.util.HashMap<>();
        for (CSVRecord r : DirectoryCompanyFactoryTest.csv("db/data/country_state.csv")) {
            countryOf.put(r.get("code"), r.get("country_code"));
        }
        Set<String> zones = new HashSet<>();
        for (CSVRecord r : DirectoryCompanyFactoryTest.csv("db/data/time_zone.csv")) {
            zones.add(r.get("country_code") + "|" + r.get("zone_id"));
        }
        assertThat(cities()).hasSizeGreaterThan(700);
        for (City c : cities()) {
            assertThat(countryOf.get(c.state())).as(c.name()).isEqualTo(c.country());
            if (c.zone() != null) {
                assertThat(zones).contains(c.country() + "|" + c.zone());
            }
        }
        // the countries lead mining demos use most, every top-level subdivision of the big ones
        assertThat(places.states().keySet()).contains("US", "CA", "MX", "BR", "AR", "ES", "FR", "DE", "IT", "GB", "BE",
                "NL", "IN", "AU");
        assertThat(places.states().get("US")).hasSize(51);
        assertThat(places.states().get("MX")).hasSize(32);
        assertThat(places.states().get("ES")).hasSize(19);
        assertThat(places.states().get("DE")).hasSize(16);
    }

    @Test
    void everyPostalPrefixGivesCodesInTheCountrysFormat() {
        Random r = new Random(1);
        for (City c : cities()) {
            for (int i = 0; i < 20; i++) {
                String zip = DirectoryPlaces.zip(c, r);
                assertThat(zip).as("%s %s", c.country(), c.name()).matches(DirectoryCompanyFactoryTest.ZIP.get(c.country()));
            }
        }
    }

    @Test
    void everyAreaCodeOfEveryCityGivesValidFixedNumbers() {
        Random r = new Random(1);
        List<String> bad = new java.util.ArrayList<>();
        for (City c : cities()) {
            for (String area : c.phone()) {
                City one = new City(c.country(), c.state(), c.name(), 1, c.postal(), List.of(area), c.zone());
                for (boolean mobile : new boolean[] {false, true}) {
                    if (mobile && DirectoryPlaces.prefix(c, area, true) == null) {
                        continue;
                    }
                    String number = places.phone(one, mobile, r);
                    if (number == null || PhoneNumbers.toE164(number, c.country()).isEmpty()) {
                        bad.add(c.country() + " " + c.name() + " " + area + (mobile ? " mobile" : " fixed"));
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void fictionalRangesWhereTheCountryHasThem() {
        Random r = new Random(7);
        City london = cities().stream().filter(c -> c.name().equals("London") && c.country().equals("GB")).findFirst().orElseThrow();
        City sydney = cities().stream().filter(c -> c.name().equals("Sydney") && c.country().equals("AU")).findFirst().orElseThrow();
        City austin = cities().stream().filter(c -> c.name().equals("Austin")).findFirst().orElseThrow();
        for (int i = 0; i < 50; i++) {
            // Ofcom's drama numbers 020 7946 0000-0999 (its mobile range 07700 900xxx is not valid for
            // libphonenumber, so mobiles come from the country's pool)
            assertThat(places.phone(london, false, r)).matches("\\+442079460\\d{3}");
            assertThat(places.phone(london, true, r)).isNull();
            // ACMA's (02) 5550 xxxx and (02) 7010 xxxx
            assertThat(places.phone(sydney, false, r)).matches("\\+61(25550|27010)\\d{4}");
            // the NANP 555 exchange
            assertThat(places.phone(austin, false, r)).matches("\\+1(512|737)555\\d{4}");
        }
    }
}
