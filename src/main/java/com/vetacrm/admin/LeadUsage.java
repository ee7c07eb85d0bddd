package com.vetacrm.admin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The administration's view of {@link LeadReferences}. The lead module implements the port; without
 * it (an installation or test context that has no lead module) nothing can reference a stage, tag,
 * team or user, so usage is zero and there is nothing to move.
 */
@Component
class LeadUsage {

    private final ObjectProvider<LeadReferences> references;

    LeadUsage(ObjectProvider<LeadReferences> references) {
        this.references = references;
    }

    long inStage(long stageId) {
        LeadReferences r = references.getIfAvailable();
        return r == null ? 0 : r.countInStage(stageId);
    }

    void moveStage(long fromStageId, long toStageId) {
        LeadReferences r = references.getIfAvailable();
        if (r != null) {
            r.moveStage(fromStageId, toStageId);
        }
    }

    long tagged(long tagId) {
        LeadReferences r = references.getIfAvailable();
        return r == null ? 0 : r.countTagged(tagId);
    }

    void untagAll(long tagId) {
        LeadReferences r = references.getIfAvailable();
        if (r != null) {
            r.untagAll(tagId);
        }
    }

    long inTeam(long teamId) {
        LeadReferences r = references.getIfAvailable();
        return r == null ? 0 : r.countInTeam(teamId);
    }
}
