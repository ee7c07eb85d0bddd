package com.vetacrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.vetacrm.testsupport.DemoUsers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checks {@code LeadService.createMined} makes before it writes (one query since issue 7): the same rules
 * as a lead saved by hand. The records themselves are covered by MiningServiceTest; here the batch is empty,
 * so only the checks run.
 */
class LeadMinedChecksTest extends LeadServiceTestBase {

    private static MinedLeads batch(long teamId, Long salespersonId, Set<Long> tagIds) {
        return new MinedLeads(1, LeadType.LEAD, teamId, salespersonId, tagIds, true, List.of());
    }

    private List<Long> mine(MinedLeads batch) {
        return as(DemoUsers.MANAGER, () -> leads.createMined(batch));
    }

    @Test
    void anActiveTeamASalespersonOfItAndExistingTagsPass() {
        Set<Long> tags = Set.of(tagList().get(0).id(), tagList().get(1).id());
        assertThat(mine(batch(salesTeam(), userId(DemoUsers.SALES), tags))).isEmpty();
        assertThat(mine(batch(salesTeam(), null, Set.of()))).isEmpty();
    }

    @Test
    void aManagerMayBeTheSalespersonOfATeamTheyAreNotIn() {
        assertThat(mine(batch(otherTeam(), userId(DemoUsers.MANAGER), Set.of()))).isEmpty();
    }

    @Test
    void anUnknownOrInactiveTeamIsRefused() {
        assertRefused(() -> mine(batch(987_654_321L, null, Set.of())), "lead.error.teamNotFound");
        long team = otherTeam();
        jdbc.update("UPDATE sales_team SET active = 0 WHERE id = ?", team);
        assertRefused(() -> mine(batch(team, null, Set.of())), "lead.error.teamNotFound");
    }

    @Test
    void anUnknownOrInactiveSalespersonIsRefused() {
        assertRefused(() -> mine(batch(salesTeam(), 987_654_321L, Set.of())), "lead.error.salespersonNotFound");
        long sales = userId(DemoUsers.SALES);
        jdbc.update("UPDATE app_user SET active = 0 WHERE id = ?", sales);
        try {
            assertRefused(() -> mine(batch(salesTeam(), sales, Set.of())), "lead.error.salespersonNotFound");
        } finally {
            jdbc.update("UPDATE app_user SET active = 1 WHERE id = ?", sales);
        }
    }

    @Test
    void aSalespersonOutsideTheTeamIsRefused() {
        assertRefused(() -> mine(batch(otherTeam(), userId(DemoUsers.SALES), Set.of())),
                "lead.error.salespersonNotInTeam");
    }

    @Test
    void anUnknownTagIsRefused() {
        assertRefused(() -> mine(batch(salesTeam(), null, Set.of(tagList().getFirst().id(), 987_654_321L))),
                "lead.error.tagNotFound");
    }
}
