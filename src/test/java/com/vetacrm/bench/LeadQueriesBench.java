package com.vetacrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.vetacrm.VetaApplication;
import com.vetacrm.bench.BenchReport.Timing;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadRow;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.PipelineColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * How the leads grid and the pipeline behave on 1,000,000 leads. Not part of the test run: only the
 * {@code bench} Maven profile runs it ({@code ./bench}); see docs/performance.md.
 * <p>
 * Starts Veta on a persistent embedded MariaDB ({@code ~/.veta/bench-mariadb}, or
 * {@code -Dveta.bench.db-dir} / {@code VETA_BENCH_DB_DIR}), seeds it up to {@code veta.bench.leads}
 * (default 1,000,000) through {@code veta.seed.leads} when needed — only the first run pays for it —
 * then times the service calls the views make, as the demo manager and as the demo salesperson,
 * and prints the plan (EXPLAIN and ANALYZE) of the SQL they sent, captured from MariaDB's general
 * log. Prints figures and ratios; asserts only that the data is what the figures claim to be.
 */
@Tag("bench")
class LeadQueriesBench {

    private static final long LEADS = Long.getLong("veta.bench.leads", 1_000_000);
    private static final int CARDS_PER_COLUMN = 30;
    private static final int PAGE = 50;

    private final BenchReport report = new BenchReport();
    private JdbcTemplate jdbc;
    /** The signed-in user's teams when their scope is limited (salesperson); empty for a manager. */
    private List<Long> scopeTeams = List.of();
    /** Why LeadService.pipelineCards could not be used, once it failed. */
    private String cardsFallback;

    @Test
    void gridAndPipelineOnAMillionLeads() throws IOException {
        Path dbDir = BenchReport.dbDir();
        List<String> seederLog = new CopyOnWriteArrayList<>();
        long[] runners = new long[2];
        SpringApplicationBuilder builder = new SpringApplicationBuilder(VetaApplication.class)
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof ApplicationStartedEvent) {
                        runners[0] = System.nanoTime();
                        BenchReport.capture("com.vetacrm.lead.LeadSeeder", seederLog);
                    } else if (event instanceof ApplicationReadyEvent) {
                        runners[1] = System.nanoTime();
                    }
                });
        long start = System.nanoTime();
        // command-line arguments: they win over the test configuration (target/, ephemeral database)
        try (ConfigurableApplicationContext app = builder.run(
                "--veta.embedded-db.dir=" + dbDir, "--veta.embedded-db.ephemeral=false",
                "--veta.embedded-db.database=veta_bench", "--veta.embedded-db.port=0", "--veta.demo.enabled=true",
                "--veta.seed.leads=" + LEADS, "--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.com.vetacrm=INFO")) {
            line("Veta lead benchmark: %,d leads, database in %s", LEADS, dbDir);
            line("Start-up %.1f s, of which the start-up data runners (demo leads, seeding) %.1f s",
                    seconds(System.nanoTime() - start), seconds(runners[1] - runners[0]));
            seederLog.forEach(m -> line("  seeder: %s", m));
            run(app);
        } finally {
            report.writeTo(Path.of("target", "bench", "lead-queries.txt"));
        }
    }

    private void run(ConfigurableApplicationContext app) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        this.jdbc = jdbc;
        LeadService leads = app.getBean(LeadService.class);
        UserDetailsService users = app.getBean(UserDetailsService.class);

        long total = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead", Long.class);
        long bigTeam = jdbc.queryForObject("""
                SELECT MIN(t.id) FROM sales_team t WHERE t.active AND EXISTS (SELECT 1 FROM sales_team_member m
                JOIN app_user u ON u.id = m.user_id WHERE m.team_id = t.id AND u.active)""", Long.class);
        String bigTeamName = jdbc.queryForObject("SELECT name FROM sales_team WHERE id = ?", String.class, bigTeam);
        long bigTeamOpportunities = jdbc.queryForObject(
                "SELECT COUNT(*) FROM crm_lead WHERE team_id = ? AND active = 1 AND type = 'OPPORTUNITY'", Long.class, bigTeam);
        long tag = jdbc.queryForObject("SELECT MIN(id) FROM tag", Long.class);
        String tagName = jdbc.queryForObject("SELECT name FROM tag WHERE id = ?", String.class, tag);
        long tagged = jdbc.queryForObject("SELECT COUNT(*) FROM lead_tag WHERE tag_id = ?", Long.class, tag);
        long sales = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
        long salesLeads = jdbc.queryForObject("SELECT COUNT(*) FROM crm_lead WHERE salesperson_id = ? AND active = 1",
                Long.class, sales);
        long salesTagged = jdbc.queryForObject("""
                SELECT COUNT(*) FROM crm_lead l JOIN lead_tag lt ON lt.lead_id = l.id AND lt.tag_id = ?
                WHERE l.salesperson_id = ? AND l.active = 1""", Long.class, tag, sales);
        assertThat(total).isGreaterThanOrEqualTo(LEADS);
        assertThat(bigTeamOpportunities).isGreaterThanOrEqualTo(Math.min(100_000, LEADS / 2));

        line("");
        line("Data: %,d leads; team '%s' has %,d active opportunities; tag '%s' is on %,d leads (%.0f %%);",
                total, bigTeamName, bigTeamOpportunities, tagName, tagged, 100.0 * tagged / total);
        line("      salesperson 'sales' has %,d active records, %,d of them with tag '%s'", salesLeads, salesTagged,
                tagName);
        jdbc.query("""
                SELECT table_name, table_rows, ROUND(data_length / 1048576), ROUND(index_length / 1048576)
                FROM information_schema.tables WHERE table_schema = DATABASE()
                AND table_name IN ('crm_lead', 'lead_tag', 'chatter_entry') ORDER BY table_name""",
                rs -> {
                    line("      %-13s ~%,d rows, data %d MB, indexes %d MB", rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4));
                });

        LeadQuery gridFilter = LeadQuery.all().withTags(Set.of(tag)).withSalesperson(sales);
        LeadQuery pipelineFilter = LeadQuery.all().withTeam(bigTeam);
        List<Long> openColumns = new ArrayList<>();

        for (String username : List.of("manager", "sales")) {
            BenchReport.signIn(users, username);
            scopeTeams = username.equals("manager") ? List.of() : jdbc.queryForList(
                    "SELECT m.team_id FROM sales_team_member m JOIN app_user u ON u.id = m.user_id WHERE u.username = ?"
                            + " ORDER BY m.team_id", Long.class, username);
            try {
                if (openColumns.isEmpty()) {
                    StageService stages = app.getBean(StageService.class);
                    stages.findAllInOrder().stream().filter(s -> !s.fold()).map(StageSummary::id)
                            .forEach(openColumns::add);
                }
                line("");
                line("As '%s' (%s); %d warm-up calls, then %d timed calls (%d after one call over %d ms):", username,
                        username.equals("manager") ? "sales manager: all teams" : "salesperson: own teams only",
                        BenchReport.WARM_UP, BenchReport.RUNS, BenchReport.MIN_RUNS, BenchReport.SLOW_MS);
                Timing first = time(() -> leads.findLeads(gridFilter, PageRequest.of(0, PAGE)));
                measured("(a) grid, tag '" + tagName + "' + salesperson 'sales', page 1 (" + PAGE + " rows)", first);
                Timing page50 = time(() -> leads.findLeads(gridFilter, PageRequest.of(49, PAGE)));
                measured("    same filter, page 50 (offset " + 49 * PAGE + ")", page50);
                Timing pipeline = time(() -> openPipeline(leads, pipelineFilter, openColumns));
                measured("(b) /pipeline, team '" + bigTeamName + "': headers + " + CARDS_PER_COLUMN + " cards x "
                        + openColumns.size() + " columns", pipeline);
                Timing headers = time(() -> leads.pipelineColumns(pipelineFilter));
                measured("    of which the column headers (count + sum per stage)", headers);
                Timing unfiltered = time(() -> leads.findLeads(LeadQuery.all(), PageRequest.of(0, PAGE)));
                measured("(c) grid without filters, page 1", unfiltered);
                Timing allTeams = time(() -> openPipeline(leads, LeadQuery.all(), openColumns));
                measured("(d) /pipeline without filters (all teams the user sees)", allTeams);
                line("      ratios: page 50 / page 1 = %.1f; pipeline headers / whole pipeline = %.2f",
                        page50.median() / Math.max(0.01, first.median()),
                        headers.median() / Math.max(0.01, pipeline.median()));

                if (username.equals("manager")) {
                    explain(jdbc, "(a) grid page 1, tag + salesperson",
                            () -> leads.findLeads(gridFilter, PageRequest.of(0, PAGE)), GRID_VARIANTS);
                    explain(jdbc, "(a) grid page 50", () -> leads.findLeads(gridFilter, PageRequest.of(49, PAGE)),
                            GRID_VARIANTS);
                    explain(jdbc, "(b) pipeline headers of the big team", () -> leads.pipelineColumns(pipelineFilter));
                    explain(jdbc, "(b) pipeline cards of the big team, first column",
                            () -> cards(leads, pipelineFilter, openColumns.getFirst()));
                    explain(jdbc, "(b) pipeline cards of the big team, last open column",
                            () -> cards(leads, pipelineFilter, openColumns.getLast()));
                    explain(jdbc, "(c) grid without filters", () -> leads.findLeads(LeadQuery.all(), PageRequest.of(0, PAGE)),
                            GRID_VARIANTS);
                    explain(jdbc, "(d) pipeline headers, all teams", () -> leads.pipelineColumns(LeadQuery.all()));
                } else {
                    explain(jdbc, "(a) grid page 1 as salesperson (team scope added)",
                            () -> leads.findLeads(gridFilter, PageRequest.of(0, PAGE)), GRID_VARIANTS);
                    explain(jdbc, "(d) pipeline headers as salesperson (own teams)",
                            () -> leads.pipelineColumns(LeadQuery.all()));
                }
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** What opening /pipeline costs: every column's header, then the first cards of each unfolded column. */
    private int openPipeline(LeadService leads, LeadQuery query, List<Long> openColumns) {
        List<PipelineColumn> columns = leads.pipelineColumns(query);
        int cards = 0;
        for (long stage : openColumns) {
            cards += cards(leads, query, stage).size();
        }
        return columns.size() + cards;
    }

    /**
     * A column's first cards through LeadService; if that call fails, the SQL LeadQueries.cards means
     * to send, run directly, so the figures still say what the pipeline costs once the call works.
     */
    private List<?> cards(LeadService leads, LeadQuery query, long stage) {
        if (cardsFallback == null) {
            try {
                return leads.pipelineCards(query, stage, 0, CARDS_PER_COLUMN);
            } catch (RuntimeException e) {
                cardsFallback = e.getClass().getSimpleName() + ": " + e.getMessage();
                line("  !! LeadService.pipelineCards failed: %s", cardsFallback);
                line("  !! measuring the SQL LeadQueries.cards intends (same text, with the missing space) instead");
            }
        }
        return cardsDirect(query, stage);
    }

    /** LeadQueries.cards' SQL for the filters used here (team), in the caller's scope, plus its tag query. */
    private List<Long> cardsDirect(LeadQuery query, long stage) {
        StringBuilder where = new StringBuilder("l.stage_id = ? AND l.active = 1");
        List<Object> params = new ArrayList<>(List.of(stage));
        if (!scopeTeams.isEmpty()) {
            where.append(scopeTeams.size() == 1 ? " AND l.team_id = ?" : " AND l.team_id IN ("
                    + String.join(", ", scopeTeams.stream().map(t -> "?").toList()) + ")");
            params.addAll(scopeTeams);
        }
        if (query.teamId() != null) {
            where.append(" AND l.team_id = ?");
            params.add(query.teamId());
        }
        params.add(CARDS_PER_COLUMN);
        params.add(0);
        List<Long> ids = jdbc.query("SELECT l.id, l.type, l.name, l.partner_name, l.expected_revenue, l.priority,"
                + " l.salesperson_id, u.display_name AS salesperson_name, l.stage_id"
                + " FROM crm_lead l LEFT JOIN app_user u ON u.id = l.salesperson_id"
                + " WHERE " + where + " ORDER BY l.priority DESC, l.id DESC LIMIT ? OFFSET ?",
                (rs, n) -> rs.getLong("id"), params.toArray());
        if (!ids.isEmpty()) {
            jdbc.queryForList("SELECT lt.lead_id, g.id, g.name, g.color FROM lead_tag lt JOIN tag g ON g.id = lt.tag_id"
                    + " WHERE lt.lead_id IN (" + String.join(", ", ids.stream().map(String::valueOf).toList())
                    + ") ORDER BY g.name");
        }
        return ids;
    }


    private static Timing time(Supplier<?> call) {
        return BenchReport.time(call, LeadQueriesBench::check);
    }

    private static void check(Object result) {
        if (result instanceof List<?> list) {
            assertThat(list).as("a benchmark call that finds nothing measures nothing").isNotEmpty();
            if (list.getFirst() instanceof LeadRow row) {
                assertThat(row.name()).isNotBlank();
            }
        } else if (result instanceof Integer n) {
            assertThat(n).isPositive();
        }
    }

    /**
     * Runs the call once with MariaDB's general log on, so the SQL is exactly what LeadQueries sent
     * (Connector/J inlines the parameters), then prints EXPLAIN and ANALYZE of each statement on crm_lead.
     */
    private void explain(JdbcTemplate jdbc, String title, Supplier<?> call) {
        explain(jdbc, title, call, null);
    }

    /** A changed form of a captured statement, timed and explained next to it as evidence for a change. */
    record Variant(String name, UnaryOperator<String> change) {
    }

    /**
     * The grid's SQL joins {@code stage} with an inner join, which lets MariaDB start from the six stage
     * rows and sort every matching lead; with a LEFT JOIN (the same rows: stage_id is NOT NULL with a
     * foreign key) it must read crm_lead first and can walk an index in created_at order and stop at the
     * LIMIT.
     */
    private static final Variant LEFT_JOIN_STAGE = new Variant("LEFT JOIN stage",
            sql -> sql.replace(" JOIN stage s ON", " LEFT JOIN stage s ON").replace(" LEFT LEFT JOIN", " LEFT JOIN"));
    /**
     * MariaDB (10.6.20 / 10.11.10 / 11.4.4 and later) can weigh join orders that stop early at an
     * ORDER BY ... LIMIT when optimizer_join_limit_pref_ratio is set (off by default; 100 is the
     * documented recommendation). Here per statement; a session or server setting would do the same.
     */
    private static final Variant LIMIT_PREF = new Variant("optimizer_join_limit_pref_ratio=100",
            sql -> "SET STATEMENT optimizer_join_limit_pref_ratio=100 FOR " + sql);
    private static final Variant BOTH = new Variant("LEFT JOIN stage + optimizer_join_limit_pref_ratio=100",
            sql -> LIMIT_PREF.change().apply(LEFT_JOIN_STAGE.change().apply(sql)));
    private static final List<Variant> GRID_VARIANTS = List.of(LEFT_JOIN_STAGE, LIMIT_PREF, BOTH);

    private void explain(JdbcTemplate jdbc, String title, Supplier<?> call, List<Variant> variants) {
        List<String> statements = BenchReport.sqlSentBy(jdbc, call, "crm_lead", "lead_tag");
        line("");
        line("---- %s", title);
        for (String sql : statements) {
            String oneLine = sql;
            line("SQL: %s", oneLine);
            report.table(jdbc, "EXPLAIN " + oneLine);
            report.table(jdbc, "ANALYZE " + oneLine);
            if (variants == null || !oneLine.contains("FROM crm_lead")) {
                continue;
            }
            Timing sent = time(() -> jdbc.queryForList(oneLine));
            line("SQL alone, as sent: %s", sent);
            List<java.util.Map<String, Object>> expected = jdbc.queryForList(oneLine);
            for (Variant v : variants) {
                String changed = v.change().apply(oneLine);
                line("Variant: %s", v.name());
                report.table(jdbc, explainOf(changed, "EXPLAIN"));
                report.table(jdbc, explainOf(changed, "ANALYZE"));
                Timing timing = time(() -> jdbc.queryForList(changed));
                assertThat(jdbc.queryForList(changed)).as("same rows as sent").isEqualTo(expected);
                line("SQL alone, %s: %s: %.1fx faster", v.name(), timing, sent.median() / Math.max(0.01, timing.median()));
            }
        }
    }

    /** EXPLAIN / ANALYZE of a statement, also of one prefixed with SET STATEMENT ... FOR. */
    private static String explainOf(String sql, String verb) {
        int at = sql.startsWith("SET STATEMENT ") ? sql.indexOf(" FOR ") + 5 : 0;
        return sql.substring(0, at) + verb + " " + sql.substring(at);
    }


    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void measured(String label, Timing timing) {
        line("  %-62s %s", label, timing);
    }

    private void line(String format, Object... args) {
        report.line(format, args);
    }
}
