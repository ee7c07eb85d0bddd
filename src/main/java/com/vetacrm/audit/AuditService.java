package com.vetacrm.audit;

import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.security.VetaPrincipal;
import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and lists audit entries. {@link #record} joins the caller's transaction (it must have one): an entry
 * exists exactly when the change it describes was committed. It is not secured itself — the calling feature
 * has checked its caller — and attributes the entry to the signed-in user. Reading is for administrators.
 */
@Service
public class AuditService {

    private static final int MAX_DETAILS = 2_000;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock = Clock.systemUTC();

    AuditService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String targetType, Object targetId, String details) {
        Optional<VetaPrincipal> who = currentUser.get();
        jdbc.sql("""
                        INSERT INTO audit_entry (created_at, user_id, user_name, action, target_type, target_id, details)
                        VALUES (:at, :userId, :userName, :action, :targetType, :targetId, :details)""")
                .param("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("userId", who.map(VetaPrincipal::id).orElse(null))
                .param("userName", who.map(VetaPrincipal::displayName).orElse(null))
                .param("action", action.name()).param("targetType", targetType)
                .param("targetId", targetId == null ? null : String.valueOf(targetId))
                .param("details", details == null || details.length() <= MAX_DETAILS ? details
                        : details.substring(0, MAX_DETAILS))
                .update();
    }

    /** A page of entries, newest first; no total is counted. */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.Names.ADMIN)
    public List<AuditEntry> entries(AuditFilter filter, Pageable page) {
        AuditFilter f = filter == null ? AuditFilter.none() : filter;
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> p = new HashMap<>();
        if (f.action() != null) {
            where.add("action = :action");
            p.put("action", f.action().name());
        }
        if (f.userId() != null) {
            where.add("user_id = :userId");
            p.put("userId", f.userId());
        }
        if (f.from() != null) {
            where.add("created_at >= :from");
            p.put("from", LocalDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.add("created_at < :to");
            p.put("to", LocalDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        return jdbc.sql("SELECT * FROM audit_entry WHERE " + String.join(" AND ", where)
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", Math.clamp(page.getPageSize(), 1, 500)).param("offset", page.getOffset())
                .query((rs, n) -> entry(rs)).list();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        long userId = rs.getLong("user_id");
        Long user = rs.wasNull() ? null : userId;
        Instant at = rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
        return new AuditEntry(rs.getLong("id"), at, user, rs.getString("user_name"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("target_type"), rs.getString("target_id"),
                rs.getString("details"));
    }
}
