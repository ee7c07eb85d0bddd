package com.vetacrm.admin;

import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sales teams: who belongs where. Team membership decides what a salesperson sees. */
@Service
@Transactional(readOnly = true)
public class TeamService {

    private final SalesTeamRepository teams;

    TeamService(SalesTeamRepository teams) {
        this.teams = teams;
    }

    /** Active teams by name, for pickers and filters. */
    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public List<TeamSummary> findActive() {
        return teams.findSummaries(true);
    }

    @RolesAllowed({Role.Names.SALESPERSON, Role.Names.SALES_MANAGER, Role.Names.ADMIN})
    public Optional<TeamSummary> findById(long id) {
        return teams.findSummary(id);
    }

    /**
     * The teams a user belongs to (as member or leader). Not secured: other services call it to
     * decide what their caller may see, before their own checks.
     */
    public List<Long> teamIdsOf(long userId) {
        return teams.findTeamIdsOf(userId);
    }
}
