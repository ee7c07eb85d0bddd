package com.vetacrm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The credit ledger's invariants (DESIGN §6, docs/credits.md), checked on the database itself: credits tests
 * call {@link #check} after every test, so no test can leave the ledger inconsistent.
 * <ul>
 * <li>balance = the sum of the settled entries; held = the sum of the open holds; balance − held ≥ 0;</li>
 * <li>replaying the entries in the order they were written gives every entry's balance_after and held_after,
 * and never a state with less than zero available: the history itself shows no overdraft ever happened;</li>
 * <li>each hold is reserved by one HOLD entry; a settled hold's CAPTURE and RELEASE entries add up to it; an
 * open hold has neither; its refunds add up to its refunded credits;</li>
 * <li>each approved purchase has exactly one PURCHASE entry of its credits; other purchases have none.</li>
 * </ul>
 */
public final class CreditInvariants {

    private static final Set<String> SETTLED = Set.of("GRANT", "PURCHASE", "CAPTURE", "REFUND", "ADJUST");
    private static final Set<String> CHANGES_HELD = Set.of("HOLD", "RELEASE", "CAPTURE");

    private CreditInvariants() {
    }

    public static void check(JdbcTemplate jdbc) {
        for (Map<String, Object> account : jdbc.queryForList("SELECT id, balance, held FROM credit_account")) {
            long id = ((Number) account.get("id")).longValue();
            long balance = ((Number) account.get("balance")).longValue();
            long held = ((Number) account.get("held")).longValue();
            assertThat(held).as("held").isNotNegative();
            assertThat(balance - held).as("balance − held").isNotNegative();
            assertThat(sum(jdbc, """
                    SELECT COALESCE(SUM(amount), 0) FROM credit_entry
                    WHERE account_id = ? AND kind IN ('GRANT','PURCHASE','CAPTURE','REFUND','ADJUST')""", id))
                    .as("balance = sum of the settled entries").isEqualTo(balance);
            assertThat(sum(jdbc, "SELECT COALESCE(SUM(amount), 0) FROM credit_hold WHERE account_id = ? AND state = 'OPEN'", id))
                    .as("held = sum of the open holds").isEqualTo(held);
            replay(jdbc, id, balance, held);
        }
        holds(jdbc);
        purchases(jdbc);
    }

    private static void replay(JdbcTemplate jdbc, long accountId, long balance, long held) {
        long b = 0;
        long h = 0;
        List<Map<String, Object>> entries = jdbc.queryForList(
                "SELECT id, kind, amount, balance_after, held_after FROM credit_entry WHERE account_id = ? ORDER BY id",
                accountId);
        for (Map<String, Object> e : entries) {
            String kind = (String) e.get("kind");
            long amount = ((Number) e.get("amount")).longValue();
            if (SETTLED.contains(kind)) {
                b += amount;
            }
            if (CHANGES_HELD.contains(kind)) {
                h += amount;
            }
            assertThat(((Number) e.get("balance_after")).longValue()).as("balance_after of entry " + e.get("id")).isEqualTo(b);
            assertThat(((Number) e.get("held_after")).longValue()).as("held_after of entry " + e.get("id")).isEqualTo(h);
            assertThat(h).as("held after entry " + e.get("id")).isNotNegative();
            assertThat(b - h).as("available after entry " + e.get("id")).isNotNegative();
        }
        assertThat(b).as("balance after the last entry").isEqualTo(balance);
        assertThat(h).as("held after the last entry").isEqualTo(held);
    }

    private static void holds(JdbcTemplate jdbc) {
        for (Map<String, Object> hold : jdbc.queryForList("SELECT id, amount, state, captured, refunded FROM credit_hold")) {
            long id = ((Number) hold.get("id")).longValue();
            long amount = ((Number) hold.get("amount")).longValue();
            String state = (String) hold.get("state");
            String as = "hold " + id;
            assertThat(sum(jdbc, "SELECT COALESCE(SUM(amount), 0) FROM credit_entry WHERE hold_id = ? AND kind = 'HOLD'", id))
                    .as(as + " reserved by its HOLD entry").isEqualTo(amount);
            assertThat(sum(jdbc, "SELECT COUNT(*) FROM credit_entry WHERE hold_id = ? AND kind = 'HOLD'", id))
                    .as(as + " has one HOLD entry").isEqualTo(1);
            long captured = -sum(jdbc, "SELECT COALESCE(SUM(amount), 0) FROM credit_entry WHERE hold_id = ? AND kind = 'CAPTURE'", id);
            long released = -sum(jdbc, "SELECT COALESCE(SUM(amount), 0) FROM credit_entry WHERE hold_id = ? AND kind = 'RELEASE'", id);
            switch (state) {
                case "OPEN" -> assertThat(captured + released).as(as + " open: nothing captured or released").isZero();
                case "CAPTURED" -> {
                    assertThat(captured).as(as + " captured").isPositive().isEqualTo(((Number) hold.get("captured")).longValue());
                    assertThat(captured + released).as(as + " settled in full").isEqualTo(amount);
                }
                case "RELEASED" -> {
                    assertThat(captured).as(as + " released: nothing captured").isZero();
                    assertThat(released).as(as + " released in full").isEqualTo(amount);
                }
                default -> throw new AssertionError(as + " has state " + state);
            }
            assertThat(sum(jdbc, "SELECT COALESCE(SUM(amount), 0) FROM credit_entry WHERE hold_id = ? AND kind = 'REFUND'", id))
                    .as(as + " refunds").isEqualTo(((Number) hold.get("refunded")).longValue());
        }
    }

    private static void purchases(JdbcTemplate jdbc) {
        for (Map<String, Object> p : jdbc.queryForList("SELECT id, credits, state, entry_id FROM credit_purchase")) {
            long id = ((Number) p.get("id")).longValue();
            long entries = sum(jdbc, "SELECT COUNT(*) FROM credit_entry WHERE kind = 'PURCHASE' AND reference = ?",
                    "purchase-" + id);
            if ("APPROVED".equals(p.get("state"))) {
                assertThat(entries).as("purchase " + id + " credited once").isEqualTo(1);
                assertThat(sum(jdbc, "SELECT amount FROM credit_entry WHERE id = ?", p.get("entry_id")))
                        .as("purchase " + id + " credits").isEqualTo(((Number) p.get("credits")).longValue());
            } else {
                assertThat(entries).as("purchase " + id + " not credited").isZero();
            }
        }
    }

    private static long sum(JdbcTemplate jdbc, String sql, Object... args) {
        Long v = jdbc.queryForObject(sql, Long.class, args);
        return v == null ? 0 : v;
    }
}
