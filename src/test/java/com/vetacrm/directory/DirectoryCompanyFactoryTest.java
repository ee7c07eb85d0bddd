package com.vetacrm.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.directory.DirectoryCompanyFactory.NewCompany;
import com.vetacrm.directory.DirectoryCompanyFactory.NewContact;
import com.vetacrm.directory.DirectoryPlaces.City;
import com.vetacrm.directory.DirectoryReferenceSnapshot.Code;
import com.vetacrm.directory.DirectoryReferenceSnapshot.Tech;
import com.vetacrm.shared.PhoneNumbers;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator's company factory without a database: determinism, realism rules and speed. */
class DirectoryCompanyFactoryTest {

    static final int N = 20_000;
    /** The first N companies of seed 42, made once for the class. */
    static List<NewCompany> companies;
    static DirectoryReferenceSnapshot reference;

    /** Postal code formats (DATA.md §8, the countries' postal services). */
    static final Map<String, String> ZIP = Map.ofEntries(Map.entry("US", "\\d{5}"),
            Map.entry("CA", "[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] \\d[ABCEGHJ-NPRSTV-Z]\\d"),
            Map.entry("GB", "[A-Z]{1,2}\\d[A-Z\\d]? \\d[ABD-HJLNP-UW-Z]{2}"), Map.entry("DE", "\\d{5}"),
            Map.entry("FR", "\\d{5}"), Map.entry("ES", "\\d{5}"), Map.entry("IT", "\\d{5}"), Map.entry("MX", "\\d{5}"),
            Map.entry("NL", "[1-9]\\d{3} [A-Z]{2}"), Map.entry("BE", "[1-9]\\d{3}"), Map.entry("BR", "\\d{5}-\\d{3}"),
            Map.entry("AR", "[A-HJ-NP-Z]\\d{4}[A-Z]{3}"), Map.entry("IN", "[1-9]\\d{5}"), Map.entry("AU", "\\d{4}"),
            Map.entry("PT", "\\d{4}-\\d{3}"), Map.entry("SE", "\\d{3} \\d{2}"), Map.entry("PL", "\\d{2}-\\d{3}"),
            Map.entry("CH", "\\d{4}"), Map.entry("AT", "\\d{4}"), Map.entry("IE", "[A-Z]\\d[\\dW] [A-Z\\d]{4}"),
            Map.entry("CO", "\\d{6}"), Map.entry("CL", "\\d{7}"));

    /** First three digits of ZIP codes per state (USPS), independent of the city file. */
    static final Map<String, int[][]> US_ZIP3 = Map.of("US-CA", new int[][] {{900, 961}},
            "US-TX", new int[][] {{750, 799}, {885, 885}}, "US-NY", new int[][] {{100, 149}},
            "US-FL", new int[][] {{320, 349}}, "US-IL", new int[][] {{600, 629}}, "US-WY", new int[][] {{820, 831}},
            "US-WA", new int[][] {{980, 994}}, "US-MA", new int[][] {{10, 27}}, "US-GA", new int[][] {{300, 319}, {398, 399}});
    /** First letter of Canadian postal codes per province (Canada Post). */
    static final Map<String, String> CA_LETTER = Map.ofEntries(Map.entry("CA-NL", "A"), Map.entry("CA-NS", "B"),
            Map.entry("CA-PE", "C"), Map.entry("CA-NB", "E"), Map.entry("CA-QC", "GHJ"), Map.entry("CA-ON", "KLMNP"),
            Map.entry("CA-MB", "R"), Map.entry("CA-SK", "S"), Map.entry("CA-AB", "T"), Map.entry("CA-BC", "V"),
            Map.entry("CA-NT", "X"), Map.entry("CA-NU", "X"), Map.entry("CA-YT", "Y"));
    /** California's area codes (NANPA), independent of the city file. */
    static final Set<String> CALIFORNIA_AREA_CODES = Set.of("209", "213", "279", "310", "323", "341", "350", "369",
            "408", "415", "424", "442", "510", "530", "559", "562", "619", "626", "628", "650", "657", "661", "669",
            "707", "714", "747", "760", "805", "818", "820", "831", "840", "858", "909", "916", "925", "949", "951");

    @BeforeAll
    static void generate() {
        reference = reference();
        DirectoryCompanyFactory f = new DirectoryCompanyFactory(42, reference);
        long started = System.nanoTime();
        companies = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            companies.add(f.company(i));
        }
        System.out.printf("factory: %,d companies, %,d contacts in %d ms%n", N,
                companies.stream().mapToLong(c -> c.contacts().size()).sum(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The reference rows as Liquibase loads them (the classpath CSVs), with the top-level subdivisions that have cities. */
    static DirectoryReferenceSnapshot reference() {
        Set<String> countries = new LinkedHashSet<>();
        Map<String, String> names = new HashMap<>();
        for (CSVRecord r : csv("db/data/country.csv")) {
            countries.add(r.get("code"));
            names.put(r.get("code"), r.get("name_en"));
        }
        Map<String, List<String>> states = new HashMap<>();
        DirectoryPlaces.get().states().forEach((country, list) ->
                states.put(country, list.stream().map(DirectoryPlaces.State::code).toList()));
        Map<String, String> stateZones = new HashMap<>();
        Map<String, String> countryZones = new HashMap<>();
        for (CSVRecord r : csv("db/data/time_zone.csv")) {
            if (r.get("state_code").isEmpty()) {
                countryZones.putIfAbsent(r.get("country_code"), r.get("zone_id"));
            } else {
                stateZones.putIfAbsent(r.get("state_code"), r.get("zone_id"));
            }
        }
        Function<String, List<Code>> codes = file -> csv(file).stream().map(r -> new Code(r.get("code"), r.get("name_en"))).toList();
        List<Tech> techs = csv("db/data/technology.csv").stream()
                .map(r -> new Tech(r.get("code"), r.get("name"), r.get("category"))).toList();
        return new DirectoryReferenceSnapshot(countries, states, stateZones, countryZones, Map.of(), names,
                codes.apply("db/data/industry.csv"), codes.apply("db/data/contact_role.csv"),
                codes.apply("db/data/seniority.csv"), techs);
    }

    static List<CSVRecord> csv(String resource) {
        try (Reader in = new InputStreamReader(DirectoryCompanyFactoryTest.class.getClassLoader().getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, City> citiesByKey() {
        Map<String, City> map = new HashMap<>();
        DirectoryPlaces.get().states().values().forEach(list -> list.forEach(s -> s.cities()
                .forEach(c -> map.put(c.state() + "|" + c.name(), c))));
        return map;
    }

    @Test
    void sameSeedSameCompaniesAnyOrder() {
        DirectoryCompanyFactory b = new DirectoryCompanyFactory(42, reference);
        for (int i = 49; i >= 0; i--) {
            assertThat(b.company(i)).isEqualTo(companies.get(i));
        }
        assertThat(new DirectoryCompanyFactory(43, reference).company(0)).isNotEqualTo(companies.getFirst());
    }

    @Test
    void companiesLookReal() {
        int[] employees = new int[N];
        Set<Long> ranks = new HashSet<>();
        for (int i = 0; i < N; i++) {
            NewCompany c = companies.get(i);
            employees[i] = c.employees();
            ranks.add(c.rank());
            assertThat(c.ref()).isEqualTo(String.format("VD%08d", i + 1));
            assertThat(c.domain()).matches("[a-z0-9-]+(\\.[a-z]+)+");
            assertThat(PhoneNumbers.toE164(c.phone(), c.countryCode())).contains(c.phone());
            if (c.mobilePhone() != null) {
                assertThat(PhoneNumbers.toE164(c.mobilePhone(), c.countryCode())).contains(c.mobilePhone());
            }
            assertThat(c.contacts()).hasSizeLessThanOrEqualTo(25);
            assertThat(c.street()).isNotBlank().doesNotStartWith(" ");
            c.contacts().forEach(p -> {
                assertThat(p.email()).endsWith("@" + c.domain());
                if (p.phone() != null) {
                    assertThat(PhoneNumbers.toE164(p.phone(), c.countryCode())).contains(p.phone());
                }
            });
        }
        assertThat(ranks).hasSize(N);
        Arrays.sort(employees);
        assertThat(employees[0]).isGreaterThanOrEqualTo(1);
        assertThat(employees[N / 2]).isLessThan(50);
        long over1000 = Arrays.stream(employees).filter(e -> e > 1000).count();
        assertThat(over1000).isBetween((long) (N * 0.003), (long) (N * 0.03));
    }

    @Test
    void cityAndPostalCodeBelongToTheCompanysStateInEveryCountryWithCities() {
        Map<String, City> cities = citiesByKey();
        Map<String, Set<String>> statesSeen = new TreeMap<>();
        for (NewCompany c : companies) {
            String regex = ZIP.get(c.countryCode());
            assertThat(regex).as("a country of the city files: %s", c.countryCode()).isNotNull();
            City city = cities.get(c.stateCode() + "|" + c.city());
            assertThat(city).as("%s is a city of %s", c.city(), c.stateCode()).isNotNull();
            assertThat(city.country()).isEqualTo(c.countryCode());
            assertThat(c.zip()).as("zip of %s, %s", c.city(), c.countryCode()).matches(regex);
            assertThat(startsWithOneOf(c.zip().replace(" ", "").replace("-", "").substring(
                    c.countryCode().equals("AR") ? 1 : 0), city.postal()))
                    .as("%s %s begins with one of %s", c.zip(), c.city(), city.postal()).isTrue();
            statesSeen.computeIfAbsent(c.countryCode(), k -> new HashSet<>()).add(c.stateCode());
            if (c.countryCode().equals("US") && US_ZIP3.containsKey(c.stateCode())) {
                int zip3 = Integer.parseInt(c.zip().substring(0, 3));
                assertThat(Arrays.stream(US_ZIP3.get(c.stateCode())).anyMatch(r -> zip3 >= r[0] && zip3 <= r[1]))
                        .as("%s in %s", c.zip(), c.stateCode()).isTrue();
            }
            if (c.countryCode().equals("CA")) {
                assertThat(CA_LETTER.get(c.stateCode())).contains(c.zip().substring(0, 1));
            }
            if (c.countryCode().equals("AR")) {
                assertThat(c.zip()).startsWith(c.stateCode().substring(3));
            }
        }
        // the big countries spread over their subdivisions, big ones weighing more
        assertThat(statesSeen.get("US")).hasSizeGreaterThan(40);
        assertThat(statesSeen.get("MX")).hasSizeGreaterThan(20);
        Map<String, Long> us = companies.stream().filter(c -> c.countryCode().equals("US"))
                .collect(Collectors.groupingBy(NewCompany::stateCode, Collectors.counting()));
        assertThat(us.get("US-CA")).isGreaterThan(us.get("US-TX")).isGreaterThan(10 * us.getOrDefault("US-WY", 0L));
        assertThat(us.get("US-NY")).isGreaterThan(5 * us.getOrDefault("US-VT", 0L));
    }

    @Test
    void usPhonesUseRealAreaCodesOfTheirStateSpreadOverTheState() {
        Map<String, City> cities = citiesByKey();
        Set<String> allAreas = new HashSet<>();
        Set<String> californiaAreas = new HashSet<>();
        for (NewCompany c : companies) {
            if (!c.countryCode().equals("US")) {
                continue;
            }
            Set<String> stateAreas = DirectoryPlaces.get().states().get("US").stream()
                    .filter(s -> s.code().equals(c.stateCode())).flatMap(s -> s.cities().stream())
                    .flatMap(city -> city.phone().stream()).collect(Collectors.toSet());
            List<String> numbers = new ArrayList<>();
            numbers.add(c.phone());
            if (c.mobilePhone() != null) {
                numbers.add(c.mobilePhone());
            }
            c.contacts().stream().map(NewContact::phone).filter(p -> p != null).forEach(numbers::add);
            for (String n : numbers) {
                assertThat(n).matches("\\+1\\d{3}555\\d{4}");
                String area = n.substring(2, 5);
                assertThat(stateAreas).as("%s in %s", n, c.stateCode()).contains(area);
                allAreas.add(area);
                if (c.stateCode().equals("US-CA")) {
                    californiaAreas.add(area);
                    assertThat(CALIFORNIA_AREA_CODES).contains(area);
                }
            }
            // the company's own line is in its city
            assertThat(cities.get(c.stateCode() + "|" + c.city()).phone()).contains(c.phone().substring(2, 5));
        }
        assertThat(allAreas).hasSizeGreaterThan(80);
        assertThat(californiaAreas).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void phonesOfOtherCountriesCarryTheCitysAreaCode() {
        Map<String, City> cities = citiesByKey();
        Map<String, String> callingCodes = Map.of("ES", "+34", "DE", "+49", "FR", "+33", "MX", "+52", "BR", "+55",
                "GB", "+44", "AU", "+61", "IT", "+39");
        int checked = 0;
        for (NewCompany c : companies) {
            String cc = callingCodes.get(c.countryCode());
            if (cc == null) {
                continue;
            }
            City city = cities.get(c.stateCode() + "|" + c.city());
            String national = c.phone().substring(cc.length());
            assertThat(city.phone().stream().anyMatch(national::startsWith))
                    .as("%s starts with one of %s (%s)", c.phone(), city.phone(), c.city()).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(N / 3);
    }

    @Test
    void titlesAreSpanishInSpainAndMexicoAndMatchRoleAndSeniority() {
        Set<String> english = Set.of("Manager", "Head", "Director of", "Chief", "VP ", "Officer", "Owner");
        int mexicanMarketing = 0;
        int female = 0;
        int spanish = 0;
        for (NewCompany c : companies) {
            String language = DirectoryTitles.language(c.countryCode());
            for (NewContact p : c.contacts()) {
                String t = p.title();
                if (language.startsWith("es")) {
                    spanish++;
                    english.forEach(w -> assertThat(t).as(t).doesNotContain(w));
                    if (p.seniorityCode().equals("manager") && !DirectoryTitles.ownerRole(p.roleCode())) {
                        assertThat(t).as(t).matches("(Jef[ea]|Responsable|Coordinador[a]?|Supervisor[a]?) de .*|Gerente de Cuentas"
                                + "|Abogad[oa] Intern[oa]");
                    }
                    if (p.roleCode().equals("sale")) {
                        assertThat(t).as(t).containsAnyOf("Ventas", "Comercial", "Cuentas", "CRO");
                    }
                    if (p.roleCode().equals("finance")) {
                        assertThat(t).as(t).containsAnyOf("Finanzas", "Financier", "Contab", "Contralor", "CFO");
                    }
                    if (t.startsWith("Directora") || t.startsWith("Jefa") || t.startsWith("Coordinadora")) {
                        female++;
                    }
                    if (c.countryCode().equals("ES")) {
                        assertThat(t).doesNotContain("Mercadotecnia");
                    }
                    if (c.countryCode().equals("MX") && t.contains("Mercadotecnia")) {
                        mexicanMarketing++;
                    }
                } else if (language.equals("en")) {
                    assertThat(t).as(t).doesNotContainPattern("Director de|Jefe|Responsable|Diretor");
                }
            }
        }
        assertThat(spanish).isGreaterThan(1000);
        assertThat(mexicanMarketing).isPositive();
        assertThat(female).isBetween(spanish / 10, spanish / 2);
    }

    @Test
    void technologyCountsFollowCompanySizeWithOneCmsAndOneShopAtMost() {
        Map<String, String> category = new HashMap<>();
        reference.technologies().forEach(t -> category.put(t.code(), t.category()));
        long total = 0;
        double small = 0;
        int smallN = 0;
        double big = 0;
        int bigN = 0;
        int wordpress = 0;
        int noCms = 0;
        for (NewCompany c : companies) {
            List<String> t = c.technologies();
            assertThat(t).hasSizeBetween(1, 12).doesNotHaveDuplicates();
            total += t.size();
            if (c.employees() <= 10) {
                small += t.size();
                smallN++;
            } else if (c.employees() > 1000) {
                big += t.size();
                bigN++;
            }
            long cms = t.stream().filter(x -> category.get(x).equals("CMS")).count();
            assertThat(cms).isLessThanOrEqualTo(1);
            assertThat(t.stream().filter(x -> category.get(x).equals("E-commerce")).count()).isLessThanOrEqualTo(1);
            assertThat(t.stream().filter(x -> category.get(x).equals("Web server")).count()).isLessThanOrEqualTo(1);
            assertThat(t.stream().filter(x -> category.get(x).equals("Hosting")).count()).isLessThanOrEqualTo(1);
            if (t.contains("woocommerce") || t.contains("yoast_seo") || t.contains("elementor")) {
                assertThat(t).contains("wordpress");
            }
            if (t.contains("wordpress")) {
                wordpress++;
            }
            if (cms == 0 && !t.contains("shopify")) {
                noCms++;
            }
            if (t.contains("mercado_pago")) {
                assertThat(c.countryCode()).isIn("MX", "AR", "BR", "CO", "CL", "PE", "UY");
            }
        }
        double mean = (double) total / N;
        System.out.printf("technologies: mean %.2f, 1-10 employees %.2f, over 1,000 %.2f; WordPress %.1f %%, no CMS %.1f %%%n",
                mean, small / smallN, big / bigN, 100.0 * wordpress / N, 100.0 * noCms / N);
        // 1-12 per company, few for the typical small firm, more for big ones (DATA.md §5, issue: 1-12)
        assertThat(mean).isBetween(2.5, 5.0);
        assertThat(small / smallN).isBetween(1.5, 3.0);
        assertThat(big / bigN).isGreaterThan(2.5 * small / smallN);
        // W3Techs: WordPress on 43.7 % of sites, no CMS on 29.8 % (plus about 7 % on CMSs the list does not name)
        assertThat(100.0 * wordpress / N).isBetween(38.0, 50.0);
        assertThat(100.0 * noCms / N).isBetween(30.0, 45.0);
    }

    @Test
    void aTakenDomainGetsARealisticVariantAndEmailsFollow() {
        NewCompany c = companies.get(7);
        Set<String> taken = new HashSet<>(Set.of(c.domain()));
        NewCompany moved = DirectoryGenerator.uniqueDomain(c, taken);
        assertThat(moved.domain()).isNotEqualTo(c.domain()).startsWith(c.domain().substring(0, c.domain().indexOf('.')));
        assertThat(moved.genericEmail()).endsWith("@" + moved.domain());
        moved.contacts().forEach(p -> assertThat(p.email()).endsWith("@" + moved.domain()));
        assertThat(DirectoryGenerator.uniqueDomain(c, new HashSet<>(Set.of(c.domain())))).isEqualTo(moved);
    }

    static boolean startsWithOneOf(String zip, List<String> tokens) {
        for (String t : tokens) {
            String token = t.replace(" ", "");
            int dash = token.indexOf('-');
            if (dash > 0 && token.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-')) {
                String from = token.substring(0, dash);
                long v = Long.parseLong(zip.substring(0, Math.min(zip.length(), from.length())));
                if (v >= Long.parseLong(from) && v <= Long.parseLong(token.substring(dash + 1))) {
                    return true;
                }
            } else if (zip.startsWith(token)) {
                return true;
            }
        }
        return false;
    }
}
