package com.vetacrm.lead;

import java.util.List;

/**
 * Which leads the caller may see and change (DESIGN §1): managers and admins all of them, a
 * salesperson those of their own teams. Every query and every change of {@link LeadService} goes
 * through it, so a guessed id of another team's lead is simply not found.
 */
record LeadScope(long userId, String userName, boolean allTeams, List<Long> teamIds) {

    boolean covers(Long teamId) {
        return allTeams || teamId != null && teamIds.contains(teamId);
    }
}
