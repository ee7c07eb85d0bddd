package com.vetacrm.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What every benchmark shares: the persistent database folder, timing (warm-up, median and worst),
 * signing in as a demo user, the SQL a call sends (from MariaDB's general log, where Connector/J has
 * inlined the parameters) with its EXPLAIN / ANALYZE, and a text report printed and written to a file.
 */
final class BenchReport {

    static final int WARM_UP = Integer.getInteger("veta.bench.warm-up", 3);
    static final int RUNS = Integer.getInteger("veta.bench.runs", 10);
    static final int SLOW_MS = 2_000;
    static final int MIN_RUNS = 5;

    private final StringBuilder text = new StringBuilder();

    record Timing(double median, double worst, int runs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %8.1f ms, worst %8.1f ms (%d runs)", median, worst, runs);
        }
    }

    /**
     * Warm-up calls, then timed ones. A call slower than {@value #SLOW_MS} ms on its first run gets only
     * {@value #MIN_RUNS} timed runs after that first one, so a slow query does not stretch the run to hours.
     * {@code check} sees every result: a call that finds nothing measures nothing.
     */
    static Timing time(Supplier<?> call, Consumer<Object> check) {
        long first = System.nanoTime();
        check.accept(call.get());
        boolean slow = (System.nanoTime() - first) / 1e6 > SLOW_MS;
        for (int i = 1; i < (slow ? 1 : WARM_UP); i++) {
            check.accept(call.get());
        }
        int runs = slow ? Math.min(MIN_RUNS, RUNS) : RUNS;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            check.accept(call.get());
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return summary(ms);
    }

    /**
     * For work whose timed part is only a piece of each call (set-up and clean-up around it): each call
     * returns the figure it measured itself. {@code warmUp} calls are discarded, then {@code runs} are kept.
     */
    static Timing timeEach(int warmUp, int runs, Supplier<Double> measuredCall) {
        for (int i = 0; i < warmUp; i++) {
            measuredCall.get();
        }
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = measuredCall.get();
        }
        return summary(values);
    }

    /** Median and worst of the figures. */
    static Timing summary(double[] values) {
        double[] ms = values.clone();
        Arrays.sort(ms);
        int runs = ms.length;
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        return new Timing(median, ms[runs - 1], runs);
    }

    /** The machine's load average (1, 5, 15 minutes) as /proc/loadavg gives it, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void signIn(UserDetailsService users, String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** The persistent benchmark database: {@code -Dveta.bench.db-dir}, {@code VETA_BENCH_DB_DIR} or ~/.veta/bench-mariadb. */
    static Path dbDir() {
        String configured = System.getProperty("veta.bench.db-dir", System.getenv("VETA_BENCH_DB_DIR"));
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".veta", "bench-mariadb")
                : Path.of(configured).toAbsolutePath();
    }

    /** Keeps a logger's lines (seeders and generators log their own time and rate). */
    static void capture(String loggerName, List<String> sink) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                sink.add(event.getFormattedMessage());
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /**
     * Runs the call once with MariaDB's general log on and returns the statements it sent that mention one of
     * the tables, each on one line.
     */
    static List<String> sqlSentBy(JdbcTemplate jdbc, Supplier<?> call, String... tables) {
        jdbc.execute("TRUNCATE TABLE mysql.general_log");
        jdbc.execute("SET GLOBAL log_output = 'TABLE'");
        jdbc.execute("SET GLOBAL general_log = 'ON'");
        try {
            call.get();
        } finally {
            jdbc.execute("SET GLOBAL general_log = 'OFF'");
        }
        String mentions = String.join(" OR ", Arrays.stream(tables).map(t -> "argument LIKE '%" + t + "%'").toList());
        List<String> statements = jdbc.queryForList("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                + " WHERE command_type IN ('Query', 'Execute') AND (" + mentions + ")"
                + " AND argument NOT LIKE '%general_log%' ORDER BY event_time", String.class);
        jdbc.execute("TRUNCATE TABLE mysql.general_log");
        return statements.stream().map(s -> s.replaceAll("\\s+", " ").strip()).toList();
    }

    /**
     * Runs the call once with MariaDB's general log on and returns every statement it sent with the time
     * (ms) from the call's first statement to the start of this one and the connection it came on: the gaps
     * show where the time goes, between and in the statements.
     */
    static List<String> sqlTimelineOf(JdbcTemplate jdbc, Supplier<?> call) {
        return sqlTimelineOf(jdbc, call, new ArrayList<>());
    }

    /** As {@link #sqlTimelineOf(JdbcTemplate, Supplier)}, also handing each statement in full to {@code statements}. */
    static List<String> sqlTimelineOf(JdbcTemplate jdbc, Supplier<?> call, List<String> statements) {
        jdbc.execute("TRUNCATE TABLE mysql.general_log");
        jdbc.execute("SET GLOBAL log_output = 'TABLE'");
        jdbc.execute("SET GLOBAL general_log = 'ON'");
        long t = System.nanoTime();
        try {
            call.get();
        } finally {
            jdbc.execute("SET GLOBAL general_log = 'OFF'");
        }
        double total = (System.nanoTime() - t) / 1e6;
        List<String> lines = new ArrayList<>(jdbc.query("SELECT TIMESTAMPDIFF(MICROSECOND, (SELECT MIN(event_time)"
                + " FROM mysql.general_log WHERE command_type IN ('Query', 'Execute') AND argument NOT LIKE '%general_log%'),"
                + " event_time), thread_id, CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                + " WHERE command_type IN ('Query', 'Execute') AND argument NOT LIKE '%general_log%'"
                + " ORDER BY event_time", (rs, n) -> {
                    String sql = rs.getString(3).replaceAll("\\s+", " ");
                    statements.add(sql);
                    return String.format(Locale.ROOT, "%8.1f ms  [%d]  %s", rs.getLong(1) / 1000.0, rs.getLong(2),
                            abbreviate(sql, 110));
                }));
        jdbc.execute("TRUNCATE TABLE mysql.general_log");
        lines.add(String.format(Locale.ROOT, "%8.1f ms  the call returned (measured in Java from its start)", total));
        return lines;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** Prints the result of a statement (EXPLAIN, ANALYZE, a count) as a table. */
    void table(JdbcTemplate jdbc, String sql) {
        List<String> rows = new ArrayList<>();
        jdbc.query(sql, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            if (rows.isEmpty()) {
                List<String> header = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    header.add(meta.getColumnLabel(c));
                }
                rows.add(String.join(" | ", header));
            }
            List<String> cells = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                cells.add(String.valueOf(rs.getString(c)));
            }
            rows.add(String.join(" | ", cells));
        });
        line("%s:", sql.startsWith("SET STATEMENT ") ? sql.substring(sql.indexOf(" FOR ") + 5).split(" ")[0]
                : sql.substring(0, sql.indexOf(' ')));
        rows.forEach(r -> line("  %s", r));
    }

    void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        text.append(s).append('\n');
        System.out.println(s);
    }

    void writeTo(Path out) throws IOException {
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("Report written to " + out.toAbsolutePath());
    }
}
