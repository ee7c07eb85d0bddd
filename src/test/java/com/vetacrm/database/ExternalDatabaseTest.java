package com.vetacrm.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.VetaApplication;
import com.vetacrm.testsupport.ServiceTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With DB_URL / DB_USER / DB_PASSWORD set, Veta uses that MariaDB and starts no embedded one.
 * The "external" server here is the test JVM's MariaDB with a separate, empty database.
 * Runs in its own JVM (tag own-jvm): a second application in one JVM replaces JVM-wide security state.
 */
@Tag("own-jvm")
class ExternalDatabaseTest extends ServiceTest {

    @Autowired
    EmbeddedMariaDb server;

    @Test
    void withDbUrlSetVetaInstallsItselfThereWithoutDemoLoginsAndStartsNoEmbeddedDatabase() throws Exception {
        String url = server.createDatabase("veta_external");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VetaApplication.class)
                .properties("DB_URL=" + url, "DB_USER=root", "DB_PASSWORD=", "spring.main.banner-mode=off",
                        "server.port=0")
                .run()) {
            assertThat(app.getBeanNamesForType(EmbeddedDatabaseConfiguration.class)).isEmpty();
            DataSource dataSource = app.getBean(DataSource.class);
            try (Connection c = dataSource.getConnection()) {
                assertThat(c.getMetaData().getURL()).contains("/veta_external");
            }
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String master = new String(getClass().getResourceAsStream("/db/changelog/db.changelog-master.xml")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class))
                    .isEqualTo(master.split("<include ", -1).length - 1);
            // production default: no demo logins on an external database, one admin with a generated password
            assertThat(jdbc.queryForList("SELECT username FROM app_user ORDER BY username", String.class))
                    .containsExactly("admin");
            assertThat(jdbc.queryForList("SELECT name FROM stage ORDER BY sequence", String.class))
                    .containsExactly("New", "Qualified", "Proposition", "Negotiation", "On Hold", "Won");
        }
    }
}
