package com.vetacrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.vetacrm.VetaApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the directory generator takes to write N companies with their contacts and technologies into
 * a fresh embedded database (issue targets: 20,000 in 20 s, 1,000,000 in 10 minutes on 2 cores). Not part
 * of the test run: only the {@code bench} profile runs it, e.g.
 * <pre>
 * ./mvnw -o -Pbench test -Dtest=DirectoryGenerationBench -Dveta.bench.directory.size=20000
 * ./mvnw -o -Pbench test -Dtest=DirectoryGenerationBench                 # 1,000,000
 * </pre>
 * The database is a scratch one ({@code target/bench/directory-mariadb}, or
 * {@code -Dveta.bench.directory.db-dir}), deleted when the JVM exits. Appends to
 * {@code target/bench/directory-generation.txt}. See docs/performance.md.
 */
@Tag("bench")
class DirectoryGenerationBench {

    private static final int SIZE = Integer.getInteger("veta.bench.directory.size", 1_000_000);

    @Test
    void generateADirectory() throws IOException {
        Path dbDir = Path.of(System.getProperty("veta.bench.directory.db-dir", "target/bench/directory-mariadb"))
                .toAbsolutePath();
        List<String> log = new CopyOnWriteArrayList<>();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        StringBuilder report = new StringBuilder();
        // the appender is added once Spring Boot has set logging up, before the runners (the generator) start
        SpringApplicationBuilder builder = new SpringApplicationBuilder(VetaApplication.class)
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof ApplicationStartedEvent) {
                        capture("com.vetacrm.directory.DirectoryGenerator", log);
                    }
                });
        try (ConfigurableApplicationContext app = builder.run(
                "--veta.embedded-db.dir=" + dbDir, "--veta.embedded-db.ephemeral=true",
                "--veta.embedded-db.database=veta_directory_bench", "--veta.embedded-db.port=0",
                "--veta.demo.enabled=false", "--veta.directory.size=" + SIZE, "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.com.vetacrm=INFO")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long companies = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company", Long.class);
            long contacts = jdbc.queryForObject("SELECT COUNT(*) FROM directory_contact", Long.class);
            long technologies = jdbc.queryForObject("SELECT COUNT(*) FROM directory_company_technology", Long.class);
            assertThat(companies).isEqualTo(SIZE);
            line(report, "Directory generation, %,d companies (%d processors, load average %.1f at start), database in %s",
                    SIZE, Runtime.getRuntime().availableProcessors(), load, dbDir);
            line(report, "  start-up to ready: %.1f s", (System.nanoTime() - start) / 1e9);
            log.stream().filter(m -> m.startsWith("Company directory generated") || m.startsWith("Directory:"))
                    .forEach(m -> line(report, "  generator: %s", m));
            line(report, "  rows: %,d companies, %,d contacts (%.2f per company), %,d technologies (%.2f per company)",
                    companies, contacts, (double) contacts / companies, technologies, (double) technologies / companies);
            jdbc.execute("ANALYZE TABLE directory_company, directory_contact, directory_company_technology");
            jdbc.query("""
                    SELECT table_name, ROUND(data_length / 1048576), ROUND(index_length / 1048576)
                    FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 'directory%' AND table_type = 'BASE TABLE'
                    ORDER BY table_name""", rs -> {
                line(report, "  %-30s %,6d MB data %,6d MB indexes", rs.getString(1), rs.getLong(2), rs.getLong(3));
            });
        } finally {
            Path out = Path.of("target", "bench", "directory-generation.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    private static void capture(String loggerName, List<String> sink) {
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

    private static void line(StringBuilder report, String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        report.append(s).append('\n');
        System.out.println(s);
    }
}
