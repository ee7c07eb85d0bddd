package com.vetacrm.directory;

import com.vetacrm.database.SequenceIds;
import com.vetacrm.directory.DirectoryImportReport.Problem;
import com.vetacrm.shared.WebAddresses;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The companies file: checks each row, then upserts a batch by {@code ref} with {@code INSERT … ON DUPLICATE
 * KEY UPDATE}. An existing company keeps its id, rank and creation time; columns absent from the header
 * keep their stored values, except the location (state and time zone follow the country, see
 * {@code docs/directory-import.md}). A new company gets an id from {@code directory_company_seq} and a
 * rank that no company has.
 */
final class CompanyImport extends ImportBatches<CompanyImport.Row> {

    static final int MAX_EMPLOYEES = 10_000_000;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_TECHNOLOGIES = 200;
    static final Set<String> COMPANY_TYPES = Set.of("PRIVATE", "PUBLIC", "NONPROFIT", "GOVERNMENT");

    record Row(long line, String ref, String name, String legalName, String domain, String description,
            String industry, int employees, BigDecimal annualRevenue, Integer foundedYear, String phone,
            String mobilePhone, String email, String street, String city, String zip, String country, String state,
            String timeZone, String linkedinUrl, String twitterUrl, String facebookUrl, String companyType,
            List<String> technologies) {
    }

    /** File column → table column, for the columns an update only writes when the file has them. */
    private static final Map<String, String> OPTIONAL = Map.ofEntries(Map.entry("legal_name", "legal_name"),
            Map.entry("description", "description"), Map.entry("annual_revenue", "annual_revenue"),
            Map.entry("founded_year", "founded_year"), Map.entry("phone", "phone"),
            Map.entry("mobile_phone", "mobile_phone"), Map.entry("email", "generic_email"),
            Map.entry("street", "street"), Map.entry("city", "city"), Map.entry("zip", "zip"),
            Map.entry("linkedin_url", "linkedin_url"), Map.entry("twitter_url", "twitter_url"),
            Map.entry("facebook_url", "facebook_url"), Map.entry("company_type", "company_type"));

    private static final String COLUMNS = "id, ref, name, legal_name, domain, description, industry_code, employees, "
            + "annual_revenue, founded_year, phone, mobile_phone, generic_email, street, city, zip, country_code, "
            + "state_code, time_zone, linkedin_url, twitter_url, facebook_url, company_type, `rank`, created_at, updated_at, "
            + "technology_codes";

    private final String upsertTail;
    private final boolean technologies;
    private final int thisYear = Year.now(java.time.ZoneOffset.UTC).getValue();

    CompanyImport(JdbcTemplate jdbc, TransactionTemplate tx, ImportHeader header, ImportReference reference,
            ImportTally tally) {
        super(jdbc, tx, header, reference, tally);
        this.technologies = header.has("technologies");
        List<String> updates = new ArrayList<>(List.of("name", "domain", "industry_code", "employees",
                "country_code", "state_code", "time_zone"));
        DirectoryImportKind.COMPANIES.columns().stream().filter(c -> OPTIONAL.containsKey(c) && header.has(c))
                .map(OPTIONAL::get).forEach(updates::add);
        updates.add("updated_at");
        if (technologies) {
            updates.add("technology_codes");  // the copy of the list that replaces the stored one (below)
        }
        this.upsertTail = "ON DUPLICATE KEY UPDATE "
                + String.join(", ", updates.stream().map(c -> c + " = VALUES(" + c + ")").toList());
    }

    @Override
    protected Row check(ImportRowCheck c) {
        String ref = c.ref("ref");
        if (ref != null) {
            long first = seen.firstLine(ref.toLowerCase(Locale.ROOT), c.line);
            if (first != 0) {
                c.fail("ref", "directory.import.row.duplicateRef", ref, first);
            }
        }
        String name = c.text("name", 255, true);
        String legalName = c.text("legal_name", 255, false);
        String domain = domain(c);
        String description = c.text("description", MAX_DESCRIPTION, false);
        String industry = c.code("industry", reference.industries(), "directory.import.row.unknownIndustry", true);
        Integer employees = c.whole("employees", 1, MAX_EMPLOYEES, true);
        BigDecimal revenue = c.amount("annual_revenue");
        Integer founded = c.whole("founded_year", 1600, thisYear, false);
        String country = c.country("country", reference.countries());
        String state = c.state("state", country, reference.stateCountry());
        String phone = c.phone("phone", country);
        String mobile = c.phone("mobile_phone", country);
        String email = c.email("email");
        String street = c.text("street", 255, false);
        String city = c.text("city", 128, false);
        String zip = c.text("zip", 24, false);
        String zone = c.raw("time_zone");
        if (zone != null && !reference.zoneIds().contains(zone)) {
            c.fail("time_zone", "directory.import.row.badTimeZone", zone);
        }
        String linkedin = c.url("linkedin_url");
        String twitter = c.url("twitter_url");
        String facebook = c.url("facebook_url");
        String type = "PRIVATE";
        String rawType = c.raw("company_type");
        if (rawType != null) {
            type = rawType.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
            if (!COMPANY_TYPES.contains(type)) {
                c.fail("company_type", "directory.import.row.badCompanyType", rawType);
            }
        }
        List<String> techs = technologies(c);
        if (!c.ok()) {
            return null;
        }
        if (zone == null && country != null) {
            zone = reference.defaultZone(country, state);
        }
        return new Row(c.line, ref, name, legalName, domain, description, industry, employees, revenue, founded,
                phone, mobile, email, street, city, zip, country, state, zone, linkedin, twitter, facebook, type, techs);
    }

    /** The normalised domain (lower case, no www.): from {@code domain}, else from {@code website}. */
    private static String domain(ImportRowCheck c) {
        String column = c.raw("domain") != null ? "domain" : "website";
        String raw = c.raw(column);
        if (raw == null) {
            c.fail("domain", "directory.import.row.required", "domain");
            return null;
        }
        var domain = WebAddresses.websiteDomain(raw);
        if (domain.isEmpty() || domain.get().length() > 253) {
            c.fail(column, "directory.import.row.badDomain", raw);
            return null;
        }
        return domain.get();
    }

    private List<String> technologies(ImportRowCheck c) {
        String raw = c.raw("technologies");
        if (raw == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : raw.split("\\|")) {
            String code = part.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (reference.technologies().contains(code)) {
                codes.add(code);
            } else {
                unknown.add(part.strip());
            }
        }
        if (!unknown.isEmpty()) {
            c.fail("technologies", "directory.import.row.unknownTechnology", String.join(", ", unknown));
        } else if (codes.size() > MAX_TECHNOLOGIES) {
            c.fail("technologies", "directory.import.row.tooManyTechnologies", MAX_TECHNOLOGIES);
        }
        return List.copyOf(codes);
    }

    @Override
    protected long line(Row row) {
        return row.line();
    }

    @Override
    protected String ref(Row row) {
        return row.ref();
    }

    @Override
    protected Outcome write(List<Row> rows) {
        // id and rank of the companies already there, by lower-case ref (the column's collation ignores case)
        Map<String, long[]> existing = new HashMap<>();
        jdbc.query("SELECT id, ref, `rank` FROM directory_company WHERE ref IN (" + placeholders(rows.size()) + ")",
                rs -> {
                    existing.put(rs.getString(2).toLowerCase(Locale.ROOT), new long[] {rs.getLong(1), rs.getLong(3)});
                }, rows.stream().map(Row::ref).toArray());
        Map<String, String> domainOwners = new HashMap<>();
        jdbc.query("SELECT domain, ref FROM directory_company WHERE domain IN (" + placeholders(rows.size()) + ")",
                rs -> {
                    domainOwners.put(rs.getString(1), rs.getString(2));
                }, rows.stream().map(Row::domain).toArray());

        List<Problem> rejected = new ArrayList<>();
        Map<String, Row> batchDomains = new HashMap<>();
        List<Row> good = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String owner = domainOwners.get(r.domain());
            if (owner != null && !owner.equalsIgnoreCase(r.ref())) {
                rejected.add(ImportTally.problem(r.line(), r.ref(), "domain", "directory.import.row.domainTaken",
                        r.domain(), owner));
                continue;
            }
            Row before = batchDomains.putIfAbsent(r.domain(), r);
            if (before != null) {
                rejected.add(ImportTally.problem(r.line(), r.ref(), "domain", "directory.import.row.domainRepeated",
                        r.domain(), before.line(), before.ref()));
                continue;
            }
            good.add(r);
        }
        if (good.isEmpty()) {
            return new Outcome(0, 0, rejected);
        }

        int fresh = (int) good.stream().filter(r -> !existing.containsKey(r.ref().toLowerCase(Locale.ROOT))).count();
        long[] ids = SequenceIds.reserve(jdbc, "directory_company_seq", fresh);
        long[] ranks = freeRanks(ids);
        Timestamp now = now();
        List<Object[]> values = new ArrayList<>(good.size());
        List<Long> companyIds = new ArrayList<>(good.size());
        int k = 0;
        for (Row r : good) {
            long[] known = existing.get(r.ref().toLowerCase(Locale.ROOT));
            long id;
            long rank;
            if (known == null) {
                id = ids[k];
                rank = ranks[k++];
            } else {
                id = known[0];
                rank = known[1];  // not updated; sent so the row matches itself on every unique key
            }
            companyIds.add(id);
            values.add(new Object[] {id, r.ref(), r.name(), r.legalName(), r.domain(), r.description(), r.industry(),
                    r.employees(), r.annualRevenue(), r.foundedYear(), r.phone(), r.mobilePhone(), r.email(),
                    r.street(), r.city(), r.zip(), r.country(), r.state(), r.timeZone(), r.linkedinUrl(),
                    r.twitterUrl(), r.facebookUrl(), r.companyType(), rank, now, now,
                    TechnologyCodes.join(r.technologies())});
        }
        insert("INSERT INTO directory_company (" + COLUMNS + ")", 27, upsertTail, values);
        if (technologies) {
            // the file's list replaces the stored one (new companies have none yet)
            List<Long> known = new ArrayList<>();
            for (int i = 0; i < good.size(); i++) {
                if (existing.containsKey(good.get(i).ref().toLowerCase(Locale.ROOT))) {
                    known.add(companyIds.get(i));
                }
            }
            if (!known.isEmpty()) {
                jdbc.update("DELETE FROM directory_company_technology WHERE company_id IN ("
                        + placeholders(known.size()) + ")", known.toArray());
            }
            List<Object[]> techRows = new ArrayList<>();
            for (int i = 0; i < good.size(); i++) {
                for (String t : good.get(i).technologies()) {
                    techRows.add(new Object[] {companyIds.get(i), t});
                }
            }
            insert("INSERT INTO directory_company_technology (company_id, technology_code)", 2, "", techRows);
        }
        return new Outcome(fresh, good.size() - fresh, rejected);
    }

    /**
     * Ranks for new companies: a bijection of the id (SplitMix64's finaliser after an import-specific offset,
     * like the generator's of its index), so they are spread over the whole range and interleave with the
     * generated companies in mining order; one that a company already has is mixed again until free.
     */
    private long[] freeRanks(long[] ids) {
        long[] ranks = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ranks[i] = mix(ids[i] + 0x1D4F_2E5B_9C3A_7F11L);
        }
        if (ids.length == 0) {
            return ranks;
        }
        while (true) {
            Set<Long> taken = new HashSet<>(jdbc.queryForList("SELECT `rank` FROM directory_company WHERE `rank` IN ("
                    + placeholders(ranks.length) + ")", Long.class, java.util.Arrays.stream(ranks).boxed().toArray()));
            Set<Long> mine = new HashSet<>();
            boolean clash = false;
            for (int i = 0; i < ranks.length; i++) {
                while (taken.contains(ranks[i]) || !mine.add(ranks[i])) {
                    ranks[i] = mix(ranks[i]);
                    clash = true;
                }
            }
            if (!clash) {
                return ranks;
            }
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
