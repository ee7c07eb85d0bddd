package com.vetacrm.directory;

import com.vetacrm.database.SequenceIds;
import com.vetacrm.directory.DirectoryCompanyFactory.NewCompany;
import com.vetacrm.directory.DirectoryCompanyFactory.NewContact;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the company directory on a start where {@code directory_company} is empty, up to
 * {@code veta.directory.size} companies (default 20,000; 1,000,000 for benchmarks) from
 * {@code veta.directory.seed}. Same seed and size, same rows (see {@link DirectoryCompanyFactory}).
 * <p>
 * Companies are generated in chunks on a worker pool while the previous chunk is written with JDBC
 * batches (MariaDB Connector/J sends them in bulk), each chunk in its own transaction. Ids come from the
 * tables' sequences in Hibernate's blocks ({@link SequenceIds}). Domains are made unique in index order
 * (a collision gets a number: {@code acme2.com}), so the result does not depend on thread timing.
 * Runs after the admin initial data and the demo and benchmark leads.
 */
@Component
@Order(DirectoryGenerator.ORDER)
class DirectoryGenerator implements ApplicationRunner {

    /** After InitialData (HIGHEST_PRECEDENCE), DemoLeads (+10) and LeadSeeder (+20). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    static final int CHUNK = 2_000;

    private static final Logger log = LoggerFactory.getLogger(DirectoryGenerator.class);

    private static final String INSERT_COMPANY = """
            INSERT INTO directory_company (id, ref, name, legal_name, domain, description, industry_code, employees,
                annual_revenue, founded_year, phone, mobile_phone, generic_email, street, city, zip, country_code,
                state_code, time_zone, linkedin_url, twitter_url, facebook_url, company_type, `rank`, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CONTACT = """
            INSERT INTO directory_contact (id, company_id, position, full_name, first_name, last_name, title, role_code,
                seniority_code, email, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_TECHNOLOGY =
            "INSERT INTO directory_company_technology (company_id, technology_code) VALUES (?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int size;
    private final long seed;

    DirectoryGenerator(JdbcTemplate jdbc, TransactionTemplate tx,
            @Value("${veta.directory.size:20000}") int size,
            @Value("${veta.directory.seed:42}") long seed) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.size = size;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        generate();
    }

    /** The factory for this seed on the current reference data. */
    DirectoryCompanyFactory factory() {
        return new DirectoryCompanyFactory(seed, DirectoryReferenceSnapshot.read(jdbc));
    }

    /** Fills the directory when it is empty; returns how many companies were written. */
    int generate() {
        if (size <= 0 || !Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT COUNT(*) = 8 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN
                ('directory_company', 'country', 'country_state', 'time_zone', 'industry', 'contact_role', 'seniority', 'technology')""",
                Boolean.class))) {
            return 0;
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM directory_company)", Boolean.class))) {
            return 0;
        }
        DirectoryCompanyFactory factory = factory();
        if (!factory.usable()) {
            log.warn("No directory generated: the reference data (countries, industries, technologies) is missing");
            return 0;
        }
        long started = System.nanoTime();
        log.info("Generating the company directory: {} companies, seed {}", size, seed);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "directory-generator");
            t.setDaemon(true);
            return t;
        });
        Set<String> domains = new HashSet<>(Math.max(16, size * 2));
        int written = 0;
        long contacts = 0;
        try {
            CompletableFuture<List<NewCompany>> next = chunk(factory, pool, threads, 0);
            for (int from = 0; from < size; from += CHUNK) {
                List<NewCompany> companies = next.join();
                int nextFrom = from + CHUNK;
                next = nextFrom < size ? chunk(factory, pool, threads, nextFrom) : null;
                List<NewCompany> unique = new ArrayList<>(companies.size());
                for (NewCompany c : companies) {
                    unique.add(uniqueDomain(c, domains));
                }
                contacts += write(unique);
                written += unique.size();
                if (written % 50_000 == 0 || written == size) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log.info("Directory: {} / {} companies, {} contacts ({} s, {} companies/s)", written, size, contacts,
                            String.format("%.1f", seconds), Math.round(written / Math.max(seconds, 0.001)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        log.info("Company directory generated: {} companies, {} contacts in {} ms", written, contacts,
                (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    private CompletableFuture<List<NewCompany>> chunk(DirectoryCompanyFactory factory, ExecutorService pool, int threads,
            int from) {
        int to = Math.min(size, from + CHUNK);
        int parts = Math.max(1, threads);
        List<CompletableFuture<List<NewCompany>>> slices = new ArrayList<>();
        int step = (to - from + parts - 1) / parts;
        for (int s = from; s < to; s += step) {
            int a = s;
            int b = Math.min(to, s + step);
            slices.add(CompletableFuture.supplyAsync(() -> LongStream.range(a, b).mapToObj(factory::company).toList(), pool));
        }
        return CompletableFuture.allOf(slices.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<NewCompany> all = new ArrayList<>(to - from);
            slices.forEach(f -> all.addAll(f.join()));
            return all;
        });
    }

    private static final String[] DOMAIN_WORDS = {"group", "hq", "global", "online", "solutions", "partners",
            "services", "pro", "co", "team", "works", "labs", "direct", "inc", "corp", "world", "digital", "now"};

    /**
     * The company on a domain no earlier company has: its own ({@code acme.de}), else the variants real
     * firms register when theirs is taken ({@code acme.com}, {@code acmegroup.de}, {@code acme-hq.com},
     * {@code acme.net}…, in an order fixed by the company's index), and only then a number ({@code acme2.de}).
     */
    static NewCompany uniqueDomain(NewCompany c, Set<String> domains) {
        if (domains.add(c.domain())) {
            return c;
        }
        int dot = c.domain().indexOf('.');
        String label = c.domain().substring(0, dot);
        String tld = c.domain().substring(dot);
        Random r = new Random(c.index() * 0x9E3779B97F4A7C15L + 17);
        List<String> candidates = new ArrayList<>();
        candidates.add(label + (tld.equals(".com") ? ".net" : ".com"));
        List<String> words = new ArrayList<>(List.of(DOMAIN_WORDS));
        java.util.Collections.shuffle(words, r);
        for (String w : words.subList(0, 8)) {
            String t = r.nextInt(3) == 0 ? ".com" : tld;
            candidates.add((r.nextBoolean() ? label + w : label + "-" + w) + t);
        }
        candidates.add(label + ".net");
        candidates.add(label + ".co");
        if (c.city() != null) {
            String city = DirectoryCompanyFactory.slug(c.city()).replace("-", "");
            if (!city.isEmpty() && city.length() <= 12) {
                candidates.add(label + "-" + city + tld);
            }
        }
        for (String candidate : candidates) {
            if (candidate.length() <= 253 && domains.add(candidate)) {
                return c.withDomain(candidate);
            }
        }
        for (int n = 2; ; n++) {
            String candidate = label + n + tld;
            if (domains.add(candidate)) {
                return c.withDomain(candidate);
            }
        }
    }

    /** Writes one chunk in one transaction; returns the number of contacts written. */
    private long write(List<NewCompany> companies) {
        Long n = tx.execute(status -> {
            long[] ids = SequenceIds.reserve(jdbc, "directory_company_seq", companies.size());
            int contactCount = companies.stream().mapToInt(c -> c.contacts().size()).sum();
            long[] contactIds = SequenceIds.reserve(jdbc, "directory_contact_seq", contactCount);
            Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            List<Object[]> companyRows = new ArrayList<>(companies.size());
            List<Object[]> contactRows = new ArrayList<>(contactCount);
            List<Object[]> techRows = new ArrayList<>();
            int k = 0;
            for (int i = 0; i < companies.size(); i++) {
                NewCompany c = companies.get(i);
                long id = ids[i];
                companyRows.add(new Object[] {id, c.ref(), c.name(), c.legalName(), c.domain(), c.description(),
                        c.industryCode(), c.employees(), c.annualRevenue(), c.foundedYear(), c.phone(), c.mobilePhone(),
                        c.genericEmail(), c.street(), c.city(), c.zip(), c.countryCode(), c.stateCode(), c.timeZone(),
                        c.linkedinUrl(), c.twitterUrl(), c.facebookUrl(), c.companyType(), c.rank(), now, now});
                for (NewContact p : c.contacts()) {
                    contactRows.add(new Object[] {contactIds[k++], id, p.position(), p.fullName(), p.firstName(),
                            p.lastName(), p.title(), p.roleCode(), p.seniorityCode(), p.email(), p.phone()});
                }
                for (String t : c.technologies()) {
                    techRows.add(new Object[] {id, t});
                }
            }
            batch(INSERT_COMPANY, companyRows);
            batch(INSERT_CONTACT, contactRows);
            batch(INSERT_TECHNOLOGY, techRows);
            return (long) contactCount;
        });
        return n == null ? 0 : n;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + 1000));
            jdbc.batchUpdate(sql, part, part.size(), (PreparedStatement ps, Object[] row) -> set(ps, row));
        }
    }

    private static void set(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
