package com.vetacrm.lead;

import com.vetacrm.admin.LeadReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the administration which leads use a stage, tag, team or user, and moves or removes those
 * references when it deletes one. Runs in the administration's transaction, so the deletion and the
 * moves commit together or not at all.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadReferencesAdapter implements LeadReferences {

    private final JdbcClient jdbc;

    LeadReferencesAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countInStage(long stageId) {
        return jdbc.sql("SELECT COUNT(*) FROM crm_lead WHERE stage_id = ?").param(stageId).query(Long.class).single();
    }

    @Override
    public void moveStage(long fromStageId, long toStageId) {
        jdbc.sql("UPDATE crm_lead SET stage_id = ?, version = version + 1 WHERE stage_id = ?")
                .param(toStageId).param(fromStageId).update();
    }

    @Override
    public long countTagged(long tagId) {
        return jdbc.sql("SELECT COUNT(*) FROM lead_tag WHERE tag_id = ?").param(tagId).query(Long.class).single();
    }

    @Override
    public void untagAll(long tagId) {
        jdbc.sql("DELETE FROM lead_tag WHERE tag_id = ?").param(tagId).update();
    }

    @Override
    public long countInTeam(long teamId) {
        return jdbc.sql("SELECT COUNT(*) FROM crm_lead WHERE team_id = ?").param(teamId).query(Long.class).single();
    }

    @Override
    public long countAssignedTo(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM crm_lead WHERE salesperson_id = ?").param(userId).query(Long.class).single();
    }
}
