package com.vetacrm.admin;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts leads straight into the lead module's tables, so the administration's rules about stages, tags
 * and teams in use can be tested against real rows without going through the lead module's API.
 */
public final class TestLeads {

    private final JdbcTemplate jdbc;

    public TestLeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A lead in the stage, optionally in a team, carrying the tags; returns its id. */
    public long insert(String name, long stageId, Long teamId, long... tagIds) {
        long id = jdbc.queryForObject("SELECT NEXT VALUE FOR crm_lead_seq", Long.class);
        jdbc.update("""
                INSERT INTO crm_lead (id, type, name, stage_id, team_id, created_at, updated_at)
                VALUES (?, 'LEAD', ?, ?, ?, NOW(6), NOW(6))""", id, name, stageId, teamId);
        for (long tagId : tagIds) {
            jdbc.update("INSERT INTO lead_tag (lead_id, tag_id) VALUES (?, ?)", id, tagId);
        }
        return id;
    }

    public long stageOf(long leadId) {
        return jdbc.queryForObject("SELECT stage_id FROM crm_lead WHERE id = ?", Long.class, leadId);
    }

    public long stageId(String name) {
        return jdbc.queryForObject("SELECT id FROM stage WHERE name = ?", Long.class, name);
    }

    public long teamId(String name) {
        return jdbc.queryForObject("SELECT id FROM sales_team WHERE name = ?", Long.class, name);
    }

    public long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }

    public int tagsOnLead(long leadId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lead_tag WHERE lead_id = ?", Integer.class, leadId);
    }

    public boolean exists(String table, long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id) == 1;
    }
}
