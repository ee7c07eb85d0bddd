package com.vetacrm.lead;

import java.time.Instant;
import java.util.List;

/**
 * A lead as its page shows it: the editable draft plus what the user cannot edit directly.
 *
 * @param won true when the lead is in a won stage
 */
public record LeadDetails(long id, LeadDraft draft, boolean active, boolean won, String lostReason, Instant wonAt,
        Instant lostAt, Long miningRequestId, Instant createdAt, String createdByName, Instant updatedAt,
        List<LeadContactRow> contacts) {

    public LeadStatus status() {
        if (active) {
            return LeadStatus.ACTIVE;
        }
        return lostAt != null ? LeadStatus.LOST : LeadStatus.ARCHIVED;
    }
}
