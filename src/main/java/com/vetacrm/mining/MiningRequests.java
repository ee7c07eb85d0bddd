package com.vetacrm.mining;

import com.vetacrm.database.SequenceIds;
import com.vetacrm.lead.LeadType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mining_request table and its link tables (change 0019) in plain SQL: a request is written once on
 * submit, finished once by its job, and read as a grid page or one detail. Also the two database locks of
 * mining: request numbering and company selection, rows of {@code mining_lock} locked FOR UPDATE so they
 * hold across application nodes and end with the transaction.
 */
@Component
class MiningRequests {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MiningRequests(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A request as stored, with the form it was submitted with. */
    record Stored(long id, int numberSeq, MiningState state, MiningErrorType errorType, String errorDetail,
            MiningForm form, String sourceId, long createdBy, String createdByUsername, Long holdId, long creditsHeld, long creditsCharged,
            int leadsFound, int contactsFound, int attempts, Long retryOf, Instant submittedAt, Instant finishedAt) {

        String number() {
            return MiningRequestRow.number(numberSeq);
        }
    }

    /** The next request number, under the numbering lock (held until the caller's transaction ends). */
    int nextNumber() {
        jdbc.sql("SELECT name FROM mining_lock WHERE name = 'numbering' FOR UPDATE").query(String.class).single();
        return jdbc.sql("SELECT COALESCE(MAX(number_seq), 0) + 1 FROM mining_request").query(Integer.class).single();
    }

    /**
     * Serialises the selection of companies across jobs and nodes until the caller's transaction ends: the
     * next job selects only after this one's leads are committed, so two requests never get the same company.
     */
    void lockSelection() {
        jdbc.sql("SELECT name FROM mining_lock WHERE name = 'selection' FOR UPDATE").query(String.class).single();
    }

    Optional<Long> idByIdempotencyKey(String key) {
        return jdbc.sql("SELECT id FROM mining_request WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).optional();
    }

    long insert(int numberSeq, MiningState state, MiningErrorType errorType, String errorDetail, MiningForm f,
            String sourceId, long createdBy, String idempotencyKey, Long retryOf, Instant now) {
        long id = SequenceIds.reserve(template, "mining_request_seq", 1)[0];
        boolean contacts = f.withContacts();
        boolean role = contacts && f.getContactFilter() != ContactFilter.SENIORITY;
        jdbc.sql("""
                        INSERT INTO mining_request (id, number_seq, state, error_type, error_detail, search_type, lead_type,
                            lead_number, contact_number, contact_filter_type, preferred_role, seniority, filter_on_size,
                            size_min, size_max, team_id, salesperson_id, source_id, idempotency_key, retry_of_id,
                            created_by, submitted_at, finished_at)
                        VALUES (:id, :number, :state, :errorType, :errorDetail, :searchType, :leadType, :leadNumber,
                            :contactNumber, :contactFilter, :preferredRole, :seniority, :filterOnSize, :sizeMin, :sizeMax,
                            :team, :salesperson, :source, :key, :retryOf, :createdBy, :now, :finishedAt)""")
                .param("id", id).param("number", numberSeq).param("state", state.name())
                .param("errorType", errorType == null ? null : errorType.name())
                .param("errorDetail", cut(errorDetail, 1000))
                .param("searchType", f.getSearchType().name()).param("leadType", f.getLeadType().name())
                .param("leadNumber", f.getLeadNumber())
                .param("contactNumber", contacts ? f.getContactNumber() : null)
                .param("contactFilter", contacts ? f.getContactFilter().name() : null)
                .param("preferredRole", role ? f.getPreferredRole() : null)
                .param("seniority", contacts && !role ? f.getSeniority() : null)
                .param("filterOnSize", f.isFilterOnSize())
                .param("sizeMin", f.isFilterOnSize() ? f.getSizeMin() : null)
                .param("sizeMax", f.isFilterOnSize() ? f.getSizeMax() : null)
                .param("team", f.getTeamId()).param("salesperson", f.getSalespersonId()).param("source", sourceId)
                .param("key", idempotencyKey).param("retryOf", retryOf).param("createdBy", createdBy)
                .param("now", utc(now)).param("finishedAt", state.finished() ? utc(now) : null)
                .update();
        links("mining_request_country", "country_code", id, f.getCountries());
        links("mining_request_state", "state_code", id, f.getStates());
        links("mining_request_industry", "industry_code", id, f.getIndustries());
        if (role) {
            links("mining_request_role", "role_code", id, f.getOtherRoles());
        }
        links("mining_request_tag", "tag_id", id, f.getTagIds());
        return id;
    }

    private void links(String table, String column, long id, Collection<?> values) {
        if (values.isEmpty()) {
            return;
        }
        List<Object[]> rows = values.stream().map(v -> new Object[] {id, v}).toList();
        template.batchUpdate("INSERT INTO " + table + " (request_id, " + column + ") VALUES (?, ?)", rows);
    }

    void setHold(long id, long holdId, long amount) {
        jdbc.sql("UPDATE mining_request SET hold_id = :hold, credits_held = :amount WHERE id = :id")
                .param("hold", holdId).param("amount", amount).param("id", id).update();
    }

    /**
     * The request if it is still QUEUED and no other job holds it, locked until the caller's transaction ends;
     * empty when it finished or another node runs it right now (SKIP LOCKED: no waiting).
     */
    Optional<Long> lockQueued(long id) {
        return jdbc.sql("SELECT id FROM mining_request WHERE id = :id AND state = 'QUEUED' FOR UPDATE SKIP LOCKED")
                .param("id", id).query(Long.class).optional();
    }

    /** Who asked for a request, while it is QUEUED: one statement, for a job to decide whether to start. */
    Optional<Requester> queuedRequester(long id) {
        return jdbc.sql("SELECT r.created_by, u.username, r.number_seq FROM mining_request r"
                        + " JOIN app_user u ON u.id = r.created_by WHERE r.id = :id AND r.state = 'QUEUED'").param("id", id)
                .query((rs, n) -> new Requester(rs.getLong(1), rs.getString(2), MiningRequestRow.number(rs.getInt(3))))
                .optional();
    }

    /** A queued request's requester and number. */
    record Requester(long id, String username, String requestNumber) {
    }

    /** QUEUED requests, oldest first: the jobs a node should run. */
    List<Long> queued(int limit) {
        return jdbc.sql("SELECT id FROM mining_request WHERE state = 'QUEUED' ORDER BY id LIMIT :limit")
                .param("limit", limit).query(Long.class).list();
    }

    /** Locks a request that may be retried (NO_RESULT or ERROR); false when it is not (any more). */
    boolean lockRetryable(long id) {
        return jdbc.sql("SELECT id FROM mining_request WHERE id = :id AND state IN ('NO_RESULT', 'ERROR') FOR UPDATE")
                .param("id", id).query(Long.class).optional().isPresent();
    }

    /** Back to QUEUED with a new hold: a retry keeps the request's number and criteria. */
    void requeue(long id, long holdId, long held, int attempts) {
        jdbc.sql("""
                        UPDATE mining_request SET state = 'QUEUED', error_type = NULL, error_detail = NULL, hold_id = :hold,
                            credits_held = :held, credits_charged = 0, leads_found = 0, contacts_found = 0,
                            attempts = :attempts, finished_at = NULL, result_seen = FALSE, version = version + 1
                        WHERE id = :id""")
                .param("hold", holdId).param("held", held).param("attempts", attempts).param("id", id).update();
    }

    void finish(long id, MiningState state, MiningErrorType errorType, String errorDetail, int leads, int contacts,
            long charged, Instant at) {
        jdbc.sql("""
                        UPDATE mining_request SET state = :state, error_type = :errorType, error_detail = :detail,
                            leads_found = :leads, contacts_found = :contacts, credits_charged = :charged,
                            finished_at = :at, version = version + 1
                        WHERE id = :id""")
                .param("state", state.name()).param("errorType", errorType == null ? null : errorType.name())
                .param("detail", cut(errorDetail, 1000)).param("leads", leads).param("contacts", contacts)
                .param("charged", charged).param("at", utc(at)).param("id", id).update();
    }

    Optional<Stored> find(long id) {
        // one statement, the criteria's code lists as comma-joined lists (codes and ids hold no comma): a mining job
        // reads its request first thing, and six statements cost it 0.6 ms
        return jdbc.sql("""
                        SELECT r.*, u.username AS created_by_username,
                            (SELECT GROUP_CONCAT(country_code ORDER BY country_code) FROM mining_request_country
                                WHERE request_id = r.id) AS country_codes,
                            (SELECT GROUP_CONCAT(state_code ORDER BY state_code) FROM mining_request_state
                                WHERE request_id = r.id) AS state_codes,
                            (SELECT GROUP_CONCAT(industry_code ORDER BY industry_code) FROM mining_request_industry
                                WHERE request_id = r.id) AS industry_codes,
                            (SELECT GROUP_CONCAT(role_code ORDER BY role_code) FROM mining_request_role
                                WHERE request_id = r.id) AS role_codes,
                            (SELECT GROUP_CONCAT(tag_id ORDER BY tag_id) FROM mining_request_tag
                                WHERE request_id = r.id) AS tag_ids
                        FROM mining_request r JOIN app_user u ON u.id = r.created_by WHERE r.id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    Stored stored = stored(rs);
                    MiningForm f = stored.form();
                    f.setCountries(codes(rs.getString("country_codes")));
                    f.setStates(codes(rs.getString("state_codes")));
                    f.setIndustries(codes(rs.getString("industry_codes")));
                    f.setOtherRoles(codes(rs.getString("role_codes")));
                    f.setTagIds(codes(rs.getString("tag_ids")).stream().map(Long::valueOf)
                            .collect(Collectors.toCollection(LinkedHashSet::new)));
                    return stored;
                })
                .optional();
    }

    private static Set<String> codes(String joined) {
        return joined == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        MiningForm f = new MiningForm();
        f.setLeadNumber(rs.getInt("lead_number"));
        f.setSearchType(SearchType.valueOf(rs.getString("search_type")));
        f.setLeadType(LeadType.valueOf(rs.getString("lead_type")));
        f.setFilterOnSize(rs.getBoolean("filter_on_size"));
        f.setSizeMin(nullableInt(rs, "size_min"));
        f.setSizeMax(nullableInt(rs, "size_max"));
        Integer contactNumber = nullableInt(rs, "contact_number");
        f.setContactNumber(contactNumber == null ? MiningForm.DEFAULT_CONTACT_NUMBER : contactNumber);
        String filter = rs.getString("contact_filter_type");
        f.setContactFilter(filter == null ? ContactFilter.ROLE : ContactFilter.valueOf(filter));
        f.setPreferredRole(rs.getString("preferred_role"));
        f.setSeniority(rs.getString("seniority"));
        f.setTeamId(rs.getLong("team_id"));
        f.setSalespersonId(nullableLong(rs, "salesperson_id"));
        String errorType = rs.getString("error_type");
        return new Stored(rs.getLong("id"), rs.getInt("number_seq"), MiningState.valueOf(rs.getString("state")),
                errorType == null ? null : MiningErrorType.valueOf(errorType), rs.getString("error_detail"), f,
                rs.getString("source_id"), rs.getLong("created_by"), rs.getString("created_by_username"),
                nullableLong(rs, "hold_id"),
                rs.getLong("credits_held"), rs.getLong("credits_charged"), rs.getInt("leads_found"),
                rs.getInt("contacts_found"), rs.getInt("attempts"), nullableLong(rs, "retry_of_id"),
                instant(rs, "submitted_at"), instant(rs, "finished_at"));
    }

    // ---------------------------------------------------------------- the requests list

    private static final Map<String, String> SORTS = Map.of(
            "number", "r.number_seq",
            "state", "r.state",
            "leadsFound", "r.leads_found",
            "creditsCharged", "r.credits_charged",
            "submittedAt", "r.id");

    List<MiningRequestRow> rows(MiningRequestQuery q, Pageable page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        where.add("1 = 1");
        if (q.state() != null) {
            where.add("r.state = :state");
            p.put("state", q.state().name());
        }
        if (q.teamId() != null) {
            where.add("r.team_id = :team");
            p.put("team", q.teamId());
        }
        if (q.salespersonId() != null) {
            where.add("r.salesperson_id = :salesperson");
            p.put("salesperson", q.salespersonId());
        }
        if (q.id() != null) {
            where.add("r.id = :id");
            p.put("id", q.id());
        }
        List<String> order = new ArrayList<>();
        page.getSort().forEach(o -> {
            String column = SORTS.get(o.getProperty());
            if (column != null) {
                order.add(column + (o.isAscending() ? " ASC" : " DESC"));
            }
        });
        order.add("r.id DESC");  // newest first; unique, so pages never overlap
        List<MiningRequestRow> rows = jdbc.sql("""
                        SELECT r.*, t.name AS team_name, sp.display_name AS salesperson_name, cb.display_name AS created_by_name
                        FROM mining_request r
                        JOIN sales_team t ON t.id = r.team_id
                        LEFT JOIN app_user sp ON sp.id = r.salesperson_id
                        JOIN app_user cb ON cb.id = r.created_by
                        WHERE """ + " " + String.join(" AND ", where) + " ORDER BY " + String.join(", ", order)
                        + " LIMIT :limit OFFSET :offset")
                .params(p).param("limit", Math.clamp(page.getPageSize(), 1, 500)).param("offset", page.getOffset())
                .query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(MiningRequestRow::id).toList();
        Map<Long, List<String>> countries = linked("mining_request_country", "country_code", ids);
        Map<Long, List<String>> industries = linked("mining_request_industry", "industry_code", ids);
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("SELECT rt.request_id, g.name FROM mining_request_tag rt JOIN tag g ON g.id = rt.tag_id"
                        + " WHERE rt.request_id IN (:ids) ORDER BY g.name")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return rows.stream().map(r -> r.with(countries.getOrDefault(r.id(), List.of()),
                industries.getOrDefault(r.id(), List.of()), tags.getOrDefault(r.id(), List.of()))).toList();
    }

    Optional<MiningRequestRow> row(long id) {
        return rows(new MiningRequestQuery(null, null, null, id), Pageable.ofSize(1)).stream().findFirst();
    }

    private Map<Long, List<String>> linked(String table, String column, List<Long> ids) {
        Map<Long, List<String>> out = new HashMap<>();
        jdbc.sql("SELECT request_id, " + column + " FROM " + table + " WHERE request_id IN (:ids) ORDER BY " + column)
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    private static MiningRequestRow row(ResultSet rs) throws SQLException {
        String errorType = rs.getString("error_type");
        return new MiningRequestRow(rs.getLong("id"), rs.getInt("number_seq"), MiningState.valueOf(rs.getString("state")),
                errorType == null ? null : MiningErrorType.valueOf(errorType), rs.getString("error_detail"),
                SearchType.valueOf(rs.getString("search_type")), LeadType.valueOf(rs.getString("lead_type")),
                rs.getInt("lead_number"), nullableInt(rs, "contact_number"), List.of(), List.of(),
                rs.getInt("leads_found"), rs.getInt("contacts_found"), rs.getLong("credits_held"),
                rs.getLong("credits_charged"), rs.getLong("team_id"), rs.getString("team_name"),
                nullableLong(rs, "salesperson_id"), rs.getString("salesperson_name"), List.of(),
                rs.getLong("created_by"), rs.getString("created_by_name"), instant(rs, "submitted_at"),
                instant(rs, "finished_at"));
    }

    // ---------------------------------------------------------------- telling the requester

    /** The requester's finished requests they have not been told about yet, oldest first. */
    List<Long> unseen(long userId) {
        return jdbc.sql("SELECT id FROM mining_request WHERE created_by = :user AND result_seen = FALSE"
                        + " AND state <> 'QUEUED' ORDER BY id LIMIT 20")
                .param("user", userId).query(Long.class).list();
    }

    void markSeen(long id, long userId) {
        jdbc.sql("UPDATE mining_request SET result_seen = TRUE WHERE id = :id AND created_by = :user")
                .param("id", id).param("user", userId).update();
    }

    // ---------------------------------------------------------------- helpers

    static LocalDateTime utc(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
