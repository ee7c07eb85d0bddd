package com.vetacrm.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Isolates test classes on the one MariaDB of the test JVM: the first call copies every table
 * (after Liquibase and the initial data ran) into a snapshot schema; each later call puts every
 * table back to that copy. Far cheaper than a Spring context or a server per class.
 */
final class DatabaseSnapshot {

    private static boolean taken;

    private DatabaseSnapshot() {
    }

    static synchronized void restore(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String db = c.getCatalog();
            String snapshot = db + "_snapshot";
            List<String> tables = tables(s, db);
            if (!taken) {
                s.execute("DROP DATABASE IF EXISTS `" + snapshot + "`");
                s.execute("CREATE DATABASE `" + snapshot + "`");
                for (String t : tables) {
                    s.execute("CREATE TABLE `" + snapshot + "`.`" + t + "` LIKE `" + db + "`.`" + t + "`");
                    s.execute("INSERT INTO `" + snapshot + "`.`" + t + "` SELECT * FROM `" + db + "`.`" + t + "`");
                }
                taken = true;
                return;
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String t : tables) {
                    s.execute("DELETE FROM `" + db + "`.`" + t + "`");
                    s.execute("INSERT INTO `" + db + "`.`" + t + "` SELECT * FROM `" + snapshot + "`.`" + t + "`");
                }
            } finally {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset the test database", e);
        }
    }

    private static List<String> tables(Statement s, String db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + db + "' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'DATABASECHANGELOG%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
