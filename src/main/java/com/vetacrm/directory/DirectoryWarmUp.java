package com.vetacrm.directory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the directory into the database's buffer pool once the application is ready, on a background thread,
 * when the pool can hold it: lead mining then never waits for the disk. Every job mines companies nothing has read
 * since the server started (the next ones in rank order), so without this each one paid two to three cold page
 * reads per company — about 550 random reads, 60 ms of a 160 ms job on the benchmark machine (docs/performance.md).
 * <p>
 * {@code veta.directory.warm-up}: {@code auto} (default) reads the directory when its tables and indexes take at most
 * {@value #AUTO_SHARE_PERCENT} % of {@code innodb_buffer_pool_size}, so it never pushes the CRM's own pages out;
 * {@code on} always, {@code off} never. Reads are plain index scans (no locks), a few seconds per million companies.
 */
@Component
public class DirectoryWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DirectoryWarmUp.class);
    static final int AUTO_SHARE_PERCENT = 75;

    /**
     * What lead mining reads: the company rows (with their technology codes since change 0028) and walk indexes,
     * contacts by company.
     */
    private static final List<String> SCANS = List.of(
            "SELECT COUNT(*) FROM directory_company FORCE INDEX (PRIMARY)",
            "SELECT COUNT(*) FROM directory_company FORCE INDEX (ix_directory_company_country_rank)",
            "SELECT COUNT(*) FROM directory_company FORCE INDEX (ix_directory_company_state_rank)",
            // rows in (company_id, position) order since change 0027: all a job reads of the contacts
            "SELECT COUNT(*) FROM directory_contact FORCE INDEX (PRIMARY)");

    /** The outcome of a warm-up: whether it read, why, and how long it took. */
    public record Result(boolean warmed, String reason, long directoryBytes, long poolBytes, Duration took) {
    }

    private final JdbcClient jdbc;
    private final String mode;
    private volatile Result result;

    DirectoryWarmUp(JdbcClient jdbc, @Value("${veta.directory.warm-up:auto}") String mode) {
        this.jdbc = jdbc;
        this.mode = mode.trim().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "on", "off").contains(this.mode)) {
            throw new IllegalArgumentException("veta.directory.warm-up must be auto, on or off, not '" + mode + "'");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (mode.equals("off")) {
            result = new Result(false, "veta.directory.warm-up=off", 0, 0, Duration.ZERO);
            return;
        }
        Thread t = new Thread(() -> {
            try {
                warmUp();
            } catch (RuntimeException e) {
                result = new Result(false, "failed: " + e.getMessage(), 0, 0, Duration.ZERO);
                log.warn("Directory warm-up failed; lead mining reads from disk until the pages are used", e);
            }
        }, "directory-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Decides and, if so, reads the directory now (on the caller's thread). */
    Result warmUp() {
        // What mining reads (not directory_company_technology since change 0028: the codes are on the companies' rows).
        // The files' sizes: information_schema.tables' statistics lag behind a directory just generated or
        // imported (0 MB seen right after the first start's generation); the larger of the two is taken.
        long directory = jdbc.sql("""
                        SELECT GREATEST(
                            (SELECT COALESCE(SUM(file_size), 0) FROM information_schema.innodb_sys_tablespaces
                             WHERE name IN (CONCAT(DATABASE(), '/directory_company'),
                                 CONCAT(DATABASE(), '/directory_contact'))),
                            (SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables
                             WHERE table_schema = DATABASE()
                             AND table_name IN ('directory_company', 'directory_contact')))""")
                .query(Long.class).single();
        long pool = jdbc.sql("SELECT @@innodb_buffer_pool_size").query(Long.class).single();
        Optional<String> refusal = refusal(mode, directory, pool);
        if (refusal.isPresent()) {
            result = new Result(false, refusal.get(), directory, pool, Duration.ZERO);
            log.info("Directory not read into the buffer pool: {}", refusal.get());
            return result;
        }
        long t = System.nanoTime();
        SCANS.forEach(sql -> jdbc.sql(sql).query(Long.class).single());
        Duration took = Duration.ofNanos(System.nanoTime() - t);
        result = new Result(true, mode.equals("on") ? "veta.directory.warm-up=on" : "fits in the buffer pool",
                directory, pool, took);
        log.info("Directory read into the buffer pool ({} MB of {} MB) in {} ms", directory >> 20, pool >> 20,
                took.toMillis());
        return result;
    }

    /** Why not to read the directory, if so. */
    static Optional<String> refusal(String mode, long directoryBytes, long poolBytes) {
        if (mode.equals("off")) {
            return Optional.of("veta.directory.warm-up=off");
        }
        if (mode.equals("auto") && directoryBytes * 100 > poolBytes * AUTO_SHARE_PERCENT) {
            return Optional.of(String.format(Locale.ROOT, "the directory (%d MB) is more than %d %% of the buffer pool"
                    + " (%d MB); set veta.directory.warm-up=on to read it anyway", directoryBytes >> 20,
                    AUTO_SHARE_PERCENT, poolBytes >> 20));
        }
        return Optional.empty();
    }

    /** The warm-up's outcome, empty while it runs (or before the application is ready). */
    public Optional<Result> result() {
        return Optional.ofNullable(result);
    }
}
