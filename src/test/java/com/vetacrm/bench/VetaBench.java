package com.vetacrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.BrowserlessUserContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.internal.ComponentTracker;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteConfiguration;
import com.vetacrm.directory.DirectoryWarmUp;
import com.vetacrm.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.Authentication;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.communication.UidlWriter;
import com.vetacrm.VetaApplication;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.bench.BenchReport.Timing;
import com.vetacrm.credits.CreditService;
import com.vetacrm.database.SequenceIds;
import com.vetacrm.lead.CrmExclusions;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.ui.PipelineView;
import com.vetacrm.leadsource.ContactCriteria;
import com.vetacrm.leadsource.Exclusions;
import com.vetacrm.leadsource.LeadSource;
import com.vetacrm.leadsource.SourceCriteria;
import com.vetacrm.leadsource.SourcePreview;
import com.vetacrm.mining.ContactFilter;
import com.vetacrm.mining.MiningForm;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningService;
import com.vetacrm.mining.MiningState;
import com.vetacrm.mining.SearchType;
import com.vetacrm.settings.MiningSettings;
import com.vetacrm.settings.SettingsService;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 7: all of Veta's speed figures side by side, in one run ({@code ./bench}). Starts Veta once on the
 * persistent benchmark database (seeding only what is missing: 1,000,000 directory companies, 1,000,000 leads
 * with 100,000 opportunities in one team, 100,000 leads that know directory companies), measures every metric
 * after warm-up, starts the production jar as its own process for {@code startup_s}, prints a table (metric,
 * median, worst, target, met?) and writes {@code target/bench/results.json} and {@code target/bench/veta-bench.txt}.
 * Reports targets; fails only when the data is not what the figures claim.
 */
@Tag("bench")
class VetaBench {

    private static final long LEADS = Long.getLong("veta.bench.leads", 1_000_000);
    private static final int COMPANIES = Integer.getInteger("veta.bench.companies", 1_000_000);
    private static final int KNOWN = 100_000;
    private static final int MINE = 200;
    /** What {@link #freeMinedCompanies} found or did, for the mining note. */
    private String miningReset = "";
    private static final int CONTACTS = 5;
    private static final int PAGE = 50;
    private static final int CARDS_PER_COLUMN = 30;
    private static final int SESSIONS = Integer.getInteger("veta.bench.sessions", 200);
    /** Runs of the metrics whose each run costs seconds or writes data (mining, start-up): at least 5. */
    private static final int HEAVY_RUNS = Math.max(BenchReport.MIN_RUNS, Integer.getInteger("veta.bench.heavy-runs", 5));
    /**
     * Warm-up jobs before the timed mining jobs: five, because the JIT needs them. Building the 200 enrichment cards
     * (Jackson) took 107, 44, 32, 25, 19, 13, 5, 5 ms in the first eight jobs of one run; with two warm-up jobs the
     * "steady" median still carried most of that. A server that has mined before runs the compiled code.
     */
    private static final int HEAVY_WARM_UP = Integer.getInteger("veta.bench.heavy-warm-up", 5);
    /**
     * The embedded server's InnoDB buffer pool for the benchmark database: sized for its working set (the
     * directory's 2.1 GB and the leads' indexes), as a production MariaDB holding this data is sized;
     * {@code -Dveta.bench.buffer-pool=512M} measures with the development default.
     */
    private static final String BUFFER_POOL = System.getProperty("veta.bench.buffer-pool", "4G");
    /**
     * {@code -Dveta.bench.only=sessions,mining}: only these parts (directory, grid, mining, sessions, startup), to
     * iterate on one figure; the table and results.json then hold only those. Default: all.
     */
    private static final Set<String> ONLY = Set.of(System.getProperty("veta.bench.only",
            "directory,grid,mining,sessions,startup").split("\\s*,\\s*"));

    private final BenchReport report = new BenchReport();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, String> seeding = new LinkedHashMap<>();
    private String mariadbVersion = "unknown";

    record Metric(Timing timing, String unit, String target, double limit, String note) {
        boolean met() {
            return timing.median() <= limit;
        }
    }

    @Test
    void allFiguresSideBySide() throws Exception {
        String loadAtStart = BenchReport.loadAverage();
        line("Veta benchmark harness (issue 7): database %s (buffer pool %s), load average at start %s, %d cores, JDK %s",
                BenchReport.dbDir(), BUFFER_POOL, loadAtStart, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try {
            List<String> seederLog = new CopyOnWriteArrayList<>();
            List<String> generatorLog = new CopyOnWriteArrayList<>();
            BenchReport.capture("com.vetacrm.lead.LeadSeeder", seederLog);
            BenchReport.capture("com.vetacrm.directory.DirectoryGenerator", generatorLog);
            long started = System.nanoTime();
            ConfigurableApplicationContext app = start();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            if (jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Long.class) < COMPANIES) {
                // the generator fills an empty directory only (as LeadSourceBench does)
                line("Directory smaller than %,d companies: emptied and generated again", COMPANIES);
                jdbc.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String t : List.of("directory_company_technology", "directory_contact", "directory_company",
                        "directory_count")) {
                    jdbc.execute("TRUNCATE TABLE " + t);
                }
                jdbc.execute("SET FOREIGN_KEY_CHECKS = 1");
                app.close();
                app = start();
                jdbc = app.getBean(JdbcTemplate.class);
            }
            double startSeconds = (System.nanoTime() - started) / 1e9;
            seeding.put("leads", seederLog.isEmpty() ? "reused" : String.join("; ", seederLog));
            seeding.put("directory", generatorLog.isEmpty() ? "reused" : String.join("; ", generatorLog));
            try (ConfigurableApplicationContext running = app) {
                line("Veta started on the benchmark database in %.1f s (including any seeding)", startSeconds);
                warmUp(running);
                measure(running);
            }
            if (Boolean.parseBoolean(System.getProperty("veta.bench.startup", "true")) && ONLY.contains("startup")) {
                startup();
            } else {
                line("startup_s: skipped (-Dveta.bench.startup=false)");
            }
        } finally {
            String loadAtEnd = BenchReport.loadAverage();
            printTable(loadAtStart, loadAtEnd);
            writeJson(loadAtStart, loadAtEnd);
            report.writeTo(Path.of("target", "bench", "veta-bench.txt"));
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VetaApplication.class).run(
                "--veta.embedded-db.dir=" + BenchReport.dbDir(), "--veta.embedded-db.ephemeral=false",
                "--veta.embedded-db.database=veta_bench", "--veta.embedded-db.port=0", "--veta.demo.enabled=true",
                "--veta.embedded-db.buffer-pool-size=" + BUFFER_POOL,
                "--veta.seed.leads=" + LEADS, "--veta.directory.size=" + COMPANIES,
                // the bench runs mining jobs itself (below); the poller must not take them first
                "--veta.mining.poll-initial-delay=PT24H", "--veta.mining.poll-interval=PT24H",
                // as a production server: in development mode Vaadin's ComponentTracker keeps a Throwable (stack
                // trace) per component, which dominated the retained heap of the first session measurement
                "--vaadin.productionMode=true",
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.com.vetacrm=INFO");
    }

    /**
     * The product reads the directory into the buffer pool after start when it fits (DirectoryWarmUp): the figures
     * are those of a server past that, as users meet it a minute after a restart; how long it took is reported.
     */
    private void warmUp(ConfigurableApplicationContext app) {
        DirectoryWarmUp warmUp = app.getBean(DirectoryWarmUp.class);
        long t = System.nanoTime();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> warmUp.result().isPresent());
        DirectoryWarmUp.Result r = warmUp.result().orElseThrow();
        line("Directory warm-up (product, after start): %s — %s; directory %,d MB, buffer pool %,d MB, %.1f s"
                        + " (waited %.1f s for it)", r.warmed() ? "read" : "not read", r.reason(), r.directoryBytes() >> 20,
                r.poolBytes() >> 20, r.took().toMillis() / 1000.0, (System.nanoTime() - t) / 1e9);
    }

    private void measure(ConfigurableApplicationContext app) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        UserDetailsService users = app.getBean(UserDetailsService.class);
        mariadbVersion = jdbc.queryForObject("SELECT VERSION()", String.class);

        long leads = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Long.class);
        long companies = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Long.class);
        long bigTeam = jdbc.queryForObject("""
                SELECT MIN(t.id) FROM sales_team t WHERE t.active AND EXISTS (SELECT 1 FROM sales_team_member m
                JOIN app_user u ON u.id = m.user_id WHERE m.team_id = t.id AND u.active)""", Long.class);
        long opportunities = jdbc.queryForObject(
                "SELECT COUNT(*) FROM crm_lead WHERE team_id = ? AND active = 1 AND type = 'OPPORTUNITY'", Long.class, bigTeam);
        assertThat(leads).isGreaterThanOrEqualTo(LEADS);
        assertThat(companies).isGreaterThanOrEqualTo(COMPANIES);
        assertThat(opportunities).isGreaterThanOrEqualTo(Math.min(100_000, LEADS / 2));
        long known = LeadSourceBench.known(jdbc);
        if (known < KNOWN) {
            long t = System.nanoTime();
            LeadSourceBench.makeKnown(jdbc, KNOWN - known);
            seeding.put("known companies", String.format(Locale.ROOT, "%,d more leads made to know a company in %.1f s",
                    KNOWN - known, (System.nanoTime() - t) / 1e9));
            known = LeadSourceBench.known(jdbc);
        } else {
            seeding.put("known companies", "reused");
        }
        line("Data: %,d leads (team %d has %,d active opportunities), %,d directory companies, %,d leads know one",
                leads, bigTeam, opportunities, companies, known);
        seeding.forEach((what, how) -> line("  seeding, %s: %s", what, how));
        line("  on disk (data + indexes): directory %,d MB, crm_lead %,d MB, whole database %,d MB; buffer pool %s",
                tableMb(jdbc, "directory_%"), tableMb(jdbc, "crm_lead"), tableMb(jdbc, "%"), BUFFER_POOL);
        line("Timings: %d warm-up calls then %d timed (queries); %d warm-up then %d timed (mining, start-up)",
                BenchReport.WARM_UP, BenchReport.RUNS, HEAVY_WARM_UP, HEAVY_RUNS);

        if (ONLY.contains("directory") || ONLY.contains("mining")) {
            // the segments both parts select from: the busiest country's biggest industries (two, and four)
            String country = jdbc.queryForObject("SELECT country_code FROM directory_company GROUP BY country_code"
                    + " ORDER BY COUNT(*) DESC LIMIT 1", String.class);
            freeMinedCompanies(jdbc, country, jdbc.queryForList("SELECT industry_code FROM directory_company"
                    + " WHERE country_code = ? GROUP BY industry_code ORDER BY COUNT(*) DESC LIMIT 4", String.class,
                    country), (HEAVY_WARM_UP + HEAVY_RUNS + 5L) * MINE + (BenchReport.WARM_UP + BenchReport.RUNS) * MINE);
            line("Mined companies: %s", miningReset);
        }
        BenchReport.signIn(users, "manager");
        try {
            if (ONLY.contains("directory")) {
                directory(app, jdbc);
            }
            if (ONLY.contains("grid")) {
                leadQueries(app, jdbc, bigTeam);
            }
            if (ONLY.contains("mining")) {
                mining(app, jdbc, users);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        if (SESSIONS > 0 && ONLY.contains("sessions")) {
            sessions(app, users, bigTeam);
        } else {
            line("session_heap_kb: skipped (-Dveta.bench.sessions=0)");
        }
    }

    // ------------------------------------------------------------------------------------------ directory

    private void directory(ConfigurableApplicationContext app, JdbcTemplate jdbc) {
        LeadSource source = app.getBean(LeadSource.class);
        Exclusions crm = app.getBean(CrmExclusions.class);
        String country = jdbc.queryForObject("SELECT country_code FROM directory_company GROUP BY country_code"
                + " ORDER BY COUNT(*) DESC LIMIT 1", String.class);
        List<String> industries = jdbc.queryForList("SELECT industry_code FROM directory_company WHERE country_code = ?"
                + " GROUP BY industry_code ORDER BY COUNT(*) DESC LIMIT 2", String.class, country);
        List<String> roles = jdbc.queryForList("SELECT code FROM contact_role ORDER BY code", String.class);
        SourceCriteria criteria = new SourceCriteria(Set.of(country), Set.of(), new LinkedHashSet<>(industries), 10, 500,
                null);
        SourceCriteria withContacts = criteria.withContacts(ContactCriteria.byRole(CONTACTS, "ceo", roles));
        String what = country + ", " + String.join(" + ", industries) + ", 10-500 employees";
        put("directory_preview", BenchReport.time(() -> source.preview(criteria, crm),
                r -> assertThat(((SourcePreview) r).matches()).isPositive()), "ms", 100, "preview " + what);
        put("directory_select_200x5", BenchReport.time(() -> source.select(withContacts, crm, MINE).companies(),
                r -> assertThat((List<?>) r).hasSize(MINE)), "ms", 50, "select " + MINE + " x " + CONTACTS + ", " + what);
    }

    // ------------------------------------------------------------------------------------------ grid and pipeline

    private void leadQueries(ConfigurableApplicationContext app, JdbcTemplate jdbc, long bigTeam) {
        LeadService leads = app.getBean(LeadService.class);
        long tag = jdbc.queryForObject("SELECT MIN(id) FROM tag", Long.class);
        long sales = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
        LeadQuery grid = LeadQuery.all().withTags(Set.of(tag)).withSalesperson(sales);
        put("grid_first_page", BenchReport.time(() -> leads.findLeads(grid, PageRequest.of(0, PAGE)), VetaBench::notEmpty),
                "ms", 50, "as manager: tag " + tag + " + salesperson 'sales', 50 rows");
        put("grid_scroll_page", BenchReport.time(() -> leads.findLeads(grid, PageRequest.of(49, PAGE)), VetaBench::notEmpty),
                "ms", 50, "same filter, page 50 (offset 2,450)");
        List<Long> open = app.getBean(StageService.class).findAllInOrder().stream().filter(s -> !s.fold())
                .map(StageSummary::id).toList();
        LeadQuery team = LeadQuery.all().withTeam(bigTeam);
        put("pipeline_open", BenchReport.time(() -> {
            int n = leads.pipelineColumns(team).size();
            for (long stage : open) {
                n += leads.pipelineCards(team, stage, 0, CARDS_PER_COLUMN).size();
            }
            return n;
        }, r -> assertThat((Integer) r).isPositive()), "ms", 150,
                "team " + bigTeam + ": column headers + " + CARDS_PER_COLUMN + " cards x " + open.size() + " columns");
    }

    private static void notEmpty(Object result) {
        assertThat((List<?>) result).as("a call that finds nothing measures nothing").isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------ mining

    /**
     * {@code mining_200x5}: the job of a request submitted through MiningService.submit, timed from the job's
     * start (MiningJobs.run, called here on this thread after the executor was stopped, so nothing else runs it)
     * to DONE committed. The submit itself (validation, number, credit hold) is not in the figure; it is reported
     * apart. {@code mining_floor}: the same rows the last job wrote, inserted again by one hand-written JDBC
     * transaction with batches, and nothing else.
     */
    private void mining(ConfigurableApplicationContext app, JdbcTemplate jdbc, UserDetailsService users) throws Exception {
        MiningService mining = app.getBean(MiningService.class);
        SettingsService settings = app.getBean(SettingsService.class);
        CreditService credits = app.getBean(CreditService.class);
        Class<?> jobsClass = Class.forName("com.vetacrm.mining.MiningJobs");
        Object jobs = app.getBean(jobsClass);
        Method stop = jobsClass.getDeclaredMethod("stop");
        stop.setAccessible(true);
        stop.invoke(jobs);  // submit's hand-over finds the executor shut down and leaves the job to us
        Method run = jobsClass.getDeclaredMethod("run", long.class);
        run.setAccessible(true);

        long need = (long) (HEAVY_WARM_UP + HEAVY_RUNS + 1) * (MINE + MINE * CONTACTS);
        BenchReport.signIn(users, "admin");
        MiningSettings s = settings.current();
        if (!s.leadMiningEnabled()) {
            settings.save(new MiningSettings(true, s.leadsEnabled(), s.installationCountry(), s.trialCredits(),
                    s.lowBalanceThreshold(), s.gdprText()));
        }
        long available = credits.balance().available();
        if (available < need) {
            credits.grant(need - available, "benchmark harness");
        }
        BenchReport.signIn(users, "manager");

        String country = jdbc.queryForObject("SELECT country_code FROM directory_company GROUP BY country_code"
                + " ORDER BY COUNT(*) DESC LIMIT 1", String.class);
        List<String> industries = jdbc.queryForList("SELECT industry_code FROM directory_company WHERE country_code = ?"
                + " GROUP BY industry_code ORDER BY COUNT(*) DESC LIMIT 4", String.class, country);
        List<String> roles = jdbc.queryForList("SELECT code FROM contact_role WHERE code <> 'ceo' ORDER BY code",
                String.class);
        long tag = jdbc.queryForObject("SELECT MIN(id) FROM tag", Long.class);
        MiningForm form = mining.newForm();
        form.setLeadNumber(MINE);
        form.setCountries(Set.of(country));
        form.setIndustries(new LinkedHashSet<>(industries));
        form.setSearchType(SearchType.COMPANIES_AND_CONTACTS);
        form.setContactNumber(CONTACTS);
        form.setContactFilter(ContactFilter.ROLE);
        form.setPreferredRole("ceo");
        form.setOtherRoles(new LinkedHashSet<>(roles));
        form.setTagIds(Set.of(tag));

        List<Double> submits = new ArrayList<>();
        List<Double> pageReads = new ArrayList<>();
        List<String> eachJob = new ArrayList<>();
        List<Double> jobCpu = new ArrayList<>();
        // the job runs on this thread: its CPU time is the Java side of a job, the rest is waiting for MariaDB
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long[] lastRequest = {0};
        int[] delivered = new int[2];
        Supplier<Double> oneJob = () -> {
            long t0 = System.nanoTime();
            MiningRequestRow queued = mining.submit(form.copy(), null);
            submits.add((System.nanoTime() - t0) / 1e6);
            assertThat(queued.state()).isEqualTo(MiningState.QUEUED);
            long reads = poolReads(jdbc);
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            Object state;
            try {
                state = run.invoke(jobs, queued.id());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            double ms = (System.nanoTime() - t) / 1e6;
            jobCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
            eachJob.add(String.format(Locale.ROOT, "%.1f", ms));
            pageReads.add((double) (poolReads(jdbc) - reads));
            assertThat(state).isEqualTo(Optional.of(MiningState.DONE));
            MiningRequestRow done = mining.findRequest(queued.id()).orElseThrow();
            assertThat(done.leadsFound()).isEqualTo(MINE);
            lastRequest[0] = queued.id();
            delivered[0] = done.leadsFound();
            delivered[1] = done.contactsFound();
            return ms;
        };
        Timing job = BenchReport.timeEach(HEAVY_WARM_UP, HEAVY_RUNS, oneJob);
        double submitMedian = BenchReport.summary(submits.stream().mapToDouble(Double::doubleValue).toArray()).median();
        List<Double> timedReads = pageReads.subList(HEAVY_WARM_UP, pageReads.size());
        double readsMedian = BenchReport.summary(timedReads.stream().mapToDouble(Double::doubleValue).toArray()).median();
        double cpuMedian = BenchReport.summary(jobCpu.subList(HEAVY_WARM_UP, jobCpu.size()).stream()
                .mapToDouble(Double::doubleValue).toArray()).median();
        put("mining_200x5", job, "ms", Double.NaN, String.format(Locale.ROOT,
                "job (MiningJobs.run) start to DONE committed: %d companies, %d contacts; %s, %s; submit alone %.1f ms"
                        + " median; the job's thread on a CPU %.1f ms (median: its Java side); %.0f InnoDB pages read from disk per job (median; buffer pool %s); %,d companies"
                        + " mined before in all (%s); every job in order, warm-up first: %s ms; its thread's CPU: %s ms", delivered[0], delivered[1],
                country, String.join(" + ", industries), submitMedian, cpuMedian, readsMedian, BUFFER_POOL,
                jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE mining_request_id IS NOT NULL", Long.class),
                miningReset, String.join(", ", eachJob), jobCpu.stream()
                        .map(c -> String.format(Locale.ROOT, "%.1f", c)).collect(Collectors.joining(", "))));

        Floor floor = Floor.of(jdbc, lastRequest[0]);
        DataSource dataSource = app.getBean(DataSource.class);
        List<Double> floorReads = new ArrayList<>();
        Timing floorTiming = BenchReport.timeEach(HEAVY_WARM_UP, HEAVY_RUNS, () -> {
            long reads = poolReads(jdbc);
            double ms = floor.insertOnce(jdbc, dataSource);
            floorReads.add((double) (poolReads(jdbc) - reads));
            return ms;
        });
        put("mining_floor", floorTiming, "ms", Double.NaN, floor.describe() + String.format(Locale.ROOT,
                "; %.0f InnoDB pages read from disk per run (median, deletes included)", BenchReport.summary(floorReads
                        .subList(HEAVY_WARM_UP, floorReads.size()).stream().mapToDouble(Double::doubleValue).toArray())
                        .median()));
        put("mining_ratio", new Timing(job.median() / floorTiming.median(), job.worst() / floorTiming.worst(),
                HEAVY_RUNS), "ratio", 2.0, "mining_200x5 / mining_floor (median / median, worst / worst)");
        explainMining(jdbc, mining, run, jobs, form);
        if (Boolean.getBoolean("veta.bench.resident-diagnostic")) {
            residentDiagnostic(jdbc, oneJob, pageReads, floorTiming);
        }
    }

    /**
     * Every run mines the next companies of the same segments (the busiest country's four biggest industries), so
     * runs use them up (112,000 companies, 2,000 a default run). When fewer than {@code need} are left that no lead
     * carries, the leads earlier runs mined there are deleted first (their contacts, tags and chatter with them):
     * the seeded leads, including those that know a directory company, stay. Reported in the mining note.
     */
    private void freeMinedCompanies(JdbcTemplate jdbc, String country, List<String> industries, long need) {
        String in = industries.stream().map(i -> "'" + i.replace("'", "''") + "'").collect(Collectors.joining(", "));
        String segment = "c.country_code = '" + country + "' AND c.industry_code IN (" + in + ")";
        long free = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company c WHERE " + segment
                + " AND NOT EXISTS (SELECT 1 FROM crm_lead l WHERE l.directory_company_ref = c.ref)", Long.class);
        if (free >= need) {
            miningReset = String.format(Locale.ROOT, "%,d companies of the segments not mined yet", free);
            return;
        }
        long t = System.nanoTime();
        List<Long> mined = jdbc.queryForList("SELECT l.id FROM crm_lead l JOIN directory_company c ON c.ref ="
                + " l.directory_company_ref WHERE l.mining_request_id IS NOT NULL AND " + segment, Long.class);
        for (int i = 0; i < mined.size(); i += 5_000) {
            String ids = mined.subList(i, Math.min(mined.size(), i + 5_000)).stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            jdbc.update("DELETE FROM chatter_entry WHERE target_type = 'LEAD' AND target_id IN (" + ids + ")");
            jdbc.update("DELETE FROM lead_contact WHERE lead_id IN (" + ids + ")");
            jdbc.update("DELETE FROM lead_tag WHERE lead_id IN (" + ids + ")");
            jdbc.update("DELETE FROM crm_lead WHERE id IN (" + ids + ")");
        }
        miningReset = String.format(Locale.ROOT, "only %,d companies of the segments were not mined yet: the %,d leads"
                + " earlier runs mined there were deleted first (%.1f s)", free, mined.size(), (System.nanoTime() - t) / 1e9);
    }

    /**
     * Diagnostic, not a metric, after every metric of mining was taken ({@code -Dveta.bench.resident-diagnostic=true}):
     * the directory's tables read once in full into the buffer pool (as on a server whose pool holds them since
     * the import), then three more jobs. Shows how much of mining_200x5 is first-touch disk reads.
     */
    private void residentDiagnostic(JdbcTemplate jdbc, Supplier<Double> oneJob, List<Double> pageReads, Timing floor) {
        long t = System.nanoTime();
        long reads = poolReads(jdbc);
        for (String table : List.of("directory_company", "directory_contact", "directory_company_technology")) {
            jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " FORCE INDEX (PRIMARY)", Long.class);
        }
        line("");
        line("---- diagnostic: directory tables read in full (%,d pages from disk, %.1f s); three more jobs:",
                poolReads(jdbc) - reads, (System.nanoTime() - t) / 1e9);
        int before = pageReads.size();
        Timing resident = BenchReport.timeEach(0, 3, oneJob);
        double residentReads = BenchReport.summary(pageReads.subList(before, pageReads.size()).stream()
                .mapToDouble(Double::doubleValue).toArray()).median();
        line("  mining_200x5 with the directory resident: median %.1f ms, worst %.1f ms (3 runs), %.0f pages read from"
                        + " disk per job; / mining_floor median %.1f ms = ratio %.2f (diagnostic only)", resident.median(),
                resident.worst(), residentReads, floor.median(), resident.median() / floor.median());
    }

    private static long tableMb(JdbcTemplate jdbc, String tables) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(data_length + index_length), 0) >> 20 FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name LIKE ?", Long.class, tables);
    }

    /** InnoDB's count of pages it had to read from disk (not found in the buffer pool), server-wide. */
    static long poolReads(JdbcTemplate jdbc) {
        return jdbc.query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'", rs -> {
            rs.next();
            return rs.getLong(2);
        });
    }

    /** The statements one mining job sends, with when each started: where the time goes beyond the floor. */
    private void explainMining(JdbcTemplate jdbc, MiningService mining, Method run, Object jobs, MiningForm form) {
        MiningRequestRow queued = mining.submit(form.copy(), null);
        List<String> statements = new ArrayList<>();
        long reads = poolReads(jdbc);
        List<String> timeline = BenchReport.sqlTimelineOf(jdbc, () -> {
            try {
                return run.invoke(jobs, queued.id());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }, statements);
        reads = poolReads(jdbc) - reads;
        line("");
        line("---- one mining job, statement by statement (start offset, connection, SQL); %,d pages read from disk:",
                reads);
        timeline.forEach(l -> line("  %s", l));
        // the walk of the next job: the same statement now skips the 200 companies just mined and meets the next ones
        statements.stream().filter(q -> q.startsWith("SELECT u.id, u.ref, u.domain, u.rank FROM")).findFirst()
                .ifPresent(walk -> {
                    String json = String.join("\n", jdbc.queryForList("ANALYZE FORMAT=JSON " + walk, String.class));
                    line("---- the next job's walk (ANALYZE FORMAT=JSON of the statement above, run again):");
                    line("  total %s ms; r_rows in plan order %s; InnoDB pages accessed %,d,"
                                    + " read from disk %,d (%s ms reading)", jsonNumbers(json, "r_total_time_ms").stream()
                                    .findFirst().orElse("?"), walkRows(json), jsonSum(json, "pages_accessed"),
                            jsonSum(json, "pages_read_count"), String.format(Locale.ROOT, "%.1f",
                                    jsonNumbers(json, "pages_read_time_ms").stream().mapToDouble(Double::parseDouble).sum()));
                });
    }

    private static List<String> jsonNumbers(String json, String key) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"" + key + "\":\\s*([0-9.eE+-]+)").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static long jsonSum(String json, String key) {
        return jsonNumbers(json, key).stream().mapToLong(v -> (long) Double.parseDouble(v)).sum();
    }

    /** r_rows of every table access in the plan, in the order the JSON lists them. */
    private static String walkRows(String json) {
        List<String> rows = jsonNumbers(json, "r_rows");
        return rows.isEmpty() ? "?" : String.join(", ", rows);
    }

    /** The rows one mining job wrote, copied, ready to be inserted again with new ids by plain JDBC. */
    record Floor(List<Map<String, Object>> leads, List<Map<String, Object>> contacts, List<Map<String, Object>> tags,
            List<Map<String, Object>> entries, List<Map<String, Object>> ledger) {

        static Floor of(JdbcTemplate jdbc, long request) {
            List<Map<String, Object>> leads = jdbc.queryForList("SELECT * FROM crm_lead WHERE mining_request_id = ?"
                    + " ORDER BY id", request);
            String ids = leads.stream().map(l -> String.valueOf(l.get("id"))).collect(Collectors.joining(","));
            return new Floor(leads,
                    jdbc.queryForList("SELECT * FROM lead_contact WHERE lead_id IN (" + ids + ") ORDER BY id"),
                    jdbc.queryForList("SELECT * FROM lead_tag WHERE lead_id IN (" + ids + ")"),
                    jdbc.queryForList("SELECT * FROM chatter_entry WHERE target_type = 'LEAD' AND target_id IN (" + ids
                            + ") ORDER BY id"),
                    jdbc.queryForList("SELECT * FROM credit_entry WHERE mining_request_id = ? AND kind <> 'HOLD'"
                            + " ORDER BY id", request));
        }

        String describe() {
            long payload = entries.stream().mapToLong(e -> String.valueOf(e.get("payload")).length()
                    + String.valueOf(e.get("body")).length()).sum();
            return String.format(Locale.ROOT, "one JDBC transaction, batches: %d leads, %d contacts, %d tag links, %d chatter"
                    + " entries (%,d chars of body + payload), %d ledger entries", leads.size(), contacts.size(),
                    tags.size(), entries.size(), payload, ledger.size());
        }

        /** Inserts the copies (ids taken before the clock starts), commits, returns the ms; then deletes them. */
        double insertOnce(JdbcTemplate jdbc, DataSource dataSource) {
            long[] leadIds = SequenceIds.reserve(jdbc, "crm_lead_seq", leads.size());
            long[] contactIds = SequenceIds.reserve(jdbc, "lead_contact_seq", contacts.size());
            long[] entryIds = SequenceIds.reserve(jdbc, "chatter_entry_seq", entries.size());
            Map<Object, Long> newLead = new LinkedHashMap<>();
            for (int i = 0; i < leads.size(); i++) {
                newLead.put(leads.get(i).get("id"), leadIds[i]);
            }
            List<Object[]> leadRows = rows(leads, (r, i) -> {
                r.put("id", leadIds[i]);
                r.put("directory_company_ref", "floor-" + r.get("directory_company_ref"));  // unique
                // Copies that name no directory company: deleting them afterwards must not look like the CRM
                // forgetting one (that would invalidate the mining walk marks, change 0024, between the jobs).
                for (String domain : List.of("website_domain", "email_domain")) {
                    if (r.get(domain) != null) {
                        r.put(domain, "floor-" + r.get(domain));
                    }
                }
            });
            List<Object[]> contactRows = rows(contacts, (r, i) -> {
                r.put("id", contactIds[i]);
                r.put("lead_id", newLead.get(r.get("lead_id")));
            });
            List<Object[]> tagRows = rows(tags, (r, i) -> r.put("lead_id", newLead.get(r.get("lead_id"))));
            List<Object[]> entryRows = rows(entries, (r, i) -> {
                r.put("id", entryIds[i]);
                r.put("target_id", newLead.get(r.get("target_id")));
            });
            List<Object[]> ledgerRows = rows(ledger, (r, i) -> r.remove("id"));
            double ms;
            long[] ledgerIds = new long[ledgerRows.size()];
            long t = System.nanoTime();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                batch(c, "crm_lead", leads.getFirst().keySet(), leadRows);
                batch(c, "lead_contact", contacts.isEmpty() ? Set.of() : contacts.getFirst().keySet(), contactRows);
                batch(c, "lead_tag", tags.isEmpty() ? Set.of() : tags.getFirst().keySet(), tagRows);
                batch(c, "chatter_entry", entries.getFirst().keySet(), entryRows);
                Set<String> ledgerColumns = new LinkedHashSet<>(ledger.getFirst().keySet());
                ledgerColumns.remove("id");
                batch(c, "credit_entry", ledgerColumns, ledgerRows);
                c.commit();
                ms = (System.nanoTime() - t) / 1e6;
                try (PreparedStatement ps = c.prepareStatement("SELECT LAST_INSERT_ID()")) {
                    var rs = ps.executeQuery();
                    rs.next();
                    for (int i = 0; i < ledgerIds.length; i++) {
                        ledgerIds[i] = rs.getLong(1) + i;
                    }
                }
                c.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            String in = java.util.Arrays.stream(leadIds).mapToObj(String::valueOf).collect(Collectors.joining(","));
            jdbc.update("DELETE FROM chatter_entry WHERE target_type = 'LEAD' AND target_id IN (" + in + ")");
            jdbc.update("DELETE FROM lead_contact WHERE lead_id IN (" + in + ")");
            jdbc.update("DELETE FROM lead_tag WHERE lead_id IN (" + in + ")");
            jdbc.update("DELETE FROM crm_lead WHERE id IN (" + in + ")");
            jdbc.update("DELETE FROM credit_entry WHERE id IN (" + java.util.Arrays.stream(ledgerIds)
                    .mapToObj(String::valueOf).collect(Collectors.joining(",")) + ")");
            return ms;
        }

        interface Change {
            void apply(Map<String, Object> row, int index);
        }

        private static List<Object[]> rows(List<Map<String, Object>> source, Change change) {
            List<Object[]> out = new ArrayList<>(source.size());
            for (int i = 0; i < source.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>(source.get(i));
                change.apply(row, i);
                out.add(row.values().toArray());
            }
            return out;
        }

        private static void batch(Connection c, String table, Set<String> columns, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            ps.setNull(i + 1, Types.NULL);
                        } else {
                            ps.setObject(i + 1, row[i]);
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ sessions

    /**
     * Retained heap per signed-in UI showing the pipeline: browserless sessions (one VaadinSession and one UI
     * each, the real Spring beans) of the demo manager on /pipeline?team=…, each answered as a browser's first
     * request is (the UIDL response written by Vaadin's own UidlWriter: pending changes collected and sent,
     * before-client-response tasks run, JavaScript calls handed over), all kept referenced; used heap after
     * settled full collections before and after, divided by the number of sessions. The JVM runs as a production
     * server: production mode, no Vaadin development server on the class path (the bench profile leaves it out,
     * as the production jar does), no ComponentTracker (a Throwable per component, development mode only).
     */
    private void sessions(ConfigurableApplicationContext app, UserDetailsService users, long bigTeam) {
        UserDetails manager = users.loadUserByUsername("manager");
        var auth = UsernamePasswordAuthenticationToken.authenticated(manager, null, manager.getAuthorities());
        String route = "pipeline?team=" + bigTeam;
        List<Object> kept = new ArrayList<>();
        try (var secured = SpringBrowserlessApplicationContext.createSecured(app, "com.vetacrm")) {
            // warm-up: whatever the first UIs create once per JVM (routes, caches, translations) is not per session
            String mode = "";
            long uidlChars = 0;
            for (int i = 0; i < 5; i++) {
                try (BrowserlessUserContext user = secured.newUser(auth)) {
                    BrowserlessUIContext ui = user.newWindow();
                    uidlChars = openPipeline(ui, bigTeam);
                    mode = runtimeMode(ui);
                }
            }
            assertThat(mode).as("the sessions must be measured as a production server runs them")
                    .startsWith("production mode, component tracker off");
            long before = settledHeap();
            Map<String, long[]> histogramBefore = histogram();
            long t = System.nanoTime();
            for (int i = 0; i < SESSIONS; i++) {
                BrowserlessUserContext user = secured.newUser(auth);
                BrowserlessUIContext ui = user.newWindow();
                openPipeline(ui, bigTeam);
                kept.add(user);
                kept.add(ui);
            }
            double createMs = (System.nanoTime() - t) / 1e6 / SESSIONS;
            long after = settledHeap();
            double kb = (after - before) / 1024.0 / SESSIONS;
            explainSessions(histogramBefore, histogram());
            put("session_heap_kb", new Timing(kb, kb, 1), "kb", 300, String.format(Locale.ROOT,
                    "%d browserless sessions of 'manager' on /%s, the first %d cards of each shown column asked for,"
                            + " first UIDL response written (%,d chars), kept referenced; %s; used heap after GC %,d ->"
                            + " %,d KB; %.1f ms to open one", SESSIONS, route, FIRST_RANGE_PER_COLUMN,
                    uidlChars, mode, before >> 10, after >> 10, createMs));
            for (Object o : kept) {
                if (o instanceof BrowserlessUserContext u) {
                    u.close();
                }
            }
            kept.clear();
            floors(secured, auth);
            for (Object o : kept) {
                if (o instanceof BrowserlessUserContext u) {
                    u.close();
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An empty page, with and without the application's layout, to tell the framework's share of a session. */
    @PermitAll
    static class FloorView extends Div {
    }

    @PermitAll
    static class FloorInLayoutView extends Div {
    }

    /**
     * Diagnostics, not metrics: what a signed-in session with an empty page costs (Vaadin, Spring Security, the
     * browserless mocks), and with the application's layout (menu, banners) around it; the pipeline's own share is
     * the rest of session_heap_kb.
     */
    private void floors(SecuredBrowserlessApplicationContext<Authentication> secured, Authentication auth) {
        for (var floor : List.<Map.Entry<String, Class<? extends Div>>>of(Map.entry("bench-floor", FloorView.class),
                Map.entry("bench-floor-layout", FloorInLayoutView.class))) {
            List<BrowserlessUserContext> kept = new ArrayList<>();
            long before = settledHeap();
            for (int i = 0; i < SESSIONS; i++) {
                BrowserlessUserContext user = secured.newUser(auth);
                BrowserlessUIContext ui = user.newWindow();
                ui.activate();
                var routes = RouteConfiguration.forApplicationScope();
                if (!routes.isPathAvailable(floor.getKey())) {
                    if (floor.getValue() == FloorView.class) {
                        routes.setRoute(floor.getKey(), floor.getValue());
                    } else {
                        routes.setRoute(floor.getKey(), floor.getValue(), MainLayout.class);
                    }
                }
                ui.getUI().navigate(floor.getKey());
                assertThat(ui.getCurrentView()).isInstanceOf(floor.getValue());
                new UidlWriter().createUidl(ui.getUI(), false);
                kept.add(user);
            }
            line("  session floor (diagnostic): a signed-in session on an empty page%s retains %.1f KB",
                    floor.getValue() == FloorView.class ? "" : " inside the application layout",
                    (settledHeap() - before) / 1024.0 / SESSIONS);
            kept.forEach(BrowserlessUserContext::close);
        }
    }

    /**
     * The cards a browser asks each column for when the board opens. A column's cards are a virtual list, which
     * fetches nothing until the browser says which range it shows: Vaadin's connector asks for the cards it draws
     * plus 20 (virtualListConnector.js, {@code extraItemsBuffer}). Chromium at 1280×900 draws 7 and asks for 27
     * (PipelineCardsBrowserTest prints the figure); 30 leaves room for a taller screen.
     */
    static final int FIRST_RANGE_PER_COLUMN = 30;

    /**
     * Navigates the window to the pipeline and answers it as the server answers a browser: the UIDL response
     * (Vaadin's UidlWriter), which collects the state tree's changes and hands over the JavaScript calls, so
     * nothing stays pending as it would in a session no browser ever talked to. Before the response is written,
     * every shown column's list is given the range a browser asks for first ({@link #FIRST_RANGE_PER_COLUMN});
     * a browserless UI never asks, and a session holding no cards would flatter the figure. Returns the
     * response's size.
     */
    private static long openPipeline(BrowserlessUIContext ui, long team) {
        ui.activate();
        ui.getUI().navigate("pipeline", QueryParameters.of("team", String.valueOf(team)));
        assertThat(ui.getCurrentView()).isInstanceOf(PipelineView.class);
        List<VirtualList<?>> lists = new ArrayList<>();
        collectShownLists(ui.getUI(), lists);
        assertThat(lists).as("card lists of the unfolded columns").isNotEmpty();
        lists.forEach(l -> l.getDataCommunicator().setViewportRange(0, FIRST_RANGE_PER_COLUMN));
        return new UidlWriter().createUidl(ui.getUI(), false).toString().length();
    }

    private static void collectShownLists(Component c, List<VirtualList<?>> lists) {
        if (c.getElement().isTextNode() || !c.getElement().isVisible()) {
            return;
        }
        if (c instanceof VirtualList<?> list) {
            lists.add(list);
        }
        c.getChildren().forEach(child -> collectShownLists(child, lists));
    }

    /** Production mode of the session's configuration and whether Vaadin's ComponentTracker records anything. */
    private static String runtimeMode(BrowserlessUIContext ui) {
        boolean production = ui.getUI().getSession().getConfiguration().isProductionMode();
        String tracker;
        try {
            var field = ComponentTracker.class.getDeclaredField("disabled");
            field.setAccessible(true);
            tracker = Boolean.TRUE.equals(field.get(null)) ? "component tracker off" : "component tracker ON";
        } catch (ReflectiveOperationException | RuntimeException e) {
            tracker = "component tracker unknown (" + e + ")";
        }
        boolean devServer;
        try {
            Class.forName("com.vaadin.base.devserver.DevModeHandlerManagerImpl");
            devServer = true;
        } catch (ClassNotFoundException e) {
            devServer = false;
        }
        return (production ? "production mode" : "DEVELOPMENT mode") + ", " + tracker + ", "
                + (devServer ? "vaadin-dev-server ON the class path" : "no vaadin-dev-server");
    }

    /** Where a session's heap goes: the classes that grew most while the sessions were opened, per session. */
    private void explainSessions(Map<String, long[]> before, Map<String, long[]> after) {
        line("");
        line("---- heap per session by class (class histogram after GC, growth / %d sessions; top 25):", SESSIONS);
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                        e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(25)
                .forEach(e -> line("  %9.1f KB %8.1f objects  %s", e.getValue()[1] / 1024.0 / SESSIONS,
                        e.getValue()[0] / (double) SESSIONS, e.getKey()));
    }

    /** Live objects by class (instances, bytes), as {@code jcmd GC.class_histogram} gives them (a full GC first). */
    static Map<String, long[]> histogram() {
        Map<String, long[]> classes = new LinkedHashMap<>();
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            for (String l : text.split("\n")) {
                String[] f = l.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
        } catch (Exception e) {
            classes.put("(no class histogram: " + e + ")", new long[2]);
        }
        return classes;
    }

    /** Used heap after full collections, once two in a row agree within 0.5 % (at most 10). */
    static long settledHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        long[] last = {Long.MAX_VALUE};
        try {
            org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofMillis(200)).atMost(java.time.Duration.ofSeconds(5)).until(() -> {
                        System.gc();
                        long used = memory.getHeapMemoryUsage().getUsed();
                        boolean settled = Math.abs(used - last[0]) < last[0] * 0.005;
                        last[0] = used;
                        return settled;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException notSettled) {
            // ten collections without two agreeing: the last reading it is
        }
        return last[0];
    }

    // ------------------------------------------------------------------------------------------ start-up

    /**
     * The production jar ({@code -Dveta.bench.jar}, else target/veta-*.jar; ./bench builds it when it is older than
     * the sources) started as its own process on a scratch embedded database, port free, until GET /login answers
     * 200. The first start creates the database (schema, demo data, directory) and is the warm-up; the timed ones
     * are restarts of that installation, as a server restarts.
     */
    private void startup() throws Exception {
        Path jar = jar();
        if (jar == null) {
            line("startup_s: no production jar in target/ (./bench builds it): not measured");
            return;
        }
        Path db = Path.of("target", "bench", "startup-mariadb").toAbsolutePath();
        List<Double> first = new ArrayList<>();
        Timing restart = BenchReport.timeEach(1, HEAVY_RUNS, () -> {
            double s = startJar(jar, db);
            if (first.isEmpty()) {
                first.add(s);
            }
            return s;
        });
        put("startup_s", restart, "s", 25, String.format(Locale.ROOT,
                "%s restarted on %s (first start, creating it: %.1f s)", jar.getFileName(), db, first.getFirst()));
    }

    private static Path jar() throws IOException {
        String configured = System.getProperty("veta.bench.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("veta-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst().orElse(null);
        }
    }

    private double startJar(Path jar, Path db) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path log = Path.of("target", "bench", "startup.log");
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port, "--veta.embedded-db.dir=" + db,
                "--veta.embedded-db.port=0").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DB_URL");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(5)).build();
        long t = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofMillis(100)).atMost(java.time.Duration.ofSeconds(300))
                    .until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("the jar stopped before serving /login; see " + log);
                        }
                        try {
                            return http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException notListeningYet) {
                            return false;
                        }
                    });
            return (System.nanoTime() - t) / 1e9;
        } finally {
            stopProcess(p);
        }
    }

    /** SIGTERM (Veta stops its embedded MariaDB on the way out), then whatever of its tree is left, by pid. */
    private static void stopProcess(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    // ------------------------------------------------------------------------------------------ report

    private void put(String name, Timing timing, String unit, double limit, String note) {
        String target = Double.isNaN(limit) ? "" : (unit.equals("ratio") ? "<= " + fmt(limit) : "<= " + fmt(limit) + " " + unit);
        metrics.put(name, new Metric(timing, unit, target, limit, note));
        line("  %-24s median %10.1f, worst %10.1f %-5s (%d runs)  %s", name, timing.median(), timing.worst(), unit,
                timing.runs(), note);
    }

    private void printTable(String loadAtStart, String loadAtEnd) {
        line("");
        line("%-24s %12s %12s %12s  %s", "metric", "median", "worst", "target", "met?");
        for (var e : metrics.entrySet()) {
            Metric m = e.getValue();
            line("%-24s %12s %12s %12s  %s", e.getKey(), fmt(m.timing().median()) + " " + m.unit(),
                    fmt(m.timing().worst()) + " " + m.unit(), m.target(),
                    Double.isNaN(m.limit()) ? "" : m.met() ? "yes" : "NO");
        }
        line("load average: %s at start, %s at the end (2 cores shared with other builds: timings are noisy)",
                loadAtStart, loadAtEnd);
    }

    private void writeJson(String loadAtStart, String loadAtEnd) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        for (var e : metrics.entrySet()) {
            Metric m = e.getValue();
            json.append(String.format(Locale.ROOT, "  \"%s\": {\"median\": %.3f, \"worst\": %.3f, \"unit\": \"%s\", \"runs\": %d",
                    e.getKey(), m.timing().median(), m.timing().worst(), m.unit(), m.timing().runs()));
            if (!Double.isNaN(m.limit())) {
                json.append(String.format(Locale.ROOT, ", \"target\": %s, \"met\": %s", fmt(m.limit()), m.met()));
            }
            json.append("},\n");
        }
        json.append(String.format(Locale.ROOT, "  \"machine\": {\"cores\": %d, \"memory_mb\": %d, \"os\": \"%s\","
                        + " \"jdk\": \"%s\", \"max_heap_mb\": %d, \"mariadb\": \"%s\", \"buffer_pool\": \"%s\","
                        + " \"loadavg_start\": \"%s\", \"loadavg_end\": \"%s\"},\n",
                Runtime.getRuntime().availableProcessors(), physicalMemoryMb(), System.getProperty("os.name") + " "
                        + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, mariadbVersion, BUFFER_POOL, loadAtStart, loadAtEnd));
        json.append("  \"seeding\": {").append(seeding.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue().replace("\\", "\\\\").replace("\"", "'") + "\"")
                .collect(Collectors.joining(", "))).append("},\n");
        json.append("  \"commit\": \"").append(gitCommit()).append("\"\n}\n");
        Path out = Path.of("target", "bench", "results.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);
        line("Results written to %s", out.toAbsolutePath());
    }

    private static long physicalMemoryMb() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() >> 20 : -1;
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String sha = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            Process d = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").start();
            boolean dirty = !new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            d.waitFor(10, TimeUnit.SECONDS);
            return sha + (dirty ? "-dirty" : "");
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private void line(String format, Object... args) {
        report.line(format, args);
    }
}
