package com.vetacrm.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mining requests with ids 1 to {@value #COUNT} for tests of the credit ledger, which refers to requests by id
 * (the ledger's foreign keys to {@code mining_request}, change 0019, need the rows). Finished, empty requests;
 * inserted once per test class (the database is reset before the next one) with MariaDB's sequence table.
 */
public final class MiningRequestRows {

    public static final int COUNT = 5_000;

    private MiningRequestRows() {
    }

    public static void exist(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT IGNORE INTO mining_request (id, number_seq, state, search_type, lead_type, lead_number, team_id,
                    source_id, created_by, submitted_at, finished_at)
                SELECT seq, seq, 'DONE', 'COMPANIES', 'LEAD', 1, (SELECT MIN(id) FROM sales_team), 'test',
                    (SELECT MIN(id) FROM app_user), NOW(), NOW()
                FROM seq_1_to_""" + COUNT);
    }
}
