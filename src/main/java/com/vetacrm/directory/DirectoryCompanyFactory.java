package com.vetacrm.directory;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.vetacrm.directory.DirectoryReferenceSnapshot.Code;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Builds directory company number N (with its contacts and technologies) as a pure function of the
 * seed, N and the reference data: every company has its own derived {@link Random}, so companies can be
 * generated in any order, in parallel, and always come out the same. Facts and weights: DATA.md.
 */
final class DirectoryCompanyFactory {

    /** Founded years are counted back from this fixed year, so the output does not move with the clock. */
    static final int BASE_YEAR = 2026;

    record NewContact(int position, String fullName, String firstName, String lastName, String title,
            String roleCode, String seniorityCode, String email, String phone) {
    }

    record NewCompany(long index, String ref, String name, String legalName, String domain, String description,
            String industryCode, int employees, BigDecimal annualRevenue, int foundedYear, String phone,
            String mobilePhone, String genericEmail, String street, String city, String zip, String countryCode,
            String stateCode, String timeZone, String linkedinUrl, String twitterUrl, String facebookUrl,
            String companyType, long rank, List<NewContact> contacts, List<String> technologies) {

        /** The same company on another domain (a unique one, after a collision): e-mails and links follow. */
        NewCompany withDomain(String newDomain) {
            String at = "@" + domain;
            List<NewContact> moved = contacts.stream().map(c -> new NewContact(c.position(), c.fullName(),
                    c.firstName(), c.lastName(), c.title(), c.roleCode(), c.seniorityCode(),
                    c.email() == null ? null : c.email().replace(at, "@" + newDomain), c.phone())).toList();
            String label = newDomain.substring(0, newDomain.indexOf('.'));
            String handle = label.replace("-", "");
            handle = handle.length() > 15 ? handle.substring(0, 15) : handle;
            return new NewCompany(index, ref, name, legalName, newDomain, description, industryCode, employees,
                    annualRevenue, foundedYear, phone, mobilePhone,
                    genericEmail == null ? null : genericEmail.replace(at, "@" + newDomain), street, city, zip,
                    countryCode, stateCode, timeZone,
                    linkedinUrl == null ? null : "https://www.linkedin.com/company/" + label,
                    twitterUrl == null ? null : "https://x.com/" + handle,
                    facebookUrl == null ? null : "https://www.facebook.com/" + label, companyType, rank, moved,
                    technologies);
        }
    }

    /** Country, weight (roughly the square root of its employer firms, US heavy), Datafaker locale, TLD. */
    private record Market(String country, int weight, Locale locale, String tld, String legalSuffixes, String mailboxes,
            boolean mobileHeavy) {
    }

    private static final List<Market> MARKETS = List.of(
            new Market("US", 300, Locale.forLanguageTag("en-US"), "com", "Inc.|LLC|Corp.|Co.", "info|contact|hello|sales|support|office", false),
            new Market("GB", 90, Locale.forLanguageTag("en-GB"), "co.uk", "Ltd|Limited|LLP|plc", "info|enquiries|hello|sales|office|accounts", false),
            new Market("DE", 80, Locale.forLanguageTag("de"), "de", "GmbH|GmbH|AG|KG|GmbH & Co. KG", "info|kontakt|vertrieb|buchhaltung", false),
            new Market("FR", 70, Locale.forLanguageTag("fr"), "fr", "SAS|SARL|SA|EURL", "contact|info|commercial|compta", false),
            new Market("ES", 65, Locale.forLanguageTag("es"), "es", "S.L.|S.L.|S.A.", "info|contacto|ventas|comercial|administracion", true),
            new Market("IT", 55, Locale.forLanguageTag("it"), "it", "S.r.l.|S.r.l.|S.p.A.", "info|commerciale|amministrazione", true),
            new Market("IN", 50, Locale.forLanguageTag("en-IN"), "in", "Pvt. Ltd.|Private Limited|LLP", "info|contact|sales|support", false),
            new Market("BR", 50, Locale.forLanguageTag("pt-BR"), "com.br", "Ltda.|Ltda.|S.A.|ME", "contato|vendas|comercial|financeiro|atendimento", true),
            new Market("CA", 40, Locale.forLanguageTag("en-CA"), "ca", "Inc.|Ltd.|Corp.", "info|contact|hello|sales", false),
            new Market("AU", 40, Locale.forLanguageTag("en-AU"), "com.au", "Pty Ltd|Pty Ltd|Ltd", "info|enquiries|hello|sales|admin", false),
            new Market("MX", 40, Locale.forLanguageTag("es-MX"), "com.mx", "S.A. de C.V.|S. de R.L. de C.V.|S.A.P.I. de C.V.", "info|contacto|ventas|comercial|facturacion", true),
            new Market("NL", 30, Locale.forLanguageTag("nl"), "nl", "B.V.|B.V.|N.V.", "info|verkoop|administratie", false),
            new Market("BE", 20, Locale.forLanguageTag("fr"), "be", "SRL|SA|BV|NV", "info|contact|sales", false),
            new Market("AR", 20, Locale.forLanguageTag("es-AR"), "com.ar", "S.R.L.|S.A.|S.A.S.", "info|contacto|ventas|administracion", true),
            new Market("PT", 12, Locale.forLanguageTag("pt"), "pt", "Lda.|S.A.", "geral|info|comercial", false),
            new Market("IE", 10, Locale.forLanguageTag("en-IE"), "ie", "Ltd|DAC|Teoranta", "info|hello|sales|accounts", false),
            new Market("CH", 10, Locale.forLanguageTag("de-CH"), "ch", "AG|GmbH|SA", "info|kontakt|office", false),
            new Market("AT", 10, Locale.forLanguageTag("de-AT"), "at", "GmbH|AG|OG", "office|info|kontakt", false),
            new Market("SE", 10, Locale.forLanguageTag("sv"), "se", "AB", "info|kontakt|order", false),
            new Market("PL", 12, Locale.forLanguageTag("pl"), "pl", "Sp. z o.o.|S.A.", "biuro|info|kontakt", false),
            new Market("CO", 10, Locale.forLanguageTag("es"), "com.co", "S.A.S.|S.A.|Ltda.", "info|contacto|ventas", true),
            new Market("CL", 8, Locale.forLanguageTag("es"), "cl", "SpA|S.A.|Ltda.", "contacto|info|ventas", true));

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOP_WORDS = Set.of(
            "and", "y", "e", "und", "et", "en", "de", "del", "la", "le", "les", "los", "las", "el", "the", "of",
            "di", "da", "do", "dos", "van", "der", "group", "inc", "llc", "ltd", "ltda", "gmbh", "co", "corp", "sa",
            "sl", "srl", "sas", "ag", "kg", "bv", "nv", "plc", "cv", "spa", "sons", "hijos", "i", "och", "z", "oo",
            "sp", "sociedad", "grupo", "gruppo", "groupe", "cia", "compania", "hermanos", "limited", "company",
            "holding", "holdings", "sarl", "eurl", "pty", "pvt", "private", "kommanditbolag", "aktiebolag", "ab",
            "lda", "me", "ohg", "gbr", "ug", "ev", "se", "ek", "filho", "filhos", "figli");

    private final long seed;
    private final DirectoryReferenceSnapshot ref;
    private final List<Market> markets;
    private final int marketTotal;
    private final double[] industryWeights;
    private final double[] industryRpe;
    private final double[] industryAgeFactor;
    private final double industryTotal;
    private final DirectoryTechnologies technologies;
    private final DirectoryPlaces places;
    /** Per market country: its subdivisions that have cities (null where the city files have none). */
    private final Map<String, DirectoryPlaces.Country> placesByCountry = new HashMap<>();
    private final List<Code> plainRoles = new ArrayList<>();
    private final Map<String, Code> specialRoles = new HashMap<>();
    private final double[] roleWeights;
    private final double roleTotal;
    private final Code executive;
    private final Code director;
    private final Code manager;
    private final Map<String, String[]> fixedPool = new ConcurrentHashMap<>();
    private final Map<String, String[]> mobilePool = new ConcurrentHashMap<>();
    /** One Faker per locale per thread; its Random is re-seeded for every company. */
    private final ThreadLocal<Map<Locale, Seeded>> fakers = ThreadLocal.withInitial(HashMap::new);

    private record Seeded(Faker faker, Random random) {
    }

    DirectoryCompanyFactory(long seed, DirectoryReferenceSnapshot ref) {
        this.seed = seed;
        this.ref = ref;
        this.markets = MARKETS.stream().filter(m -> ref.countries().contains(m.country())).toList();
        this.marketTotal = markets.stream().mapToInt(Market::weight).sum();
        int n = ref.industries().size();
        industryWeights = new double[n];
        industryRpe = new double[n];
        industryAgeFactor = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            String name = lower(ref.industries().get(i).name() + " " + ref.industries().get(i).code());
            double[] w = industryFacts(name);
            industryWeights[i] = w[0];
            industryRpe[i] = w[1];
            industryAgeFactor[i] = w[2];
            total += w[0];
        }
        industryTotal = total;
        technologies = new DirectoryTechnologies(ref.technologies());
        places = DirectoryPlaces.get();
        for (Market m : markets) {
            DirectoryPlaces.Country c = places.country(m.country(), ref.statesByCountry().getOrDefault(m.country(), List.of()));
            if (c != null) {
                placesByCountry.put(m.country(), c);
            }
        }
        for (Code role : ref.roles()) {
            String c = lower(role.code() + " " + role.name());
            if (c.contains("ceo") || c.contains("chief executive") || c.contains("founder") || c.contains("owner")
                    || c.contains("president")) {
                specialRoles.put(role.code(), role);
            } else {
                plainRoles.add(role);
            }
        }
        roleWeights = plainRoles.stream().mapToDouble(DirectoryCompanyFactory::roleWeight).toArray();
        roleTotal = java.util.Arrays.stream(roleWeights).sum();
        executive = pickSeniority("exec");
        director = pickSeniority("direct");
        manager = pickSeniority("manag");
    }

    boolean usable() {
        return !markets.isEmpty() && ref.usable();
    }

    private Code pickSeniority(String word) {
        return ref.seniorities().stream().filter(s -> lower(s.code() + " " + s.name()).contains(word)).findFirst()
                .orElse(ref.seniorities().isEmpty() ? null : ref.seniorities().getFirst());
    }

    /** {weight %, revenue per employee USD, age factor} by industry name, DATA.md §2 and §3. */
    private static double[] industryFacts(String n) {
        if (n.contains("commercial") || n.contains("professional")) return new double[] {13, 200_000, 1.0};
        if (n.contains("food") && (n.contains("retail") || n.contains("staples"))) return new double[] {2, 250_000, 1.1};
        if (n.contains("retail")) return new double[] {10, 175_000, 1.0};
        if (n.contains("capital goods")) return new double[] {8, 400_000, 1.2};
        if (n.contains("consumer services")) return new double[] {8, 70_000, 0.9};
        if (n.contains("software")) return new double[] {7, 300_000, 0.5};
        if (n.contains("real estate")) return new double[] {6, 500_000, 1.0};
        if (n.contains("health")) return new double[] {6, 150_000, 1.0};
        if (n.contains("construction")) return new double[] {5, 275_000, 1.1};
        if (n.contains("transport")) return new double[] {5, 225_000, 1.1};
        if (n.contains("food") || n.contains("beverage")) return new double[] {4, 250_000, 1.2};
        if (n.contains("discretionary")) return new double[] {4, 200_000, 1.0};
        if (n.contains("diversified financ") || n.contains("financial")) return new double[] {3, 500_000, 1.1};
        if (n.contains("bank") || n.contains("insurance")) return new double[] {3, 500_000, 1.6};
        if (n.contains("media")) return new double[] {3, 300_000, 0.9};
        if (n.contains("durables") || n.contains("apparel")) return new double[] {3, 250_000, 1.1};
        if (n.contains("semiconductor")) return new double[] {1, 500_000, 0.8};
        if (n.contains("hardware") || n.contains("technology")) return new double[] {2, 350_000, 0.7};
        if (n.contains("automobile")) return new double[] {2, 300_000, 1.3};
        if (n.contains("household") || n.contains("personal") || n.contains("staples")) return new double[] {2, 250_000, 1.1};
        if (n.contains("telecom")) return new double[] {1, 600_000, 1.2};
        if (n.contains("pharma") || n.contains("biotech") || n.contains("life science")) return new double[] {1, 650_000, 1.0};
        if (n.contains("power") || n.contains("renewable")) return new double[] {1, 1_000_000, 0.6};
        if (n.contains("energy") || n.contains("utilit") || n.contains("oil")) return new double[] {1, 1_500_000, 1.4};
        if (n.contains("material")) return new double[] {2, 300_000, 1.2};
        return new double[] {2, 200_000, 1.0};
    }

    // ------------------------------------------------------------------------------------------------

    /** Company number {@code index} (0-based), before domain de-duplication across companies. */
    NewCompany company(long index) {
        Random r = new Random(seed * 1_000_003L + index);
        Market m = pickMarket(r);
        // where: a real city of a subdivision that has cities (weighted), else the old fallback
        DirectoryPlaces.Country country = placesByCountry.get(m.country());
        DirectoryPlaces.City place = null;
        String state;
        if (country != null) {
            place = country.pick(r).pick(r);
            state = place.state();
        } else {
            List<String> states = ref.statesByCountry().getOrDefault(m.country(), List.of());
            state = states.isEmpty() ? null : pickState(states, r);
        }
        Locale locale = locale(m, state);
        Seeded seeded = fakers.get().computeIfAbsent(locale, l -> {
            Random random = new Random(0);
            return new Seeded(new Faker(l, random), random);
        });
        seeded.random().setSeed(r.nextLong());
        Faker f = seeded.faker();

        int industry = pickIndustry(r);
        int employees = employees(r);
        Code ind = ref.industries().get(industry);
        // big firms lean to banks, telecom, energy, pharma, autos (DATA.md §3)
        if (employees >= 1000 && r.nextInt(3) == 0) {
            int alt = pickIndustry(r);
            if (industryRpe[alt] >= 500_000 || industryAgeFactor[alt] >= 1.3) {
                industry = alt;
                ind = ref.industries().get(alt);
            }
        }
        String name = companyName(f, r);
        String legalName = legalName(name, m, r);
        String slug = slug(name);
        String domain = slug + "." + (m.country().equals("US") || r.nextInt(100) < 20 ? "com" : m.tld());
        String zone = place != null && place.zone() != null ? place.zone()
                : state != null && ref.stateZones().containsKey(state) ? ref.stateZones().get(state)
                : ref.countryZones().get(m.country());
        String city = place != null ? place.name() : safe(() -> f.address().city(), "");
        String street = safe(() -> f.address().streetAddress(), "").trim();
        String zip = place != null ? DirectoryPlaces.zip(place, r) : safe(() -> f.address().zipCode(), "");
        double sizeFactor = employees < 10 ? 0.7 : employees < 50 ? 0.85 : employees < 250 ? 1.0 : 1.2;
        double revenue = employees * industryRpe[industry] * sizeFactor * Math.exp(r.nextGaussian() * 0.5);
        BigDecimal annualRevenue = BigDecimal.valueOf(Math.max(1000, Math.round(revenue / 1000.0) * 1000));
        double medianAge = (employees < 10 ? 9 : employees < 250 ? 20 : employees < 10_000 ? 35 : 50) * industryAgeFactor[industry];
        int age = (int) Math.round(Math.min(220, Math.max(0, medianAge * Math.exp(r.nextGaussian() * 0.7))));
        int founded = BASE_YEAR - age;
        String[] mailboxes = m.mailboxes().split("\\|");
        String mailbox = r.nextInt(100) < 55 ? mailboxes[0] : mailboxes[r.nextInt(mailboxes.length)];
        if (founded > 2015 && ind.name() != null && lower(ind.name()).contains("software") && r.nextBoolean()) {
            mailbox = "hello";
        }
        String phone = phone(m.country(), place, false, r);
        String mobile = r.nextInt(100) < (m.mobileHeavy() ? 45 : 15) ? phone(m.country(), place, true, r) : null;
        String handle = slug.replace("-", "");
        handle = handle.length() > 15 ? handle.substring(0, 15) : handle;
        String linkedin = r.nextInt(100) < (employees >= 10 ? 85 : 55) ? "https://www.linkedin.com/company/" + slug : null;
        String twitter = r.nextInt(100) < (employees >= 50 ? 60 : 30) ? "https://x.com/" + handle : null;
        String facebook = r.nextInt(100) < 60 ? "https://www.facebook.com/" + slug : null;
        String type = companyType(employees, ind, r);
        String description = description(name, ind, city, ref.countryNames().getOrDefault(m.country(), m.country()),
                founded, employees, r);
        List<String> techs = technologies.pick(r, employees, m.country(), !consumer(ind));
        List<NewContact> contacts = contacts(f, r, m, place, domain, employees);
        return new NewCompany(index, ref(index), name, legalName, domain, description, ind.code(), employees,
                annualRevenue, founded, phone, mobile, mailbox + "@" + domain, street, city, zip, m.country(), state,
                zone, linkedin, twitter, facebook, type, rank(index), contacts, techs);
    }

    /** Generated companies' refs: "VD" and the 1-based index in 8 digits; imports must use other refs. */
    static String ref(long index) {
        return String.format(Locale.ROOT, "VD%08d", index + 1);
    }

    /** Retail and consumer businesses (the others are B2B for the technology mix). */
    private static boolean consumer(Code industry) {
        String n = lower(industry.code() + " " + industry.name());
        return n.contains("retail") || n.contains("consumer") || n.contains("food");
    }

    /** Names and streets in the subdivision's language where a country has several (Flanders, Quebec, Geneva…). */
    private static Locale locale(Market m, String state) {
        if (state == null) {
            return m.locale();
        }
        return switch (state) {
            case "BE-VLG" -> NL_BE;
            case "CA-QC" -> FR;
            case "CH-GE", "CH-VD", "CH-NE", "CH-JU" -> FR_CH;
            case "CH-TI" -> IT;
            default -> m.locale();
        };
    }

    private static final Locale NL_BE = Locale.forLanguageTag("nl-BE");
    private static final Locale FR = Locale.forLanguageTag("fr");
    private static final Locale FR_CH = Locale.forLanguageTag("fr-CH");
    private static final Locale IT = Locale.forLanguageTag("it");

    /** A bijection of the index (SplitMix64's finaliser after a seed-dependent offset): unique, stable, random-looking. */
    long rank(long index) {
        long z = index + seed * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private Market pickMarket(Random r) {
        int x = r.nextInt(marketTotal);
        for (Market m : markets) {
            x -= m.weight();
            if (x < 0) {
                return m;
            }
        }
        return markets.getLast();
    }

    /** A subdivision for a country the city files do not cover: any of its top-level ones. */
    private static String pickState(List<String> states, Random r) {
        return states.get(r.nextInt(states.size()));
    }

    private int pickIndustry(Random r) {
        double x = r.nextDouble() * industryTotal;
        for (int i = 0; i < industryWeights.length; i++) {
            x -= industryWeights[i];
            if (x < 0) {
                return i;
            }
        }
        return industryWeights.length - 1;
    }

    /**
     * Long-tailed sizes (DATA.md §1, re-weighted for web-visible firms): 1-10 50 %, 11-50 30 %, 51-200 13 %,
     * 201-1k 6 %, 1k-5k 0.7 %, over 5k 0.3 % with a Pareto tail (P(≥s) ∝ 1/s, so about 0.15 % over 10k).
     */
    static int employees(Random r) {
        double u = r.nextDouble();
        if (u < 0.50) return logUniform(r, 1, 10);
        if (u < 0.80) return logUniform(r, 11, 50);
        if (u < 0.93) return logUniform(r, 51, 200);
        if (u < 0.99) return logUniform(r, 201, 1000);
        if (u < 0.997) return logUniform(r, 1001, 5000);
        return (int) Math.min(400_000, Math.round(5000 / (1 - r.nextDouble())));
    }

    private static int logUniform(Random r, int min, int max) {
        double v = Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max + 1) - Math.log(min)));
        return (int) Math.max(min, Math.min(max, Math.floor(v)));
    }

    private static String companyName(Faker f, Random r) {
        String name = safe(() -> f.company().name(), "");
        if (name.isBlank() || slug(name).length() < 3) {
            name = safe(() -> f.name().lastName(), "Nova") + " " + List.of("Group", "Partners", "Solutions", "Services")
                    .get(r.nextInt(4));
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String legalName(String name, Market m, Random r) {
        String[] suffixes = m.legalSuffixes().split("\\|");
        String lowerName = lower(name);
        for (String s : suffixes) {
            if (lowerName.endsWith(lower(s)) || lowerName.endsWith(lower(s).replace(".", ""))) {
                return name;
            }
        }
        // the name already carries a legal form ("Goldner LLC", "Martin EI", "Olvera y Arriaga S.A.B.", "Palmieri s.r.l.")
        String last = name.substring(name.lastIndexOf(' ') + 1);
        if (name.contains(" ") && (last.contains(".") || last.matches("[A-Z]{2,4}") || last.matches("Inc|Ltd|Ltda|GmbH|Corp|Co"))) {
            return name;
        }
        return name + (m.country().equals("GB") || m.country().equals("IN") || m.country().equals("US") ? " " : " ")
                + suffixes[r.nextInt(suffixes.length)];
    }

    /** The company's name as a domain label: ASCII, lower case, up to two words without legal or generic words. */
    static String slug(String name) {
        String ascii = fold(name);
        List<String> words = new ArrayList<>();
        for (String w : NON_ALNUM.split(ascii)) {
            if (w.length() >= 2 && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return NON_ALNUM.matcher(ascii).replaceAll("");
        }
        String s = words.getFirst();
        if (words.size() > 1 && s.length() + words.get(1).length() <= 24) {
            s = s.length() + words.get(1).length() <= 14 ? s + words.get(1) : s + "-" + words.get(1);
        }
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    static String fold(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l")
                .replace("đ", "d").replace("œ", "oe");
        return MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
    }

    private static String companyType(int employees, Code industry, Random r) {
        String n = lower(industry.name());
        int x = r.nextInt(1000);
        if (employees >= 1000 && x < 350) return "PUBLIC";
        if (employees >= 250 && x < 80) return "PUBLIC";
        if ((n.contains("health") || n.contains("consumer services") || n.contains("commercial")) && x >= 960) return "NONPROFIT";
        if (x >= 990) {
            return employees >= 50 && (n.contains("utilit") || n.contains("transport") || n.contains("health"))
                    ? "GOVERNMENT" : "NONPROFIT";
        }
        return "PRIVATE";
    }

    private static String description(String name, Code industry, String city, String country, int founded,
            int employees, Random r) {
        String sector = industry.name() == null ? "business" : industry.name().toLowerCase(Locale.ROOT);
        String size = employees < 10 ? "small" : employees < 50 ? "growing" : employees < 250 ? "mid-sized"
                : employees < 5000 ? "established" : "leading";
        String where = city == null || city.isBlank() ? country : city + ", " + country;
        return switch (r.nextInt(4)) {
            case 0 -> name + " is a " + size + " " + sector + " company based in " + where + ".";
            case 1 -> "Founded in " + founded + ", " + name + " serves customers from " + where + " in " + sector + ".";
            case 2 -> name + " (" + where + ") works in " + sector + " with a team of " + employees + ".";
            default -> "A " + size + " " + sector + " business in " + where + ", since " + founded + ".";
        };
    }

    // ------------------------------------------------------------------------------------------------
    // contacts

    private static final String[] PATTERNS = {"first.last", "first", "flast", "firstlast", "f.last", "first_last",
            "firstl", "last.first", "last"};
    private static final int[] PATTERN_WEIGHTS = {45, 15, 14, 8, 6, 3, 3, 3, 3};

    private static int contactCount(int employees, Random r) {
        if (employees <= 10) return r.nextInt(100) < 15 ? 0 : 1 + r.nextInt(2);
        if (employees <= 50) return 2 + r.nextInt(4);
        if (employees <= 200) return 4 + r.nextInt(7);
        if (employees <= 1000) return 8 + r.nextInt(18);
        return 20 + r.nextInt(6);
    }

    private List<NewContact> contacts(Faker f, Random r, Market m, DirectoryPlaces.City place, String domain,
            int employees) {
        int n = contactCount(employees, r);
        if (n == 0 || plainRoles.isEmpty() && specialRoles.isEmpty()) {
            return List.of();
        }
        String pattern = employees <= 10 ? "first" : pickPattern(r);
        if (employees > 1000 && Set.of("DE", "FR", "NL", "AT", "CH", "BE").contains(m.country())) {
            pattern = "first.last";
        }
        boolean doubleSurname = Set.of("ES", "MX", "AR", "CO", "CL").contains(m.country());
        String language = DirectoryTitles.language(m.country());
        // Datafaker knows which first names are women's for Spanish and Brazilian Portuguese
        boolean gendered = DirectoryTitles.gendered(language);
        boolean genderedNames = gendered && (m.locale().getLanguage().equals("es") || m.locale().toLanguageTag().equals("pt-BR"));
        List<NewContact> out = new ArrayList<>(n);
        Set<String> locals = new HashSet<>();
        for (int i = 0; i < n; i++) {
            boolean female;
            String first;
            if (genderedNames) {
                // women hold about 40 % of these positions (DATA.md §6)
                female = r.nextInt(100) < 40;
                first = female ? safe(() -> f.name().femaleFirstName(), "María") : safe(() -> f.name().maleFirstName(), "José");
            } else {
                first = safe(() -> f.name().firstName(), "Alex");
                female = gendered && looksFemale(first);
            }
            String last = safe(() -> f.name().lastName(), "Smith");
            String full = first + " " + last;
            if (doubleSurname && r.nextInt(100) < 60) {
                full = full + " " + safe(() -> f.name().lastName(), "");
            }
            Code seniority;
            Code role;
            if (i == 0 && !specialRoles.isEmpty() && (employees <= 50 || r.nextInt(100) < 40)) {
                List<Code> special = new ArrayList<>(specialRoles.values());
                special.sort((a, b) -> a.code().compareTo(b.code()));
                role = special.get(r.nextInt(special.size()));
                seniority = executive;
            } else {
                int s = r.nextInt(100);
                seniority = s < 20 ? executive : s < 50 ? director : manager;
                role = plainRoles.isEmpty() ? specialRoles.values().iterator().next() : pickRole(r);
                if (specialRoles.containsKey(role.code())) {
                    seniority = executive;
                }
            }
            String title = gendered ? DirectoryTitles.title(role.code(), seniority == null ? null : seniority.code(),
                    language, female, r) : null;
            if (title == null) {
                title = title(role, seniority, r);
            }
            String local = local(pattern, fold(first), fold(last));
            String candidate = local;
            for (int k = 2; !locals.add(candidate); k++) {
                candidate = local + k;
            }
            String email = candidate.isEmpty() ? null : candidate + "@" + domain;
            String phone = r.nextInt(100) < 70
                    ? phone(m.country(), place, r.nextInt(100) < (m.mobileHeavy() ? 50 : 25), r)
                    : null;
            out.add(new NewContact(i, trim(full, 255), trim(first, 128), trim(last, 128), title, role.code(),
                    seniority == null ? null : seniority.code(), email, phone));
        }
        return out;
    }

    private static final Set<String> MALE_IN_A = Set.of("luca", "joshua", "borja", "bautista", "garcia", "nicola");
    private static final Set<String> FEMALE_NOT_IN_A = List.of("carmen", "isabel", "pilar", "mercedes", "raquel",
            "beatriz", "inês", "ines", "irene", "esther", "ruth", "rosário", "conceição", "leonor", "matilde",
            "lurdes", "alice", "raquel", "noemí", "belén", "inés", "rocío", "soledad", "luz", "nieves", "dolores")
            .stream().collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Portuguese and Spanish first names of women mostly end in "a" (Ana, Joana, Marta); a few do not. */
    private static boolean looksFemale(String first) {
        String f = lower(first.split(" ")[0]);
        return (f.endsWith("a") && !MALE_IN_A.contains(f)) || FEMALE_NOT_IN_A.contains(f);
    }

    /** Functions weighted by how often they appear in B2B contact lists (sales and marketing first). */
    private static double roleWeight(Code role) {
        String c = lower(role.code() + " " + role.name());
        if (c.contains("sale")) return 18;
        if (c.contains("marketing")) return 12;
        if (c.contains("information") || c.contains("financ") || c.contains("operation")) return 10;
        if (c.contains("engineer")) return 8;
        if (c.contains("human")) return 7;
        if (c.contains("customer") || c.contains("product")) return 5;
        if (c.contains("legal") || c.contains("communication")) return 3;
        if (c.contains("consult") || c.contains("research") || c.contains("recruit") || c.contains("public")) return 2;
        return 1;
    }

    private Code pickRole(Random r) {
        double x = r.nextDouble() * roleTotal;
        for (int i = 0; i < plainRoles.size(); i++) {
            x -= roleWeights[i];
            if (x < 0) {
                return plainRoles.get(i);
            }
        }
        return plainRoles.getLast();
    }

    private static String pickPattern(Random r) {
        int x = r.nextInt(100);
        for (int i = 0; i < PATTERNS.length; i++) {
            x -= PATTERN_WEIGHTS[i];
            if (x < 0) {
                return PATTERNS[i];
            }
        }
        return PATTERNS[0];
    }

    private static String local(String pattern, String first, String last) {
        String f = NON_ALNUM.matcher(first).replaceAll("");
        String l = NON_ALNUM.matcher(last).replaceAll("");
        if (f.isEmpty()) f = "contact";
        if (l.isEmpty()) l = f;
        return switch (pattern) {
            case "first" -> f;
            case "flast" -> f.charAt(0) + l;
            case "firstlast" -> f + l;
            case "f.last" -> f.charAt(0) + "." + l;
            case "first_last" -> f + "_" + l;
            case "firstl" -> f + l.charAt(0);
            case "last.first" -> l + "." + f;
            case "last" -> l;
            default -> f + "." + l;
        };
    }

    /** A title in English consistent with the role and seniority: "Chief Marketing Officer", "Director of Marketing", "Marketing Manager". */
    String title(Code role, Code seniority, Random r) {
        String c = lower(role.code() + " " + role.name());
        if (specialRoles.containsKey(role.code())) {
            if (c.contains("founder")) return r.nextBoolean() ? "Founder & CEO" : "Co-Founder";
            if (c.contains("owner")) return r.nextBoolean() ? "Owner" : "Owner & Managing Director";
            if (c.contains("president")) return "President";
            return r.nextBoolean() ? "Chief Executive Officer" : "CEO";
        }
        String area = area(role);
        String s = seniority == null ? "" : lower(seniority.code() + " " + seniority.name());
        if (s.contains("exec")) {
            String chief = chief(c);
            return chief != null && r.nextInt(100) < 70 ? chief : "VP " + area;
        }
        if (s.contains("direct")) {
            return switch (r.nextInt(3)) {
                case 0 -> "Director of " + area;
                case 1 -> area + " Director";
                default -> "Head of " + area;
            };
        }
        return area + " Manager";
    }

    private static String chief(String c) {
        if (c.contains("marketing")) return "Chief Marketing Officer";
        if (c.contains("financ")) return "Chief Financial Officer";
        if (c.contains("information") || c.contains("it ")) return "Chief Information Officer";
        if (c.contains("engineer")) return "Chief Technology Officer";
        if (c.contains("human") || c.contains("hr")) return "Chief Human Resources Officer";
        if (c.contains("sale")) return "Chief Revenue Officer";
        if (c.contains("legal")) return "General Counsel";
        if (c.contains("operation")) return "Chief Operating Officer";
        if (c.contains("product")) return "Chief Product Officer";
        if (c.contains("communication")) return "Chief Communications Officer";
        if (c.contains("customer")) return "Chief Customer Officer";
        if (c.contains("research")) return "Chief Scientific Officer";
        if (c.contains("health")) return "Chief Medical Officer";
        return null;
    }

    private static String area(Code role) {
        String c = lower(role.code() + " " + role.name());
        if (c.contains("information") || c.contains("it ")) return "IT";
        if (c.contains("human")) return "Human Resources";
        if (c.contains("sale")) return "Sales";
        if (c.contains("financ")) return "Finance";
        if (c.contains("customer")) return "Customer Service";
        if (c.contains("public relation")) return "Public Relations";
        if (c.contains("health")) return "Clinical Services";
        if (c.contains("education")) return "Training";
        if (c.contains("real estate")) return "Real Estate";
        String name = role.name() != null && !role.name().isBlank() && !role.name().equals(role.code()) ? role.name()
                : role.code().replace('_', ' ');
        StringBuilder sb = new StringBuilder();
        for (String w : name.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                sb.append(sb.length() > 0 ? " " : "").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // phones

    /**
     * A number valid for the country (E.164): with the city's area code where the city files give one
     * (mobiles too where they are geographic), else one of the country's pool.
     */
    private String phone(String region, DirectoryPlaces.City place, boolean mobile, Random r) {
        if (place != null) {
            String number = places.phone(place, mobile, r);
            if (number != null) {
                return number;
            }
        }
        PhoneNumberType type = mobile ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE;
        Map<String, String[]> cache = mobile ? mobilePool : fixedPool;
        String[] pool = cache.computeIfAbsent(region, k -> phonePool(k, type));
        return pool.length == 0 ? null : pool[r.nextInt(pool.length)];
    }

    /** Up to 2,000 valid numbers of the region, the example number varied in its last digits (fixed seed). */
    static String[] phonePool(String region, PhoneNumberType type) {
        PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        if (example == null) {
            example = PHONES.getExampleNumberForType(region, PhoneNumberType.FIXED_LINE);
        }
        if (example == null) {
            return new String[0];
        }
        Random r = new Random(region.hashCode() * 31L + type.ordinal());
        Set<String> numbers = new LinkedHashSet<>();
        long national = example.getNationalNumber();
        for (int digits = 4; digits >= 2 && numbers.size() < 2000; digits--) {
            long mod = (long) Math.pow(10, digits);
            for (int tries = 0; tries < 6000 && numbers.size() < 2000; tries++) {
                long candidate = national - national % mod + (long) (r.nextDouble() * mod);
                PhoneNumber p = new PhoneNumber().setCountryCode(example.getCountryCode()).setNationalNumber(candidate);
                if (example.hasItalianLeadingZero()) {
                    p.setItalianLeadingZero(true);
                }
                if (PHONES.isValidNumberForRegion(p, region)) {
                    numbers.add(PHONES.format(p, PhoneNumberFormat.E164));
                }
            }
            if (numbers.size() >= 200) {
                break;
            }
        }
        if (numbers.isEmpty()) {
            numbers.add(PHONES.format(example, PhoneNumberFormat.E164));
        }
        return numbers.toArray(String[]::new);
    }

    // ------------------------------------------------------------------------------------------------

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String trim(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String safe(java.util.function.Supplier<String> s, String fallback) {
        try {
            String v = s.get();
            return v == null ? fallback : v;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
