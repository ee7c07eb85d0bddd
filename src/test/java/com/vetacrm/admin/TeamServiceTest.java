package com.vetacrm.admin;

import static com.vetacrm.testsupport.Refusals.messageKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.vetacrm.testsupport.Refusals;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ServiceTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Each test works on teams of its own, so the demo teams stay as a fresh installation has them. */
@WithUserDetails(DemoUsers.ADMIN)
class TeamServiceTest extends ServiceTest {

    @Autowired
    TeamService teamService;
    @Autowired
    UserService userService;
    @Autowired
    JdbcTemplate jdbc;

    TestLeads leads;

    @BeforeEach
    void setUp() {
        leads = new TestLeads(jdbc);
    }


    private long inactiveUser(String username) {
        UserSummary user = userService.createUser(new NewUser(username, "Former " + username, null, Role.SALESPERSON,
                null, "a-long-password"));
        UserEdit edit = userService.getUser(user.id());
        userService.updateUser(new UserEdit(user.id(), edit.version(), edit.displayName(), null, edit.role(), null,
                false));
        return user.id();
    }

    @Test
    void adminListsEveryTeamWithItsLeaderAndMemberCount() {
        assertThat(teamService.findAllForAdmin())
                .filteredOn(t -> t.name().equals("Direct Sales") || t.name().equals("Enterprise Accounts")
                        || t.name().equals("Partners & Channels"))
                .extracting(TeamOverview::name, TeamOverview::leaderName, TeamOverview::memberCount,
                        TeamOverview::active)
                .containsExactly(
                        tuple("Direct Sales", "Marta Ruiz", 2, true),
                        tuple("Enterprise Accounts", "Lucía Fernández", 4, true),
                        tuple("Partners & Channels", "Olivia Bennett", 3, true));
    }

    @Test
    void theLeaderOfANewTeamIsAlsoAMember() {
        long emma = leads.userId("emma");
        long priya = leads.userId("priya");

        TeamSummary saved = teamService.saveTeam(new TeamEdit(null, 0, "  Inside Sales ", emma, Set.of(priya), true));

        TeamDetails team = teamService.getTeam(saved.id());
        assertThat(team.name()).isEqualTo("Inside Sales");
        assertThat(team.leader().username()).isEqualTo("emma");
        assertThat(team.members()).extracting(UserSummary::username).containsExactly("emma", "priya");
        assertThat(teamService.teamIdsOf(emma)).contains(saved.id());
    }

    @Test
    void teamNamesAreUniqueWhateverTheirCase() {
        assertThatThrownBy(() -> teamService.saveTeam(new TeamEdit(null, 0, "direct SALES", null, Set.of(), true)))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(Refusals::messageKey).isEqualTo("teams.error.name.taken");
    }

    @Test
    void blankTeamNameIsRefused() {
        assertThatThrownBy(() -> teamService.saveTeam(new TeamEdit(null, 0, "  ", null, Set.of(), true)))
                .extracting(Refusals::messageKey).isEqualTo("teams.error.name.required");
    }

    @Test
    void deactivatedUsersCanNeitherLeadNorJoinATeam() {
        long former = inactiveUser("ulrich");

        assertThatThrownBy(() -> teamService.saveTeam(new TeamEdit(null, 0, "Ulrich's team", former, Set.of(), true)))
                .extracting(Refusals::messageKey).isEqualTo("teams.error.leader.inactive");
        assertThatThrownBy(() -> teamService.saveTeam(new TeamEdit(null, 0, "Ulrich's team", null, Set.of(former),
                true)))
                .extracting(Refusals::messageKey).isEqualTo("teams.error.member.inactive");
        assertThat(teamService.findAllForAdmin()).extracting(TeamOverview::name).doesNotContain("Ulrich's team");
    }

    @Test
    void aMemberDeactivatedLaterStaysUntilRemovedSoTheTeamCanStillBeEdited() {
        UserSummary member = userService.createUser(new NewUser("uma", "Uma Field", null, Role.SALESPERSON, null,
                "a-long-password"));
        TeamSummary team = teamService.saveTeam(new TeamEdit(null, 0, "Field Sales", null, Set.of(member.id()), true));
        UserEdit edit = userService.getUser(member.id());
        userService.updateUser(new UserEdit(member.id(), edit.version(), edit.displayName(), null, edit.role(), null,
                false));

        TeamDetails loaded = teamService.getTeam(team.id());
        teamService.saveTeam(new TeamEdit(team.id(), loaded.version(), "Field Sales North", null,
                Set.of(member.id()), true));

        assertThat(teamService.getTeam(team.id()).members()).extracting(UserSummary::username).containsExactly("uma");
    }

    @Test
    void editingATeamReplacesItsMembersAndCanDeactivateIt() {
        long carlos = leads.userId("carlos");
        long david = leads.userId("david");
        long olivia = leads.userId("olivia");
        TeamSummary created = teamService.saveTeam(new TeamEdit(null, 0, "Renewals", olivia, Set.of(carlos), true));
        TeamDetails loaded = teamService.getTeam(created.id());

        teamService.saveTeam(new TeamEdit(created.id(), loaded.version(), "Renewals", null, Set.of(david), false));

        TeamDetails saved = teamService.getTeam(created.id());
        assertThat(saved.leader()).isNull();
        assertThat(saved.members()).extracting(UserSummary::username).containsExactly("david");
        assertThat(saved.active()).isFalse();
        assertThat(teamService.findActive()).extracting(TeamSummary::name).doesNotContain("Renewals");
        assertThat(teamService.findAllForAdmin()).filteredOn(t -> t.name().equals("Renewals"))
                .extracting(TeamOverview::active).containsExactly(false);
        assertThat(teamService.teamIdsOf(david)).doesNotContain(created.id());
    }

    @Test
    void savingAnOlderCopyThanTheStoredOneIsRefusedAsAConcurrentEdit() {
        TeamSummary created = teamService.saveTeam(new TeamEdit(null, 0, "Key Accounts", null, Set.of(), true));
        TeamDetails loadedByBoth = teamService.getTeam(created.id());
        teamService.saveTeam(new TeamEdit(created.id(), loadedByBoth.version(), "Key Accounts A", null, Set.of(),
                true));

        assertThatThrownBy(() -> teamService.saveTeam(new TeamEdit(created.id(), loadedByBoth.version(),
                "Key Accounts B", null, Set.of(), true)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(teamService.getTeam(created.id()).name()).isEqualTo("Key Accounts A");
    }

    @Test
    void aTeamWithoutLeadsIsDeletedWithItsMemberships() {
        long david = leads.userId("david");
        TeamSummary created = teamService.saveTeam(new TeamEdit(null, 0, "Short-lived", david, Set.of(), true));

        teamService.deleteTeam(created.id());

        assertThat(leads.exists("sales_team", created.id())).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_team_member WHERE team_id = ?", Integer.class,
                created.id())).isZero();
        assertThat(leads.exists("app_user", david)).isTrue();
    }

    @Test
    void aTeamWithLeadsIsNotDeletedAndTheRefusalSaysHowMany() {
        TeamSummary created = teamService.saveTeam(new TeamEdit(null, 0, "Busy Team", null, Set.of(), true));
        long stage = leads.stageId("New");
        leads.insert("Acme", stage, created.id());
        leads.insert("Globex", stage, created.id());

        assertThat(teamService.countLeads(created.id())).isEqualTo(2);
        assertThatThrownBy(() -> teamService.deleteTeam(created.id()))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> {
                    assertThat(messageKey(e)).isEqualTo("teams.error.hasLeads");
                    assertThat(((BusinessRuleException) e).args()).containsExactly("Busy Team", 2L);
                });
        assertThat(leads.exists("sales_team", created.id())).isTrue();
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void onlyAdministratorsManageTeams() {
        assertThatThrownBy(() -> teamService.findAllForAdmin()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teamService.saveTeam(new TeamEdit(null, 0, "Mine", null, Set.of(), true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teamService.deleteTeam(1)).isInstanceOf(AccessDeniedException.class);
        assertThat(teamService.findActive()).isNotEmpty();
    }
}
