package com.vetacrm.lead;

import com.vetacrm.admin.TagSummary;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of leads: the grid, the pipeline and the export, in SQL written for the indexes of
 * changes 0005 and 0010 (their plans are in docs/performance.md). Names of stages, teams, users and
 * tags are joined in by id rather than loaded as entities: a page costs one query plus one for its tags,
 * and no count over the whole table is ever made for the grid.
 */
@Component
class LeadQueries {

    static final int MAX_PAGE = 500;

    /** Sort properties the grid may ask for, mapped to SQL; anything else is ignored. */
    private static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("name", "l.name"),
            Map.entry("partnerName", "l.partner_name"),
            Map.entry("contactName", "l.contact_name"),
            Map.entry("email", "l.email"),
            Map.entry("countryCode", "l.country_code"),
            Map.entry("salespersonName", "u.display_name"),
            Map.entry("teamName", "t.name"),
            Map.entry("stageName", "s.sequence"),
            Map.entry("type", "l.type"),
            Map.entry("expectedRevenue", "l.expected_revenue"),
            Map.entry("createdAt", "l.created_at"));

    /**
     * stage_id is NOT NULL with a foreign key, so the outer join returns the same rows as an inner one; it
     * keeps MariaDB from starting the plan at the six stages and sorting every lead (docs/performance.md).
     */
    private static final String ROW_COLUMNS = """
            l.id, l.type, l.name, l.partner_name, l.contact_name, l.email, l.phone, l.country_code,
            l.salesperson_id, u.display_name AS salesperson_name, l.team_id, t.name AS team_name,
            l.stage_id, s.name AS stage_name, l.expected_revenue, l.created_at, l.active
            FROM crm_lead l
            LEFT JOIN stage s ON s.id = l.stage_id
            LEFT JOIN app_user u ON u.id = l.salesperson_id
            LEFT JOIN sales_team t ON t.id = l.team_id
            """;

    private final JdbcClient jdbc;

    LeadQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A WHERE clause and its parameters. */
    record Where(String sql, Map<String, Object> params) {
    }

    static Where where(LeadQuery q, LeadScope scope, boolean pipeline) {
        List<String> and = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        LeadStatus status = pipeline ? LeadStatus.ACTIVE : q.status();
        switch (status) {
            case ACTIVE -> and.add("l.active = 1");
            case LOST -> and.add("l.active = 0 AND l.lost_at IS NOT NULL");
            case ARCHIVED -> and.add("l.active = 0 AND l.lost_at IS NULL");
        }
        if (!scope.allTeams()) {
            if (scope.teamIds().isEmpty()) {
                and.add("1 = 0");
            } else if (scope.teamIds().size() == 1) {
                // equality, not IN: lets the (team_id, active, ...) indexes also give the order
                and.add("l.team_id = :scopeTeam");
                p.put("scopeTeam", scope.teamIds().getFirst());
            } else {
                and.add("l.team_id IN (:scopeTeams)");
                p.put("scopeTeams", scope.teamIds());
            }
        }
        if (q.mine()) {
            and.add("l.salesperson_id = :me");
            p.put("me", scope.userId());
        }
        if (q.teamId() != null) {
            and.add("l.team_id = :team");
            p.put("team", q.teamId());
        }
        if (q.salespersonId() != null) {
            and.add("l.salesperson_id = :salesperson");
            p.put("salesperson", q.salespersonId());
        }
        if (!q.tagIds().isEmpty()) {
            // a correlated probe per row rather than EXISTS: MariaDB turns EXISTS into a semi-join that starts
            // from every lead carrying the tag and sorts them all; the probe lets the (owner, active, created_at)
            // index give the order and stops after one page (docs/performance.md)
            and.add("(SELECT 1 FROM lead_tag lt WHERE lt.lead_id = l.id AND lt.tag_id IN (:tags) LIMIT 1) IS NOT NULL");
            p.put("tags", q.tagIds());
        }
        if (q.text() != null) {
            and.add("(l.name LIKE :text OR l.partner_name LIKE :text OR l.email LIKE :text OR l.contact_name LIKE :text)");
            p.put("text", "%" + escapeLike(q.text()) + "%");
        }
        if (!pipeline) {
            if (q.countryCode() != null) {
                and.add("l.country_code = :country");
                p.put("country", q.countryCode());
            }
            if (q.stageId() != null) {
                and.add("l.stage_id = :stage");
                p.put("stage", q.stageId());
            }
            if (q.type() != null) {
                and.add("l.type = :type");
                p.put("type", q.type().name());
            }
            if (q.createdFrom() != null) {
                and.add("l.created_at >= :createdFrom");
                p.put("createdFrom", q.createdFrom().atStartOfDay());
            }
            if (q.createdTo() != null) {
                and.add("l.created_at < :createdTo");
                p.put("createdTo", q.createdTo().plusDays(1).atStartOfDay());
            }
            if (q.miningRequestId() != null) {
                and.add("l.mining_request_id = :miningRequest");
                p.put("miningRequest", q.miningRequestId());
            }
        }
        return new Where(String.join(" AND ", and), p);
    }

    /** Escapes LIKE's wildcards so a user's "50%" matches "50%" and not every record starting with 50. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = SORTS.get(o.getProperty());
            if (column != null) {
                parts.add(column + (o.isAscending() ? " ASC" : " DESC"));
            }
        }
        if (parts.isEmpty()) {
            return "l.created_at DESC, l.id DESC";
        }
        parts.add("l.id DESC");
        return String.join(", ", parts);
    }

    /** Whether the order is on crm_lead's own columns only (not salesperson, team or stage name). */
    static boolean onLeadColumnsOnly(Sort sort) {
        return sort.stream().map(o -> SORTS.get(o.getProperty())).allMatch(c -> c == null || c.startsWith("l."));
    }

    /**
     * One page of the grid. When the order is on the lead's own columns (the default, newest first, and every
     * sort but salesperson, team and stage name) the page is found first by id alone — a derived table that
     * the owner's {@code (…, active, created_at)} index answers without reading a row, skipping the OFFSET
     * entries in the index — and only its rows are then read and joined ("late row look-up"). Paging by OFFSET
     * alone read every skipped row: page 50 read 17,414 rows to return 50 (docs/performance.md, "Deep pages").
     * Same rows, same order: the outer query sorts the page's rows the same way.
     */
    List<LeadRow> rows(LeadQuery q, LeadScope scope, Pageable page) {
        Where w = where(q, scope, false);
        int size = Math.clamp(page.getPageSize(), 1, MAX_PAGE);
        String order = orderBy(page.getSort());
        String sql = !onLeadColumnsOnly(page.getSort())
                ? "SELECT " + ROW_COLUMNS + " WHERE " + w.sql() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset"
                : "SELECT " + ROW_COLUMNS.replace("FROM crm_lead l", "FROM (SELECT l.id FROM crm_lead l WHERE " + w.sql()
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset) page JOIN crm_lead l ON l.id = page.id")
                        + " ORDER BY " + order;
        List<LeadRow> rows = jdbc.sql(sql)
                .params(w.params()).param("limit", size).param("offset", page.getOffset())
                .query((rs, n) -> row(rs, List.of()))
                .list();
        Map<Long, List<TagSummary>> tags = tagsOf(rows.stream().map(LeadRow::id).toList());
        return rows.stream().map(r -> withTags(r, tags.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Streams every matching row, in grid order, to {@code sink}; used by the CSV export. */
    void streamRows(LeadQuery q, LeadScope scope, Sort sort, Consumer<LeadRow> sink) {
        Where w = where(q, scope, false);
        // MariaDB Connector/J streams the result set when a fetch size is set, so memory stays flat
        jdbc.sql("SELECT " + ROW_COLUMNS + " WHERE " + w.sql() + " ORDER BY " + orderBy(sort))
                .params(w.params())
                .withFetchSize(1000)
                .query((ResultSet rs) -> {
                    List<LeadRow> batch = new ArrayList<>(500);
                    do {
                        batch.add(row(rs, List.of()));
                        if (batch.size() == 500) {
                            flush(batch, sink);
                        }
                    } while (rs.next());
                    flush(batch, sink);
                });
    }

    private void flush(List<LeadRow> batch, Consumer<LeadRow> sink) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, List<TagSummary>> tags = tagsOf(batch.stream().map(LeadRow::id).toList());
        batch.forEach(r -> sink.accept(withTags(r, tags.getOrDefault(r.id(), List.of()))));
        batch.clear();
    }

    /** Count and revenue per stage; of one stage only when {@code onlyStageId} is set. */
    List<PipelineColumnCount> columnCounts(LeadQuery q, LeadScope scope, Long onlyStageId) {
        return columnCounts(q, scope, onlyStageId, List.of());
    }

    /**
     * Count and revenue per stage (of one stage only when {@code onlyStageId} is set), leaving out the leads
     * {@code excluding} names: a column that shows some cards apart (pinned on top) counts the rest.
     */
    List<PipelineColumnCount> columnCounts(LeadQuery q, LeadScope scope, Long onlyStageId, Collection<Long> excluding) {
        Where w = where(q, scope, true);
        String stage = onlyStageId == null ? "" : " AND l.stage_id = :onlyStage";
        Map<String, Object> params = new HashMap<>(w.params());
        if (onlyStageId != null) {
            params.put("onlyStage", onlyStageId);
        }
        String exclude = excluding.isEmpty() ? "" : " AND l.id NOT IN (:excluding)";
        if (!excluding.isEmpty()) {
            params.put("excluding", List.copyOf(excluding));
        }
        return jdbc.sql("SELECT l.stage_id, COUNT(*) AS n, COALESCE(SUM(l.expected_revenue), 0) AS revenue"
                        + " FROM crm_lead l WHERE " + w.sql() + stage + exclude + " GROUP BY l.stage_id")
                .params(params)
                .query((rs, n) -> new PipelineColumnCount(rs.getLong("stage_id"), rs.getLong("n"),
                        rs.getBigDecimal("revenue")))
                .list();
    }

    record PipelineColumnCount(long stageId, long count, BigDecimal revenue) {
    }

    List<LeadCard> cards(LeadQuery q, LeadScope scope, long stageId, int offset, int limit) {
        return cards(q, scope, stageId, offset, limit, List.of());
    }

    /**
     * A page of a column's cards, leaving out the leads {@code excluding} names (cards the column shows apart,
     * pinned on top). The exclusion is a filter on the rows the column's index walks in its order; the order
     * and the index are those of the column without it.
     */
    List<LeadCard> cards(LeadQuery q, LeadScope scope, long stageId, int offset, int limit, Collection<Long> excluding) {
        Where w = where(q, scope, true);
        Map<String, Object> params = new HashMap<>(w.params());
        String exclude = "";
        if (!excluding.isEmpty()) {
            exclude = " AND l.id NOT IN (:excluding)";
            params.put("excluding", List.copyOf(excluding));
        }
        List<LeadCard> cards = jdbc.sql("""
                        SELECT l.id, l.type, l.name, l.partner_name, l.expected_revenue, l.priority, l.salesperson_id,
                               u.display_name AS salesperson_name, l.stage_id
                        FROM crm_lead l LEFT JOIN app_user u ON u.id = l.salesperson_id
                        WHERE l.stage_id = :column""" + " AND " + w.sql() + exclude
                        + " ORDER BY l.priority DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("column", stageId)
                .param("limit", Math.clamp(limit, 1, 100)).param("offset", Math.max(0, offset))
                .query((rs, n) -> new LeadCard(rs.getLong("id"), LeadType.valueOf(rs.getString("type")),
                        rs.getString("name"), rs.getString("partner_name"), rs.getBigDecimal("expected_revenue"),
                        rs.getInt("priority"), nullableLong(rs, "salesperson_id"), rs.getString("salesperson_name"),
                        rs.getLong("stage_id"), List.of()))
                .list();
        Map<Long, List<TagSummary>> tags = tagsOf(cards.stream().map(LeadCard::id).toList());
        return cards.stream().map(c -> new LeadCard(c.id(), c.type(), c.name(), c.partnerName(), c.expectedRevenue(),
                c.priority(), c.salespersonId(), c.salespersonName(), c.stageId(),
                tags.getOrDefault(c.id(), List.of()))).toList();
    }

    Map<Long, List<TagSummary>> tagsOf(Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<TagSummary>> result = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT lt.lead_id, g.id, g.name, g.color FROM lead_tag lt JOIN tag g ON g.id = lt.tag_id
                        WHERE lt.lead_id IN (:ids) ORDER BY g.name
                        """)
                .param("ids", leadIds)
                .query((ResultSet rs) -> {
                    result.computeIfAbsent(rs.getLong("lead_id"), k -> new ArrayList<>())
                            .add(new TagSummary(rs.getLong("id"), rs.getString("name"), rs.getString("color")));
                });
        return result;
    }

    private static LeadRow row(ResultSet rs, List<TagSummary> tags) throws SQLException {
        return new LeadRow(rs.getLong("id"), LeadType.valueOf(rs.getString("type")), rs.getString("name"),
                rs.getString("partner_name"), rs.getString("contact_name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("country_code"), nullableLong(rs, "salesperson_id"),
                rs.getString("salesperson_name"), nullableLong(rs, "team_id"), rs.getString("team_name"),
                rs.getLong("stage_id"), rs.getString("stage_name"), tags, rs.getBigDecimal("expected_revenue"),
                utc(rs, "created_at"), rs.getBoolean("active"));
    }

    private static LeadRow withTags(LeadRow r, List<TagSummary> tags) {
        return new LeadRow(r.id(), r.type(), r.name(), r.partnerName(), r.contactName(), r.email(), r.phone(),
                r.countryCode(), r.salespersonId(), r.salespersonName(), r.teamId(), r.teamName(), r.stageId(),
                r.stageName(), tags, r.expectedRevenue(), r.createdAt(), r.active());
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** DATETIME columns hold UTC (hibernate.jdbc.time_zone); read them as such whatever the JVM's zone. */
    static Instant utc(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
