package com.vetacrm.directory;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Real cities per subdivision with their postal-code prefixes and phone prefixes, from the classpath
 * files {@code directory/states.csv} (weight of each subdivision) and {@code directory/cities.csv}
 * (provenance: docs/data-sources.md). Gives the generator a subdivision that has cities (weighted),
 * one of its cities, a postal code in the country's format that starts like the city's, and phone
 * numbers valid for the country (libphonenumber) that carry the city's area code.
 * <p>
 * Everything drawn here comes from the caller's {@link Random}; the caches hold pure functions of
 * their keys, so the result never depends on which thread asked first.
 */
final class DirectoryPlaces {

    record City(String country, String state, String name, int weight, List<String> postal, List<String> phone,
            String zone) {
    }

    /** A subdivision with its cities and their cumulative weights. */
    record State(String code, int weight, List<City> cities, int[] cumulative) {

        City pick(Random r) {
            int x = r.nextInt(cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (x < cumulative[i]) {
                    return cities.get(i);
                }
            }
            return cities.getLast();
        }
    }

    /** The subdivisions of a country that may be drawn, with cumulative weights. */
    record Country(List<State> states, int[] cumulative) {

        State pick(Random r) {
            int x = r.nextInt(cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (x < cumulative[i]) {
                    return states.get(i);
                }
            }
            return states.getLast();
        }
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> NANP = Set.of("US", "CA");
    /** Letters Canada Post uses in the second and third places of a postal code (no D, F, I, O, Q, U). */
    private static final String CA_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";
    /** Letters of the inward code's last two places in a UK postcode (no C, I, K, M, O, V). */
    private static final String GB_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    /** Letters of a Dutch postcode (F, I, O, Q, U and Y are not used). */
    private static final String NL_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";
    /** Letters and digits of an Irish Eircode's unique identifier. */
    private static final String IE_CHARS = "ACDEFHKNPRTVWXY0123456789";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Digits of the postal code where it is all digits. */
    private static final Map<String, Integer> DIGITS = Map.ofEntries(Map.entry("US", 5), Map.entry("DE", 5),
            Map.entry("FR", 5), Map.entry("ES", 5), Map.entry("IT", 5), Map.entry("MX", 5), Map.entry("BE", 4),
            Map.entry("AU", 4), Map.entry("CH", 4), Map.entry("AT", 4), Map.entry("IN", 6), Map.entry("CO", 6),
            Map.entry("CL", 7));

    /** Usual length of a national fixed-line number (without the trunk 0; Italy's with its 0). */
    private static final Map<String, Integer> TYPICAL_LENGTH = Map.ofEntries(Map.entry("DE", 10), Map.entry("AT", 10),
            Map.entry("IT", 10), Map.entry("CH", 9), Map.entry("SE", 9), Map.entry("PL", 9), Map.entry("BE", 8),
            Map.entry("NL", 9), Map.entry("ES", 9), Map.entry("FR", 9), Map.entry("PT", 9), Map.entry("IE", 9),
            Map.entry("GB", 10), Map.entry("AU", 9), Map.entry("IN", 10), Map.entry("BR", 10), Map.entry("AR", 10),
            Map.entry("MX", 10), Map.entry("CO", 10), Map.entry("CL", 9), Map.entry("US", 10), Map.entry("CA", 10));

    private static volatile DirectoryPlaces instance;

    private final Map<String, List<State>> statesByCountry;
    /** (region, prefix, mobile) → how to fill it ({@link #plan}). */
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    private DirectoryPlaces(Map<String, List<State>> statesByCountry) {
        this.statesByCountry = statesByCountry;
    }

    /** The places of the classpath files, read once per JVM. */
    static DirectoryPlaces get() {
        DirectoryPlaces p = instance;
        if (p == null) {
            synchronized (DirectoryPlaces.class) {
                p = instance;
                if (p == null) {
                    p = load();
                    instance = p;
                }
            }
        }
        return p;
    }

    private static DirectoryPlaces load() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (CSVRecord row : read("directory/states.csv")) {
            weights.put(row.get("state"), Integer.parseInt(row.get("weight")));
        }
        Map<String, List<City>> citiesByState = new LinkedHashMap<>();
        Map<String, String> countryOfState = new LinkedHashMap<>();
        for (CSVRecord row : read("directory/cities.csv")) {
            String zone = row.get("zone");
            City city = new City(row.get("country"), row.get("state"), row.get("city"), Integer.parseInt(row.get("weight")),
                    List.of(row.get("postal").trim().split("\\s+")), List.of(row.get("phone").trim().split("\\s+")),
                    zone == null || zone.isBlank() ? null : zone.trim());
            citiesByState.computeIfAbsent(city.state(), k -> new ArrayList<>()).add(city);
            countryOfState.put(city.state(), city.country());
        }
        Map<String, List<State>> states = new LinkedHashMap<>();
        citiesByState.forEach((code, cities) -> {
            int[] cumulative = new int[cities.size()];
            int total = 0;
            for (int i = 0; i < cities.size(); i++) {
                total += Math.max(1, cities.get(i).weight());
                cumulative[i] = total;
            }
            states.computeIfAbsent(countryOfState.get(code), k -> new ArrayList<>())
                    .add(new State(code, Math.max(1, weights.getOrDefault(code, 1)), List.copyOf(cities), cumulative));
        });
        states.replaceAll((k, v) -> List.copyOf(v));
        return new DirectoryPlaces(Map.copyOf(states));
    }

    private static List<CSVRecord> read(String resource) {
        try (InputStream in = DirectoryPlaces.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreEmptyLines(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every subdivision with cities in the files, by country. */
    Map<String, List<State>> states() {
        return statesByCountry;
    }

    /**
     * The subdivisions of {@code country} that have cities and are among {@code allowed} (the
     * reference data's), with their weights; null when there are none.
     */
    Country country(String country, Collection<String> allowed) {
        List<State> states = statesByCountry.getOrDefault(country, List.of()).stream()
                .filter(s -> allowed.contains(s.code())).toList();
        if (states.isEmpty()) {
            return null;
        }
        int[] cumulative = new int[states.size()];
        int total = 0;
        for (int i = 0; i < states.size(); i++) {
            total += states.get(i).weight();
            cumulative[i] = total;
        }
        return new Country(states, cumulative);
    }

    // ------------------------------------------------------------------------------------------------
    // postal codes

    /** A postal code of the city in its country's format, starting with one of the city's prefixes. */
    static String zip(City city, Random r) {
        String token = token(city.postal().get(r.nextInt(city.postal().size())), r);
        String c = city.country();
        return switch (c) {
            // outward code of the city + inward code "9AA"
            case "GB" -> token + " " + r.nextInt(10) + pick(GB_LETTERS, r) + pick(GB_LETTERS, r);
            // forward sortation area of the city + local delivery unit "9A9"
            case "CA" -> token + " " + r.nextInt(10) + pick(CA_LETTERS, r) + r.nextInt(10);
            case "NL" -> {
                String letters = "" + pick(NL_LETTERS, r) + pick(NL_LETTERS, r);
                if (letters.equals("SA") || letters.equals("SD") || letters.equals("SS")) {
                    letters = "AB";
                }
                yield pad(token, 4, r) + " " + letters;
            }
            case "BR" -> {
                String d = pad(token, 8, r);
                yield d.substring(0, 5) + "-" + d.substring(5);
            }
            // CPA: the province's letter (the same as its ISO 3166-2 code), 4 digits, 3 letters
            case "AR" -> city.state().substring(3, 4) + pad(token, 4, r) + pick(LETTERS, r) + pick(LETTERS, r)
                    + pick(LETTERS, r);
            case "PT" -> {
                String d = pad(token, 7, r);
                yield d.substring(0, 4) + "-" + d.substring(4);
            }
            case "SE" -> {
                String d = pad(token, 5, r);
                yield d.substring(0, 3) + " " + d.substring(3);
            }
            case "PL" -> {
                String d = pad(token, 5, r);
                yield d.substring(0, 2) + "-" + d.substring(2);
            }
            case "IE" -> token + " " + pick(LETTERS.replaceAll("[BGIJLMOQSUZ]", ""), r) + r.nextInt(10)
                    + pick(IE_CHARS, r) + pick(IE_CHARS, r);
            default -> pad(token, DIGITS.getOrDefault(c, token.length()), r);
        };
    }

    /** One prefix of a token: itself, or a number of a range {@code 900-908} (same width as its start). */
    private static String token(String token, Random r) {
        int dash = token.indexOf('-');
        if (dash <= 0 || !token.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-')) {
            return token;
        }
        String a = token.substring(0, dash);
        long from = Long.parseLong(a);
        long to = Long.parseLong(token.substring(dash + 1));
        long v = from + (long) (r.nextDouble() * (to - from + 1));
        return String.format(Locale.ROOT, "%0" + a.length() + "d", Math.min(v, to));
    }

    private static String pad(String prefix, int length, Random r) {
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < length) {
            sb.append(r.nextInt(10));
        }
        return sb.length() > length ? sb.substring(0, length) : sb.toString();
    }

    private static char pick(String alphabet, Random r) {
        return alphabet.charAt(r.nextInt(alphabet.length()));
    }

    // ------------------------------------------------------------------------------------------------
    // phones

    /**
     * The national prefix a number of the city starts with: the area code, and for the NANP the 555
     * exchange (never a subscriber's line); null for a mobile where mobiles are not geographic.
     */
    static String prefix(City city, String areaCode, boolean mobile) {
        String c = city.country();
        if (NANP.contains(c)) {
            return areaCode + "555";
        }
        if (!mobile) {
            return areaCode;
        }
        return switch (c) {
            case "MX" -> areaCode;          // Mexican numbers are 10 digits with the area code, mobile or not
            case "BR" -> areaCode + "9";    // DDD + 9xxxx-xxxx
            case "AR" -> "9" + areaCode;    // +54 9 <area> <subscriber>
            default -> null;
        };
    }

    /**
     * A number valid for the city's country with the city's area code, in E.164; null when none could be
     * made (the caller falls back to a country-wide number). {@code mobile} asks for a mobile number.
     */
    String phone(City city, boolean mobile, Random r) {
        String area = city.phone().get(r.nextInt(city.phone().size()));
        String prefix = prefix(city, area, mobile);
        if (prefix == null) {
            return null;
        }
        String region = city.country();
        Plan plan = plan(region, prefix, mobile);
        if (plan.length() <= 0) {
            return null;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            String stem = plan.stems()[r.nextInt(plan.stems().length)];
            PhoneNumber p = number(region, stem, plan.length(), r);
            if (p != null && fits(p, region, mobile)) {
                return PHONES.format(p, PhoneNumberFormat.E164);
            }
        }
        return null;
    }

    /**
     * How to fill a prefix: the national number's length, and the prefix followed by the two next digits
     * where random fills are nearly always valid (subscriber numbers of an area start with some digits
     * only: Buenos Aires 11 4…, Liège 4 2…).
     */
    record Plan(int length, String[] stems) {
    }

    /** The plan for a prefix, found once with a fixed seed (a pure function of its arguments). */
    Plan plan(String region, String prefix, boolean mobile) {
        return plans.computeIfAbsent(region + ":" + prefix + ":" + mobile, k -> {
            Random r = new Random(k.hashCode());
            int[] valid = new int[14];
            int most = 0;
            for (int length = Math.max(prefix.length() + 3, 6); length <= 13; length++) {
                for (int i = 0; i < 40; i++) {
                    PhoneNumber p = number(region, prefix, length, r);
                    if (p != null && fits(p, region, mobile)) {
                        valid[length]++;
                    }
                }
                most = Math.max(most, valid[length]);
            }
            if (most == 0) {
                return new Plan(0, new String[0]);
            }
            // of the lengths that work about as well as the best, the country's usual one (German and Italian
            // numbers may be 6 to 11 digits long; most are 10)
            int typical = TYPICAL_LENGTH.getOrDefault(region, 10) + (mobile && (region.equals("BR") || region.equals("AR")) ? 1 : 0);
            if (region.equals("IE") && prefix.equals("1")) {
                typical = 8; // Dublin: 01 xxx xxxx
            }
            int best = 0;
            for (int length = 6; length <= 13; length++) {
                if (valid[length] * 10 >= most * 8 && (best == 0 || Math.abs(length - typical) < Math.abs(best - typical)
                        || Math.abs(length - typical) == Math.abs(best - typical) && length > best)) {
                    best = length;
                }
            }
            int bestValid = valid[best];
            if (bestValid >= 38) {
                return new Plan(best, new String[] {prefix});
            }
            List<String> stems = new ArrayList<>();
            for (int e = 0; e < 100; e++) {
                String stem = prefix + (e < 10 ? "0" : "") + e;
                int ok = 0;
                for (int i = 0; i < 8; i++) {
                    PhoneNumber p = number(region, stem, best, r);
                    if (p != null && fits(p, region, mobile)) {
                        ok++;
                    }
                }
                if (ok >= 7) {
                    stems.add(stem);
                }
            }
            return new Plan(best, stems.isEmpty() ? new String[] {prefix} : stems.toArray(String[]::new));
        });
    }

    private static PhoneNumber number(String region, String prefix, int length, Random r) {
        StringBuilder national = new StringBuilder(prefix);
        while (national.length() < length) {
            national.append(r.nextInt(10));
        }
        if (national.length() > 17) {
            return null;
        }
        PhoneNumber p = new PhoneNumber().setCountryCode(PHONES.getCountryCodeForRegion(region))
                .setNationalNumber(Long.parseLong(national.toString()));
        if (national.charAt(0) == '0') {
            // Italy keeps the leading zero of its area codes in the number
            p.setItalianLeadingZero(true);
            int zeros = 0;
            while (zeros < national.length() && national.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros > 1) {
                p.setNumberOfLeadingZeros(zeros);
            }
        }
        return p;
    }

    private static boolean fits(PhoneNumber p, String region, boolean mobile) {
        if (!PHONES.isValidNumberForRegion(p, region)) {
            return false;
        }
        PhoneNumberType type = PHONES.getNumberType(p);
        return type == PhoneNumberType.FIXED_LINE_OR_MOBILE
                || (mobile ? type == PhoneNumberType.MOBILE : type == PhoneNumberType.FIXED_LINE);
    }
}
