package com.vetacrm.directory;

import com.vetacrm.database.SequenceIds;
import com.vetacrm.directory.DirectoryCompanyFactory.NewCompany;
import com.vetacrm.directory.DirectoryCompanyFactory.NewContact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.function.IntConsumer;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the company directory up to {@code veta.directory.size} companies (default 20,000; 1,000,000 for
 * benchmarks) from {@code veta.directory.seed}. Same seed and size, same rows (see
 * {@link DirectoryCompanyFactory}).
 * <p>
 * Companies are generated in chunks on a worker pool while the previous chunk is written with JDBC
 * batches (MariaDB Connector/J sends them in bulk), each chunk in its own transaction. Ids come from the
 * tables' sequences in Hibernate's blocks ({@link SequenceIds}). Domains are made unique in index order
 * (a collision gets a variant: {@code acme-group.de}, {@code acme2.com}), so the result does not depend on
 * thread timing. Runs after the admin initial data and the demo and benchmark leads.
 * <p>
 * <b>Resumable</b> (decision 55): the progress is the row {@value #PROGRESS_KEY} of {@code app_setting}
 * ({@code seed=42;next=12000}: companies 0 to 11,999 are written), advanced in the transaction of each
 * chunk. A start with {@code next} below the size continues from there with the domains already taken, so
 * an interrupted run (process killed) ends as an uninterrupted one would; a larger size later extends the
 * directory the same way. Without the row, a table that already has companies (imported, or generated
 * before progress was recorded) is left alone, as is a directory generated from another seed. Generated
 * companies carry refs {@code VD00000001}… ({@link DirectoryCompanyFactory#ref}); a ref that already exists
 * (an import chose it) is skipped, so writing is idempotent by ref.
 * <p>
 * <b>One node at a time</b> (decision 56): the run holds MariaDB's named lock {@value #LOCK} on a connection
 * of its own; a node that cannot take it at once leaves the generation to the one that has it. The progress
 * row is also advanced by compare-and-set ({@code UPDATE … WHERE setting_value = old}), so even without the
 * lock two writers could not both write a chunk.
 */
@Component
@Order(DirectoryGenerator.ORDER)
class DirectoryGenerator implements ApplicationRunner {

    /** After InitialData (HIGHEST_PRECEDENCE), DemoLeads (+10) and LeadSeeder (+20). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    static final int CHUNK = 2_000;
    static final String PROGRESS_KEY = "directory_generator";
    static final String LOCK = "veta.directory.generator";

    private static final Logger log = LoggerFactory.getLogger(DirectoryGenerator.class);

    private static final String INSERT_COMPANY = """
            INSERT INTO directory_company (id, ref, name, legal_name, domain, description, industry_code, employees,
                annual_revenue, founded_year, phone, mobile_phone, generic_email, street, city, zip, country_code,
                state_code, time_zone, linkedin_url, twitter_url, facebook_url, company_type, `rank`, created_at, updated_at,
                technology_codes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CONTACT = """
            INSERT INTO directory_contact (id, company_id, position, full_name, first_name, last_name, title, role_code,
                seniority_code, email, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_TECHNOLOGY =
            "INSERT INTO directory_company_technology (company_id, technology_code) VALUES (?, ?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int size;
    private final long seed;
    private final int chunk;
    /** Called after each chunk is committed with the index reached; tests use it to stop a run midway. */
    IntConsumer afterChunk = next -> {
    };

    @Autowired
    DirectoryGenerator(JdbcTemplate jdbc, TransactionTemplate tx,
            @Value("${veta.directory.size:20000}") int size,
            @Value("${veta.directory.seed:42}") long seed) {
        this(jdbc, tx, size, seed, CHUNK);
    }

    DirectoryGenerator(JdbcTemplate jdbc, TransactionTemplate tx, int size, long seed, int chunk) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.size = size;
        this.seed = seed;
        this.chunk = chunk;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            generate();
        } catch (RuntimeException e) {
            // the written chunks are kept with their progress; the next start continues from there
            log.error("Company directory generation stopped; the next start continues it", e);
        }
    }

    /** The factory for this seed on the current reference data. */
    DirectoryCompanyFactory factory() {
        return new DirectoryCompanyFactory(seed, DirectoryReferenceSnapshot.read(jdbc));
    }

    /**
     * Fills the directory up to the size, continuing a run that stopped; returns how many companies
     * this call wrote (0 when there was nothing to do or another node is generating).
     */
    int generate() {
        if (size <= 0 || !Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT COUNT(*) = 9 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN
                ('directory_company', 'country', 'country_state', 'time_zone', 'industry', 'contact_role', 'seniority',
                 'technology', 'app_setting')""", Boolean.class))) {
            return 0;
        }
        DataSource dataSource = jdbc.getDataSource();
        if (dataSource == null) {
            return 0;
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!lock(lock)) {
                log.info("Company directory: another node is generating it; this one leaves it to that one");
                return 0;
            }
            try {
                return generateLocked();
            } finally {
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the directory generator's lock", e);
        }
    }

    private static boolean lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void unlock(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, LOCK);
            ps.executeQuery().close();
        } catch (SQLException e) {
            log.warn("Could not release the directory generator's lock (closing its connection does): {}", e.getMessage());
        }
    }

    /** The progress row: seed and next index, or null when there is none. */
    record Progress(long seed, long next) {

        String value() {
            return "seed=" + seed + ";next=" + next;
        }

        static Progress parse(String value) {
            long seed = 0;
            long next = -1;
            for (String part : value.split(";")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2 && kv[0].trim().equals("seed")) {
                    seed = Long.parseLong(kv[1].trim());
                } else if (kv.length == 2 && kv[0].trim().equals("next")) {
                    next = Long.parseLong(kv[1].trim());
                }
            }
            return next < 0 ? null : new Progress(seed, next);
        }
    }

    Progress progress() {
        List<String> values = jdbc.queryForList("SELECT setting_value FROM app_setting WHERE setting_key = ?",
                String.class, PROGRESS_KEY);
        return values.isEmpty() || values.getFirst() == null ? null : Progress.parse(values.getFirst());
    }

    private int generateLocked() {
        long companies = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Long.class);
        Progress progress = progress();
        if (progress == null) {
            if (companies > 0) {
                log.info("Company directory: {} companies not made by this generator (imported, or generated before "
                        + "progress was recorded); nothing generated", companies);
                return 0;
            }
            progress = new Progress(seed, 0);
            jdbc.update("INSERT INTO app_setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?)",
                    PROGRESS_KEY, progress.value(), now());
        } else if (companies == 0 && progress.next() > 0) {
            // the directory was emptied: start again, as on a fresh installation
            progress = advance(progress, new Progress(seed, 0)) ? new Progress(seed, 0) : null;
            if (progress == null) {
                return 0;
            }
        } else if (progress.seed() != seed) {
            log.warn("Company directory: generated from seed {}, configured seed {}; nothing generated (empty the "
                    + "directory to generate it again)", progress.seed(), seed);
            return 0;
        }
        if (progress.next() >= size) {
            return 0;
        }
        DirectoryCompanyFactory factory = factory();
        if (!factory.usable()) {
            log.warn("No directory generated: the reference data (countries, industries, technologies) is missing");
            return 0;
        }
        long started = System.nanoTime();
        int from = (int) progress.next();
        log.info(from == 0 ? "Generating the company directory: {} companies, seed {}"
                : "Completing the company directory: {} companies, seed {}, from company {}", size, seed, from + 1);
        Set<String> domains = new HashSet<>(Math.max(16, size * 2));
        if (companies > 0) {
            jdbc.query("SELECT domain FROM directory_company", rs -> {
                domains.add(rs.getString(1));
            });
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "directory-generator");
            t.setDaemon(true);
            return t;
        });
        int written = 0;
        long contacts = 0;
        try {
            CompletableFuture<List<NewCompany>> next = chunk(factory, pool, threads, from);
            for (int at = from; at < size; at += chunk) {
                List<NewCompany> generated = next.join();
                int to = Math.min(size, at + chunk);
                next = to < size ? chunk(factory, pool, threads, to) : null;
                Set<String> existing = new HashSet<>(jdbc.queryForList(
                        "SELECT ref FROM directory_company WHERE ref BETWEEN ? AND ?", String.class,
                        DirectoryCompanyFactory.ref(at), DirectoryCompanyFactory.ref(to - 1)));
                List<NewCompany> unique = new ArrayList<>(generated.size());
                for (NewCompany c : generated) {
                    if (!existing.contains(c.ref())) {
                        unique.add(uniqueDomain(c, domains));
                    }
                }
                contacts += write(unique, new Progress(seed, at), new Progress(seed, to));
                written += unique.size();
                afterChunk.accept(to);
                if ((to - from) % 50_000 < chunk || to == size) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log.info("Directory: {} / {} companies, {} contacts ({} s, {} companies/s)", to, size, contacts,
                            String.format("%.1f", seconds), Math.round((to - from) / Math.max(seconds, 0.001)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        log.info("Company directory generated: {} companies, {} contacts in {} ms", written, contacts,
                (System.nanoTime() - started) / 1_000_000);
        return written;
    }

    /** Moves the progress row from {@code from} to {@code to}; false when another writer moved it first. */
    private boolean advance(Progress from, Progress to) {
        return jdbc.update("UPDATE app_setting SET setting_value = ?, updated_at = ? WHERE setting_key = ? AND setting_value = ?",
                to.value(), now(), PROGRESS_KEY, from.value()) == 1;
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    private CompletableFuture<List<NewCompany>> chunk(DirectoryCompanyFactory factory, ExecutorService pool, int threads,
            int from) {
        int to = Math.min(size, from + chunk);
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

    /**
     * Writes one chunk and advances the progress row in one transaction; returns the number of contacts
     * written. Fails (and writes nothing) when the progress row is no longer {@code from}.
     */
    private long write(List<NewCompany> companies, Progress from, Progress to) {
        Long n = tx.execute(status -> {
            if (!advance(from, to)) {
                throw new IllegalStateException("The directory's progress moved under this generator (another node?): "
                        + "expected " + from.value() + ", now " + progress());
            }
            long[] ids = SequenceIds.reserve(jdbc, "directory_company_seq", companies.size());
            int contactCount = companies.stream().mapToInt(c -> c.contacts().size()).sum();
            long[] contactIds = SequenceIds.reserve(jdbc, "directory_contact_seq", contactCount);
            Timestamp now = now();
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
                        c.linkedinUrl(), c.twitterUrl(), c.facebookUrl(), c.companyType(), c.rank(), now, now,
                        TechnologyCodes.join(c.technologies())});
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
