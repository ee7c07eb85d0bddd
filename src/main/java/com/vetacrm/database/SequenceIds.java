package com.vetacrm.database;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return reserve(jdbc, Map.of(sequence, count)).get(sequence);
    }

    /**
     * {@link #reserve(JdbcOperations, String, int)} for several sequences in one round trip: a mining job takes ids
     * for its leads, contacts and chatter entries at once. Returns each sequence's ids (an empty array for a count
     * of 0 or less).
     */
    public static Map<String, long[]> reserve(JdbcOperations jdbc, Map<String, Integer> counts) {
        Map<String, long[]> reserved = new LinkedHashMap<>();
        Map<String, Integer> blocks = new LinkedHashMap<>();
        counts.forEach((sequence, count) -> {
            if (!NAME.matcher(sequence).matches()) {
                throw new IllegalArgumentException("Invalid sequence name: " + sequence);
            }
            if (count <= 0) {
                reserved.put(sequence, new long[0]);
                return;
            }
            checkIncrement(jdbc, sequence);
            // one extra value covers a skipped first value (1)
            blocks.put(sequence, (count + BLOCK - 1) / BLOCK + 1);
        });
        Map<String, List<Long>> values = nextValues(jdbc, blocks);
        blocks.keySet().forEach(sequence -> reserved.put(sequence, fill(jdbc, sequence, counts.get(sequence),
                values.get(sequence))));
        return reserved;
    }

    private static void checkIncrement(JdbcOperations jdbc, String sequence) {
        if (!CHECKED.contains(sequence)) {
            Long increment = jdbc.queryForObject("SELECT increment FROM " + sequence, Long.class);
            if (increment == null || increment != BLOCK) {
                throw new IllegalStateException("Sequence " + sequence + " advances by " + increment + ", not " + BLOCK
                        + ": ids taken in blocks of " + BLOCK + " could collide with Hibernate's");
            }
            CHECKED.add(sequence);
        }
    }

    /** {@code count} ids from the blocks these values end, reading more values if they were not enough. */
    private static long[] fill(JdbcOperations jdbc, String sequence, int count, List<Long> values) {
        long[] ids = new long[count];
        int filled = 0;
        while (true) {
            for (long v : values) {
                if (v < BLOCK) {
                    continue;
                }
                for (long id = v - BLOCK + 1; id <= v && filled < count; id++) {
                    ids[filled++] = id;
                }
                if (filled == count) {
                    java.util.Arrays.sort(ids);
                    return ids;
                }
            }
            values = nextValues(jdbc, Map.of(sequence, (count - filled + BLOCK - 1) / BLOCK)).get(sequence);
        }
    }

    /**
     * Values of each sequence (as many as asked), read in one round trip where MariaDB's sequence engine is there;
     * in one per value where it is not.
     */
    private static Map<String, List<Long>> nextValues(JdbcOperations jdbc, Map<String, Integer> n) {
        Map<String, List<Long>> values = new LinkedHashMap<>();
        if (n.isEmpty()) {
            return values;
        }
        List<String> sequences = List.copyOf(n.keySet());
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            values.put(sequences.get(i), new ArrayList<>());
            // seq_1_to_N is a virtual table of MariaDB's SEQUENCE engine; NEXTVAL is evaluated per row
            selects.add("SELECT " + i + ", NEXTVAL(" + sequences.get(i) + ") FROM seq_1_to_" + n.get(sequences.get(i)));
        }
        try {
            jdbc.query(String.join(" UNION ALL ", selects),
                    (ResultSet rs) -> {
                        values.get(sequences.get(rs.getInt(1))).add(rs.getLong(2));
                    });
        } catch (DataAccessException e) {
            values.forEach((sequence, list) -> {
                list.clear();
                for (int i = 0; i < n.get(sequence); i++) {
                    list.add(jdbc.queryForObject("SELECT NEXTVAL(" + sequence + ")", Long.class));
                }
            });
        }
        return values;
    }
}
