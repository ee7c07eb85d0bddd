package com.vetacrm.credits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL of the credits tables (changes 0016 and 0017), nothing else: the rules are in {@link AccountState}
 * and {@link CreditService}. Plain SQL because the ledger is about explicit locks and conditional writes.
 * <p>
 * Every read a change depends on is a locking read ({@code FOR UPDATE}), taken after the account row's lock:
 * under REPEATABLE READ a plain read could see an older snapshot than the last committed hold, a locking
 * read always sees the latest. Locks are always taken in the order account, then hold or purchase.
 */
@Component
class CreditLedger {

    enum HoldState {
        OPEN,
        CAPTURED,
        RELEASED
    }

    record AccountRow(long id, long balance, long held) {

        AccountState state() {
            return new AccountState(balance, held);
        }
    }

    record HoldRow(long id, long accountId, String reference, long amount, HoldState state, long captured,
            long refunded, Long miningRequestId) {

        CreditHold toHold() {
            return new CreditHold(id, amount, reference, miningRequestId);
        }
    }

    record PurchaseRow(long id, long credits, PurchaseState state, String provider) {
    }

    private static final String HOLD_COLUMNS =
            "id, account_id, reference, amount, state, captured, refunded, mining_request_id FROM credit_hold";

    private static final String PURCHASE_QUERY = """
            SELECT p.id, p.credits, p.state, p.provider, p.provider_reference, r.display_name AS requested_by_name,
                   p.requested_at, d.display_name AS decided_by_name, p.decided_at, p.note
            FROM credit_purchase p
            JOIN app_user r ON r.id = p.requested_by
            LEFT JOIN app_user d ON d.id = p.decided_by
            """;

    private final JdbcClient jdbc;

    CreditLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- account

    /** Locks the service's account row until the transaction ends; empty when it does not exist yet. */
    Optional<AccountRow> lockAccount(String service) {
        return jdbc.sql("SELECT id, balance, held FROM credit_account WHERE service = :service FOR UPDATE")
                .param("service", service)
                .query((rs, n) -> new AccountRow(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional();
    }

    Optional<AccountRow> readAccount(String service) {
        return jdbc.sql("SELECT id, balance, held FROM credit_account WHERE service = :service")
                .param("service", service)
                .query((rs, n) -> new AccountRow(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional();
    }

    Optional<AccountRow> lockAccount(long accountId) {
        return jdbc.sql("SELECT id, balance, held FROM credit_account WHERE id = :id FOR UPDATE")
                .param("id", accountId)
                .query((rs, n) -> new AccountRow(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional();
    }

    /**
     * Creates the account with {@code balance} credits unless it exists, and returns its id; empty when it
     * existed. A second node inserting at the same moment waits on the unique key for the first transaction
     * and then inserts nothing. The row is born with its balance, so the creator never has to lock it again
     * through the unique key (which, while the other node waits there, InnoDB would report as a deadlock).
     */
    Optional<Long> insertAccountIfAbsent(String service, long balance, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                INSERT IGNORE INTO credit_account (service, balance, held, version, created_at)
                VALUES (:service, :balance, 0, 0, :at)""")
                .param("service", service)
                .param("balance", balance)
                .param("at", utc(at))
                .update(key);
        return inserted == 1 ? Optional.of(key.getKey().longValue()) : Optional.empty();
    }

    void updateAccount(long accountId, AccountState state) {
        jdbc.sql("UPDATE credit_account SET balance = :balance, held = :held, version = version + 1 WHERE id = :id")
                .param("balance", state.balance())
                .param("held", state.held())
                .param("id", accountId)
                .update();
    }

    // ---------------------------------------------------------------- entries

    /** The ledger entry's columns, for one row ({@link #insertEntry}) or several ({@link #insertEntries}). */
    private static final String INSERT_ENTRY = """
            INSERT INTO credit_entry (account_id, kind, amount, balance_after, held_after, hold_id, mining_request_id,
                reference, user_id, note, created_at)
            VALUES """;

    /** Writes one ledger entry; {@code after} is the account's state once the entry applies. */
    long insertEntry(long accountId, CreditEntryKind kind, long amount, AccountState after, Long holdId,
            Long miningRequestId, String reference, Long userId, String note, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT_ENTRY
                        + "(:account, :kind, :amount, :balance, :held, :hold, :request, :reference, :user, :note, :at)")
                .param("account", accountId)
                .param("kind", kind.name())
                .param("amount", amount)
                .param("balance", after.balance())
                .param("held", after.held())
                .param("hold", holdId)
                .param("request", miningRequestId)
                .param("reference", reference)
                .param("user", userId)
                .param("note", note)
                .param("at", utc(at))
                .update(key);
        return key.getKey().longValue();
    }

    /** A ledger entry to write; {@code after} is the account's state once it applies. */
    record NewEntry(CreditEntryKind kind, long amount, AccountState after, Long holdId, Long miningRequestId,
            String reference, Long userId) {
    }

    /**
     * Writes these entries in one statement, their ids ascending in the list's order: a settlement's capture and
     * release, in one round trip of a mining job instead of two.
     */
    void insertEntries(long accountId, List<NewEntry> entries, Instant at) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        params.put("at", utc(at));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            NewEntry e = entries.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", e.kind().name());
            row.put("amount", e.amount());
            row.put("balance", e.after().balance());
            row.put("held", e.after().held());
            row.put("hold", e.holdId());
            row.put("request", e.miningRequestId());
            row.put("reference", e.reference());
            row.put("user", e.userId());
            String suffix = "_" + i;
            row.forEach((name, value) -> params.put(name + suffix, value));
            rows.add("(:account, " + row.keySet().stream().map(name -> ":" + name + suffix)
                    .collect(Collectors.joining(", ")) + ", NULL, :at)");
        }
        jdbc.sql(INSERT_ENTRY + String.join(", ", rows)).params(params).update();
    }

    /**
     * A page of entries, newest first. Entries are written under the account's lock with the time read after
     * taking it, so (created_at, id) is the order in which they changed the account.
     */
    List<CreditEntryRow> entries(long accountId, LedgerFilter filter, long offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, e.kind, e.amount, e.balance_after, e.held_after, e.hold_id, e.mining_request_id,
                       e.reference, u.display_name, e.note, e.created_at
                FROM credit_entry e LEFT JOIN app_user u ON u.id = e.user_id
                WHERE e.account_id = :account""");
        List<String> kinds = filter.kinds().stream().map(Enum::name).sorted().toList();
        if (!kinds.isEmpty()) {
            sql.append(" AND e.kind IN (:kinds)");
        }
        if (filter.from() != null) {
            sql.append(" AND e.created_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" AND e.created_at < :to");
        }
        if (filter.miningRequestId() != null) {
            // ix_credit_entry_mining_request; the account condition is then checked on a handful of rows
            sql.append(" AND e.mining_request_id = :request");
        }
        sql.append(" ORDER BY e.created_at DESC, e.id DESC LIMIT :limit OFFSET :offset");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("account", accountId)
                .param("limit", limit).param("offset", offset);
        if (!kinds.isEmpty()) {
            spec = spec.param("kinds", kinds);
        }
        if (filter.from() != null) {
            spec = spec.param("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            spec = spec.param("to", utc(filter.to()));
        }
        if (filter.miningRequestId() != null) {
            spec = spec.param("request", filter.miningRequestId());
        }
        return spec.query((rs, n) -> new CreditEntryRow(rs.getLong(1), CreditEntryKind.valueOf(rs.getString(2)),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), nullableLong(rs, 6), nullableLong(rs, 7),
                rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11))).list();
    }

    /** The credits charged for a mining request: the sum of its CAPTURE entries, as a positive number. */
    long capturedFor(long miningRequestId) {
        return jdbc.sql("SELECT COALESCE(-SUM(amount), 0) FROM credit_entry WHERE kind = 'CAPTURE' AND mining_request_id = :id")
                .param("id", miningRequestId)
                .query(Long.class)
                .single();
    }

    // ---------------------------------------------------------------- holds

    long insertHold(long accountId, String reference, long amount, Long miningRequestId, Long userId, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO credit_hold (account_id, reference, amount, state, captured, refunded, mining_request_id,
                    created_by, created_at)
                VALUES (:account, :reference, :amount, 'OPEN', 0, 0, :request, :user, :at)""")
                .param("account", accountId)
                .param("reference", reference)
                .param("amount", amount)
                .param("request", miningRequestId)
                .param("user", userId)
                .param("at", utc(at))
                .update(key);
        return key.getKey().longValue();
    }

    Optional<HoldRow> lockHold(long accountId, String reference) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " WHERE account_id = :account AND reference = :reference FOR UPDATE")
                .param("account", accountId)
                .param("reference", reference)
                .query(CreditLedger::hold)
                .optional();
    }

    Optional<HoldRow> lockHold(long holdId) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " WHERE id = :id FOR UPDATE")
                .param("id", holdId)
                .query(CreditLedger::hold)
                .optional();
    }

    /** An account row and one of its holds (empty when the account has no hold of that id). */
    record AccountAndHold(AccountRow account, Optional<HoldRow> hold) {
    }

    /**
     * Locks the service's account row and, when it is the account's, the hold, in one statement: the outer join
     * reads (and locks) the account before the hold, the order every change keeps. Settling a hold needs both, and
     * a mining job settles one per request. Empty when the account does not exist yet.
     */
    Optional<AccountAndHold> lockAccountAndHold(String service, long holdId) {
        return jdbc.sql("SELECT a.id, a.balance, a.held, h.id, h.account_id, h.reference, h.amount, h.state, h.captured,"
                        + " h.refunded, h.mining_request_id FROM credit_account a LEFT JOIN credit_hold h ON h.id = :hold"
                        + " AND h.account_id = a.id WHERE a.service = :service FOR UPDATE")
                .param("service", service)
                .param("hold", holdId)
                .query((rs, n) -> {
                    AccountRow account = new AccountRow(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    // no hold of that id on this account: the outer join's hold columns are null
                    return new AccountAndHold(account,
                            rs.getObject(4) == null ? Optional.empty() : Optional.of(holdAt(rs, 4)));
                })
                .optional();
    }

    Optional<HoldRow> readHold(long accountId, String reference) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " WHERE account_id = :account AND reference = :reference")
                .param("account", accountId)
                .param("reference", reference)
                .query(CreditLedger::hold)
                .optional();
    }

    Optional<HoldRow> readHold(long holdId) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " WHERE id = :id")
                .param("id", holdId)
                .query(CreditLedger::hold)
                .optional();
    }

    /**
     * Settles an open hold and gives its account the state after the settlement, in one statement (both rows are
     * locked by the caller): one round trip of a mining job instead of two.
     */
    void settleHold(long holdId, HoldState state, long captured, Instant at, long accountId, AccountState after) {
        jdbc.sql("""
                        UPDATE credit_hold h JOIN credit_account a ON a.id = h.account_id
                        SET h.state = :state, h.captured = :captured, h.settled_at = :at,
                            a.balance = :balance, a.held = :held, a.version = a.version + 1
                        WHERE h.id = :id AND a.id = :account AND h.state = 'OPEN'""")
                .param("state", state.name())
                .param("captured", captured)
                .param("at", utc(at))
                .param("balance", after.balance())
                .param("held", after.held())
                .param("id", holdId)
                .param("account", accountId)
                .update();
    }

    void addRefund(long holdId, long amount) {
        jdbc.sql("UPDATE credit_hold SET refunded = refunded + :amount WHERE id = :id")
                .param("amount", amount)
                .param("id", holdId)
                .update();
    }

    private static HoldRow hold(ResultSet rs, int n) throws SQLException {
        return holdAt(rs, 1);
    }

    /** The hold whose columns ({@link #HOLD_COLUMNS}' order) start at column {@code first}. */
    private static HoldRow holdAt(ResultSet rs, int first) throws SQLException {
        return new HoldRow(rs.getLong(first), rs.getLong(first + 1), rs.getString(first + 2), rs.getLong(first + 3),
                HoldState.valueOf(rs.getString(first + 4)), rs.getLong(first + 5), rs.getLong(first + 6),
                nullableLong(rs, first + 7));
    }

    // ---------------------------------------------------------------- purchases

    long insertPurchase(long accountId, long credits, String provider, long requestedBy, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO credit_purchase (account_id, credits, state, provider, requested_by, requested_at)
                VALUES (:account, :credits, 'REQUESTED', :provider, :user, :at)""")
                .param("account", accountId)
                .param("credits", credits)
                .param("provider", provider)
                .param("user", requestedBy)
                .param("at", utc(at))
                .update(key);
        return key.getKey().longValue();
    }

    void setProviderReference(long purchaseId, String reference) {
        jdbc.sql("UPDATE credit_purchase SET provider_reference = :reference WHERE id = :id")
                .param("reference", reference)
                .param("id", purchaseId)
                .update();
    }

    Optional<PurchaseRow> lockPurchase(long purchaseId) {
        return jdbc.sql("SELECT id, credits, state, provider FROM credit_purchase WHERE id = :id FOR UPDATE")
                .param("id", purchaseId)
                .query((rs, n) -> new PurchaseRow(rs.getLong(1), rs.getLong(2), PurchaseState.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .optional();
    }

    void decidePurchase(long purchaseId, PurchaseState state, long decidedBy, Instant at, String note, Long entryId) {
        jdbc.sql("""
                UPDATE credit_purchase SET state = :state, decided_by = :user, decided_at = :at, note = :note,
                    entry_id = :entry
                WHERE id = :id AND state = 'REQUESTED'""")
                .param("state", state.name())
                .param("user", decidedBy)
                .param("at", utc(at))
                .param("note", note)
                .param("entry", entryId)
                .param("id", purchaseId)
                .update();
    }

    Optional<CreditPurchase> purchase(long purchaseId) {
        return jdbc.sql(PURCHASE_QUERY + " WHERE p.id = :id")
                .param("id", purchaseId)
                .query(CreditLedger::purchase)
                .optional();
    }

    /** A page of purchases in the given states (all when empty), newest request first. */
    List<CreditPurchase> purchases(long accountId, Set<PurchaseState> states, long offset, int limit) {
        List<String> names = new ArrayList<>(states.stream().map(Enum::name).sorted().toList());
        String sql = PURCHASE_QUERY + " WHERE p.account_id = :account"
                + (names.isEmpty() ? "" : " AND p.state IN (:states)")
                + " ORDER BY p.requested_at DESC, p.id DESC LIMIT :limit OFFSET :offset";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("account", accountId).param("limit", limit)
                .param("offset", offset);
        if (!names.isEmpty()) {
            spec = spec.param("states", names);
        }
        return spec.query(CreditLedger::purchase).list();
    }

    private static CreditPurchase purchase(ResultSet rs, int n) throws SQLException {
        return new CreditPurchase(rs.getLong("id"), rs.getLong("credits"), PurchaseState.valueOf(rs.getString("state")),
                rs.getString("provider"), rs.getString("provider_reference"), rs.getString("requested_by_name"),
                instant(rs, "requested_at"), rs.getString("decided_by_name"), instant(rs, "decided_at"),
                rs.getString("note"));
    }

    // ---------------------------------------------------------------- users

    /** Whether the user is an active administrator: who may approve a purchase. */
    boolean isActiveAdministrator(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE id = :id AND role = 'ADMIN' AND active = 1")
                .param("id", userId)
                .query(Long.class)
                .single() > 0;
    }

    // ---------------------------------------------------------------- helpers

    /** Veta stores every timestamp as UTC without zone (DATETIME(6)). */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
