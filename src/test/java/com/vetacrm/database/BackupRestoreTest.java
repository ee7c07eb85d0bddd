package com.vetacrm.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.VetaApplication;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadService;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import com.vetacrm.testsupport.SignIns;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The backup and restore of docs/operations.md, done for real: {@code mariadb-dump --single-transaction
 * --routines --triggers} of a running Veta's database, loaded with the {@code mariadb} client into an empty
 * database, and a second Veta started on it (DB_URL) finds every row, applies no migration, signs users in with
 * their passwords and lists leads. Own JVM (tag own-jvm): a second application in one JVM replaces JVM-wide
 * security state.
 */
@Tag("own-jvm")
class BackupRestoreTest extends ServiceTest {

    private static final List<String> TABLES = List.of("app_user", "sales_team", "stage", "tag", "crm_lead",
            "lead_contact", "lead_tag", "chatter_entry", "directory_company", "directory_contact", "directory_count",
            "credit_account", "credit_entry", "app_setting", "country_state", "DATABASECHANGELOG");

    @Autowired
    EmbeddedMariaDb server;
    @Autowired
    DataSource dataSource;

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)));
        counts.put("directory_count sum", jdbc.queryForObject("SELECT SUM(companies) FROM directory_count", Long.class));
        return counts;
    }

    private void run(List<String> command, File in, File out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("LD_LIBRARY_PATH", server.baseDir().resolve("libs").toString());
        if (in != null) {
            pb.redirectInput(in);
        }
        if (out != null) {
            pb.redirectOutput(out);
        }
        Path err = Files.createTempFile("veta-backup", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command.getFirst()).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command.getFirst(), Files.readString(err)).isZero();
    }

    private List<String> client(String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(server.baseDir().resolve("bin").resolve(tool).toString(),
                "--host=127.0.0.1", "--port=" + server.port(), "--user=root"));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void aDumpOfTheDatabaseRestoresIntoAWorkingVeta() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String database = jdbc.queryForObject("SELECT DATABASE()", String.class);
        Map<String, Long> before = counts(jdbc);
        assertThat(before.get("crm_lead")).isPositive();
        assertThat(before.get("directory_company")).isPositive();
        Path dump = Files.createTempFile("veta-backup", ".sql");
        try {
            run(client("mariadb-dump", "--single-transaction", "--routines", "--triggers", "--events", database),
                    null, dump.toFile());
            // As docs/operations.md says: drop the triggers' DEFINER, which names the dumping server's account
            // (here the embedded server's anonymous one), so the restoring account becomes their definer.
            Files.writeString(dump, Files.readString(dump).replaceAll("DEFINER=`[^`]*`(@`[^`]*`)?", ""));
            String url = server.createDatabase("veta_restored");
            run(client("mariadb", "veta_restored"), dump.toFile(), null);

            try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(VetaApplication.class)
                    .properties("DB_URL=" + url, "DB_USER=root", "DB_PASSWORD=", "spring.main.banner-mode=off",
                            "server.port=0", "veta.directory.size=0", "veta.mining.poll-initial-delay=PT1H")
                    .run()) {
                JdbcTemplate restoredJdbc = new JdbcTemplate(restored.getBean(DataSource.class));
                assertThat(counts(restoredJdbc)).as("every row, and no migration applied again").isEqualTo(before);
                UserDetails manager = restored.getBean(UserDetailsService.class).loadUserByUsername(DemoUsers.MANAGER);
                assertThat(restored.getBean(PasswordEncoder.class)
                        .matches(DemoUsers.MANAGER_PASSWORD, manager.getPassword())).isTrue();
                LeadService leads = restored.getBean(LeadService.class);
                assertThat(SignIns.as(restored.getBean(UserDetailsService.class), DemoUsers.MANAGER,
                        () -> leads.findLeads(LeadQuery.all(), PageRequest.of(0, 20)))).hasSize(20);
                // the triggers came along: a new company is counted
                restoredJdbc.update("""
                        INSERT INTO directory_company (id, ref, name, domain, industry_code, employees, country_code, rank,
                            created_at, updated_at)
                        VALUES (99999999, 'restored-1', 'Restored', 'restored-1.example', 'retailing', 5, 'BE',
                            -99999999, NOW(), NOW())""");
                assertThat(restoredJdbc.queryForObject("SELECT SUM(companies) FROM directory_count", Long.class))
                        .isEqualTo(before.get("directory_count sum") + 1);
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }
}
