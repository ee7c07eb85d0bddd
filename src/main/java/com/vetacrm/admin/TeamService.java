package com.vetacrm.admin;

import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales teams: who belongs where. Team membership decides what a salesperson sees.
 * <p>
 * The leader is always a member. Only active users join a team, but a member who was deactivated later
 * stays until an administrator removes them, so editing a team never fails because of someone else's
 * account. A team that still has leads cannot be deleted (they would lose their team); it can be
 * deactivated instead.
 */
@Service
@Transactional(readOnly = true)
public class TeamService {

    private final SalesTeamRepository teams;
    private final AppUserRepository users;
    private final LeadUsage leadUsage;

    TeamService(SalesTeamRepository teams, AppUserRepository users, LeadUsage leadUsage) {
        this.teams = teams;
        this.users = users;
        this.leadUsage = leadUsage;
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
     * The teams a user belongs to (as member or leader). Other services call it to decide what their
     * (signed-in) caller may see, before their own checks; any signed-in user may ask.
     */
    @PreAuthorize("isAuthenticated()")
    public List<Long> teamIdsOf(long userId) {
        return teams.findTeamIdsOf(userId);
    }

    /** Every team, active or not, by name, with its member count: the administrators' list (a few rows). */
    @RolesAllowed(Role.Names.ADMIN)
    public List<TeamOverview> findAllForAdmin() {
        return teams.findOverviews();
    }

    /** A team as the edit form opens it, members by name. */
    @RolesAllowed(Role.Names.ADMIN)
    public TeamDetails getTeam(long id) {
        SalesTeam team = load(id);
        AppUser leader = team.getLeader();
        List<UserSummary> members = team.getMembers().stream()
                .sorted(Comparator.comparing(AppUser::getDisplayName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(AppUser::getId))
                .map(UserSummary::of)
                .toList();
        return new TeamDetails(team.getId(), team.getVersion(), team.getName(),
                leader == null ? null : UserSummary.of(leader), members, team.isActive());
    }

    /** Leads and opportunities assigned to the team, so the delete dialog can say why it refuses. */
    @RolesAllowed(Role.Names.ADMIN)
    public long countLeads(long teamId) {
        return leadUsage.inTeam(teamId);
    }

    /** Creates ({@code id} null) or changes a team. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public TeamSummary saveTeam(TeamEdit edit) {
        String name = Inputs.requiredName(edit.name(), AdminRules.TEAM_NAME_MAX_LENGTH,
                "teams.error.name.required", "teams.error.name.tooLong");
        teams.findByName(name).filter(other -> !other.getId().equals(edit.id())).ifPresent(other -> {
            throw new BusinessRuleException("teams.error.name.taken", name);
        });

        SalesTeam team;
        if (edit.id() == null) {
            team = new SalesTeam(name, null);
        } else {
            team = load(edit.id());
            Inputs.requireVersion(SalesTeam.class, edit.id(), edit.version(), team.getVersion());
            team.rename(name);
        }
        Set<Long> currentMembers = team.getMembers().stream().map(AppUser::getId).collect(Collectors.toSet());

        AppUser leader = null;
        if (edit.leaderId() != null) {
            leader = users.findById(edit.leaderId())
                    .orElseThrow(() -> new BusinessRuleException("teams.error.leader.notFound"));
            boolean unchanged = team.getLeader() != null && team.getLeader().getId().equals(leader.getId());
            if (!leader.isActive() && !unchanged) {
                throw new BusinessRuleException("teams.error.leader.inactive", leader.getDisplayName());
            }
        }

        Set<Long> memberIds = new HashSet<>(edit.memberIds());
        if (leader != null) {
            memberIds.add(leader.getId());
        }
        Map<Long, AppUser> members = users.findAllById(memberIds).stream()
                .collect(Collectors.toMap(AppUser::getId, Function.identity()));
        if (members.size() != memberIds.size()) {
            throw new BusinessRuleException("teams.error.member.notFound");
        }
        for (AppUser member : members.values()) {
            if (!member.isActive() && !currentMembers.contains(member.getId())) {
                throw new BusinessRuleException("teams.error.member.inactive", member.getDisplayName());
            }
        }

        team.setLeader(leader);
        team.setActive(edit.active());
        team.getMembers().removeIf(m -> !memberIds.contains(m.getId()));
        team.getMembers().addAll(members.values());
        try {
            SalesTeam saved = teams.saveAndFlush(team);
            return new TeamSummary(saved.getId(), saved.getName(), leader == null ? null : leader.getId(),
                    leader == null ? null : leader.getDisplayName(), saved.isActive());
        } catch (DataIntegrityViolationException e) {
            // another administrator took the name between our check and the write
            throw new BusinessRuleException("teams.error.name.taken", name);
        }
    }

    /** Deletes a team without leads; its memberships go with it. */
    @Transactional
    @RolesAllowed(Role.Names.ADMIN)
    public void deleteTeam(long id) {
        SalesTeam team = load(id);
        long leads = leadUsage.inTeam(id);
        if (leads > 0) {
            throw new BusinessRuleException("teams.error.hasLeads", team.getName(), leads);
        }
        teams.delete(team);
    }

    private SalesTeam load(long id) {
        return teams.findById(id).orElseThrow(() -> new BusinessRuleException("teams.error.notFound"));
    }
}
