package com.vetacrm.directory;

import com.vetacrm.directory.DirectoryImportReport.Problem;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What both kinds of import share: checked rows wait in a batch of {@link #BATCH} and are written in one
 * transaction with JDBC batches (MariaDB Connector/J sends them in bulk), so good rows are committed batch
 * by batch whatever happens later in the file, and memory holds one batch. A batch the database refuses
 * (it should not: rows are checked first) is written again row by row, each in its own transaction, so
 * only the row at fault is rejected.
 *
 * @param <R> a checked row
 */
abstract class ImportBatches<R> {

    static final int BATCH = 500;
    static final int ROWS_PER_STATEMENT = 500;

    private static final Logger log = LoggerFactory.getLogger(ImportBatches.class);

    /** What writing a batch did; applied to the tally only once its transaction committed. */
    record Outcome(int created, int updated, List<Problem> rejected) {
    }

    protected final JdbcTemplate jdbc;
    protected final ImportHeader header;
    protected final ImportReference reference;
    protected final ImportTally tally;
    protected final SeenKeys seen = new SeenKeys();
    private final TransactionTemplate tx;
    private List<R> pending = new ArrayList<>(BATCH);

    ImportBatches(JdbcTemplate jdbc, TransactionTemplate tx, ImportHeader header, ImportReference reference,
            ImportTally tally) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.header = header;
        this.reference = reference;
        this.tally = tally;
    }

    /** Checks a row: the checked row, or null after reporting its problems in {@code check}. */
    protected abstract R check(ImportRowCheck check);

    /** Writes a batch of checked rows inside the caller's transaction; rows refused at this stage go into the outcome. */
    protected abstract Outcome write(List<R> rows);

    protected abstract long line(R row);

    protected abstract String ref(R row);

    /** Checks a row and queues it; returns true when a batch is due. */
    final boolean accept(CsvReader.Record record) {
        ImportRowCheck check = new ImportRowCheck(record.line(), header, record.values());
        R row = check(check);
        if (row == null || !check.ok()) {
            tally.reject(check.problems());
            return false;
        }
        pending.add(row);
        return pending.size() >= BATCH;
    }

    /** Writes the queued rows. */
    final void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<R> batch = pending;
        pending = new ArrayList<>(BATCH);
        try {
            apply(tx.execute(status -> write(batch)));
        } catch (DataAccessException e) {
            log.warn("Directory import: the database refused a batch of {} rows from line {}; writing them one by one",
                    batch.size(), line(batch.getFirst()), e);
            for (R row : batch) {
                try {
                    apply(tx.execute(status -> write(List.of(row))));
                } catch (DataAccessException rowError) {
                    log.warn("Directory import: line {} refused by the database: {}", line(row), rowError.getMessage());
                    tally.reject(List.of(ImportTally.problem(line(row), ref(row), null, "directory.import.row.database")));
                }
            }
        }
    }

    private void apply(Outcome outcome) {
        tally.created += outcome.created();
        tally.updated += outcome.updated();
        outcome.rejected().forEach(p -> tally.reject(List.of(p)));
    }

    static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Inserts rows with multi-row statements: {@code head VALUES (?, …), (?, …) … tail}, at most
     * {@link #ROWS_PER_STATEMENT} rows each. One statement per few hundred rows is parsed and executed once
     * by the server, where a JDBC batch of client-side prepared statements would send one statement a row.
     */
    protected final void insert(String head, int columns, String tail, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String tuple = "(" + placeholders(columns) + ")";
            String sql = head + " VALUES " + String.join(", ", java.util.Collections.nCopies(part.size(), tuple))
                    + (tail.isEmpty() ? "" : " " + tail);
            jdbc.update(sql, (PreparedStatement ps) -> {
                int i = 1;
                for (Object[] row : part) {
                    for (Object v : row) {
                        if (v == null) {
                            ps.setNull(i++, Types.VARCHAR);
                        } else {
                            ps.setObject(i++, v);
                        }
                    }
                }
            });
        }
    }
}
