package com.vetacrm.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Ids for rows written with plain JDBC into tables whose entities Hibernate also writes, taken from
 * the same database sequence so the two can never collide.
 * <p>
 * Veta's sequences advance by 50 and the entities use {@code allocationSize = 50}: Hibernate's pooled
 * optimizer reads a value {@code v} with {@code NEXTVAL} and hands out {@code v-49 .. v}. Taking ids
 * the same way (each value read reserves the 50 ids up to and including it) keeps every id unique
 * whoever reads the sequence next. A value below 50 (the sequence's first, 1) is skipped: Hibernate
 * treats it specially, so its block is not safe to use.
 */
public final class SequenceIds {

    /** The increment of every Veta sequence and the allocation size of every entity. */
    public static final int BLOCK = 50;

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,63}");
    /**
     * Sequences whose increment was found right, once per JVM: only a migration changes a sequence, and migrations
     * run before Veta serves. A mining job reserves from three sequences; checking each every time cost it three
     * more round trips.
     */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private SequenceIds() {
    }

    /**
     * Reserves at least {@code count} ids from {@code sequence} and returns exactly {@code count} of
     * them, ascending. Call it inside the transaction that inserts the rows (or not: a reserved id that
     * is never used is only a gap). Refuses a sequence whose increment is not {@link #BLOCK}.
     */
    public static long[] reserve(JdbcOperations jdbc, String sequence, int count) {
        if (!NAME.matcher(sequence).matches()) {
            throw new IllegalArgumentException("Invalid sequence name: " + sequence);
        }
        if (count <= 0) {
            return new long[0];
        }
        if (!CHECKED.contains(sequence)) {
            Long increment = jdbc.queryForObject("SELECT increment FROM " + sequence, Long.class);
            if (increment == null || increment != BLOCK) {
                throw new IllegalStateException("Sequence " + sequence + " advances by " + increment + ", not " + BLOCK
                        + ": ids taken in blocks of " + BLOCK + " could collide with Hibernate's");
            }
            CHECKED.add(sequence);
        }
        long[] ids = new long[count];
        int filled = 0;
        while (filled < count) {
            // one extra value covers a skipped first value (1)
            int blocks = (count - filled + BLOCK - 1) / BLOCK + (filled == 0 ? 1 : 0);
            for (long v : nextValues(jdbc, sequence, blocks)) {
                if (v < BLOCK) {
                    continue;
                }
                for (long id = v - BLOCK + 1; id <= v && filled < count; id++) {
                    ids[filled++] = id;
                }
                if (filled == count) {
                    break;
                }
            }
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    /** {@code n} values of the sequence, read in one round trip where MariaDB's sequence engine is there. */
    private static List<Long> nextValues(JdbcOperations jdbc, String sequence, int n) {
        try {
            // seq_1_to_N is a virtual table of MariaDB's SEQUENCE engine; NEXTVAL is evaluated per row
            return jdbc.queryForList("SELECT NEXTVAL(" + sequence + ") FROM seq_1_to_" + n, Long.class);
        } catch (DataAccessException e) {
            List<Long> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(jdbc.queryForObject("SELECT NEXTVAL(" + sequence + ")", Long.class));
            }
            return values;
        }
    }
}
