package com.vetacrm.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finished Lead Mining Request rows for credit tests whose holds and ledger entries name a request by id: the
 * credits module stores only the id, and since change 0019 a foreign key requires the row. The rows are
 * ERROR/FAILED (so no job picks them up) and already told to their requester (so no notice shows them).
 */
public final class MiningRequestRows {

    private MiningRequestRows() {
    }

    public static void ensure(JdbcTemplate jdbc, long... ids) {
        for (long id : ids) {
            jdbc.update("""
                    INSERT IGNORE INTO mining_request (id, number_seq, state, error_type, search_type, lead_type,
                        lead_number, team_id, source_id, result_seen, created_by, submitted_at)
                    VALUES (?, ?, 'ERROR', 'FAILED', 'COMPANIES', 'LEAD', 1, (SELECT MIN(id) FROM sales_team), 'test',
                        TRUE, (SELECT MIN(id) FROM app_user), NOW(6))""", id, 900_000 + (int) id);
        }
    }
}
