package com.vetacrm.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vetacrm.admin.TeamEdit;
import com.vetacrm.admin.TeamOverview;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TestLeads;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.shell.AccessDeniedView;
import com.vetacrm.testsupport.DemoUsers;
import com.vetacrm.testsupport.ViewTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@WithUserDetails(DemoUsers.ADMIN)
class TeamsViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TeamService teamService;

    @SuppressWarnings("unchecked")
    private Grid<TeamOverview> grid() {
        return $(Grid.class).id("teams-grid");
    }

    private Button rowButton(String team, String className) {
        return RowButtons.of(grid(), t -> t.name().equals(team), className);
    }

    @Test
    void theListShowsEveryTeamWithLeaderAndMemberCount() {
        navigate(TeamsView.class);

        assertThat(test(grid()).getCellText(0, 0)).isEqualTo("Direct Sales");
        assertThat(test(grid()).getCellText(1, 1)).isEqualTo("Lucía Fernández");
        assertThat(test(grid()).getCellText(1, 2)).isEqualTo("4");
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminCreatesATeamAndTheChosenLeaderBecomesAMember() {
        navigate(TeamsView.class);
        test($(Button.class).id("team-new")).click();

        test($(TextField.class).id("team-name")).setValue("Inside Sales");
        ComboBox<UserSummary> leader = $(ComboBox.class).id("team-leader");
        test(leader).selectItem("Emma Schneider");
        MultiSelectComboBox<UserSummary> members = $(MultiSelectComboBox.class).id("team-members");
        assertThat(members.getValue()).extracting(UserSummary::username).containsExactly("emma");
        test(members).selectItem("Priya Sharma");
        test($(Button.class).id("team-save")).click();

        assertThat($(Dialog.class).withId("team-dialog").exists()).isFalse();
        assertThat(grid().getGenericDataView().getItems().filter(t -> t.name().equals("Inside Sales")))
                .extracting(TeamOverview::leaderName, TeamOverview::memberCount)
                .containsExactly(tuple("Emma Schneider", 2));
    }

    @Test
    void aTakenTeamNameIsShownOnTheNameField() {
        navigate(TeamsView.class);
        test($(Button.class).id("team-new")).click();

        test($(TextField.class).id("team-name")).setValue("Enterprise accounts");
        test($(Button.class).id("team-save")).click();

        TextField name = $(TextField.class).id("team-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("A team called “Enterprise accounts” already exists. "
                + "Choose another name.");
    }

    @Test
    void deletingATeamWithLeadsIsRefusedWithTheirNumber() {
        long busy = teamService.saveTeam(new TeamEdit(null, 0, "Busy Team", null, Set.of(), true)).id();
        TestLeads leads = new TestLeads(jdbc);
        leads.insert("Acme", leads.stageId("New"), busy);
        leads.insert("Globex", leads.stageId("Won"), busy);
        leads.insert("Initech", leads.stageId("New"), busy);
        navigate(TeamsView.class);

        test(rowButton("Busy Team", "row-delete")).click();

        ConfirmDialog dialog = $(ConfirmDialog.class).id("team-delete-dialog");
        assertThat(test(dialog).getHeader()).isEqualTo("This team cannot be deleted");
        assertThat(test(dialog).getText()).isEqualTo("The team “Busy Team” still has 3 leads. Assign them to another "
                + "team, or deactivate the team instead of deleting it.");
        test(dialog).confirm();
        assertThat(leads.exists("sales_team", busy)).isTrue();
    }

    @Test
    void anEmptyTeamIsDeletedAfterConfirmation() {
        long id = teamService.saveTeam(new TeamEdit(null, 0, "Temporary", null, Set.of(), true)).id();
        navigate(TeamsView.class);

        test(rowButton("Temporary", "row-delete")).click();
        test($(ConfirmDialog.class).id("team-delete-dialog")).confirm();

        assertThat(new TestLeads(jdbc).exists("sales_team", id)).isFalse();
        assertThat(grid().getGenericDataView().getItems()).extracting(TeamOverview::name)
                .doesNotContain("Temporary");
    }

    @Test
    @WithUserDetails(DemoUsers.SALES)
    void aSalespersonOpeningTeamAdministrationSeesAccessDenied() {
        navigate("admin/teams", AccessDeniedView.class);
        assertThat($(TeamsView.class).exists()).isFalse();
    }
}
