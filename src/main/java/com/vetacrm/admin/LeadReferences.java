package com.vetacrm.admin;

/**
 * What the administration needs to know about leads before it deletes a stage, tag, team or user, so
 * that nothing is orphaned. Implemented by the lead module (which depends on this one, not the other
 * way round); a deletion asks first and offers to move or remove the references.
 */
public interface LeadReferences {

    /** Leads and opportunities (active or not) in the stage. */
    long countInStage(long stageId);

    /** Moves every lead of one stage to another, in the caller's transaction. */
    void moveStage(long fromStageId, long toStageId);

    /** Leads carrying the tag. */
    long countTagged(long tagId);

    /** Takes the tag off every lead, in the caller's transaction. */
    void untagAll(long tagId);

    /** Leads assigned to the team. */
    long countInTeam(long teamId);

    /** Leads assigned to the user as salesperson. */
    long countAssignedTo(long userId);
}
