package com.vetacrm.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vetacrm.admin.TeamOverview;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.UserService;
import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;

/**
 * Administrators' list of sales teams, active or not (a few rows, loaded whole), with create, edit,
 * deactivate (in the edit dialog) and delete. A team that still has leads is not deleted: the dialog
 * says how many and suggests deactivating it instead.
 */
@Route("admin/teams")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.admin.teams", order = 910, icon = "vaadin:group")
public class TeamsView extends VerticalLayout implements HasDynamicTitle {

    private final transient TeamService teamService;
    private final Grid<TeamOverview> grid = new Grid<>();

    TeamsView(TeamService teamService, UserService userService) {
        this.teamService = teamService;
        setId("teams-view");
        setSizeFull();

        Button newTeam = new Button(getTranslation("teams.new"), VaadinIcon.PLUS.create(),
                e -> TeamDialog.forNewTeam(teamService, userService, this::refresh).open());
        newTeam.setId("team-new");
        newTeam.addThemeVariants(ButtonVariant.PRIMARY);

        grid.setId("teams-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TeamOverview::name).setHeader(getTranslation("teams.name")).setKey("name");
        grid.addColumn(t -> t.leaderName() == null ? getTranslation("teams.leader.none") : t.leaderName())
                .setHeader(getTranslation("teams.leader")).setKey("leader");
        grid.addColumn(TeamOverview::memberCount).setHeader(getTranslation("teams.memberCount"))
                .setKey("members").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> AdminUi.yesNo(this, t.active())).setHeader(getTranslation("teams.active"))
                .setKey("active").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> AdminUi.rowActions(
                        AdminUi.rowButton(VaadinIcon.EDIT, getTranslation("teams.edit", t.name()), "row-edit",
                                e -> TeamDialog.forTeam(teamService, userService, t.id(), this::refresh).open()),
                        AdminUi.rowButton(VaadinIcon.TRASH, getTranslation("teams.delete", t.name()), "row-delete",
                                e -> confirmDelete(t))))
                .setHeader(getTranslation("admin.actions")).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("teams.empty"));

        add(AdminUi.header(getTranslation("teams.title"), newTeam), grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(teamService.findAllForAdmin());
    }

    private void confirmDelete(TeamOverview team) {
        long leads = teamService.countLeads(team.id());
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("team-delete-dialog");
        if (leads > 0) {
            // nothing to confirm: say why, and what to do instead
            dialog.setHeader(getTranslation("teams.delete.refused.title"));
            dialog.setText(getTranslation("teams.error.hasLeads", team.name(), leads));
            dialog.setConfirmText(getTranslation("admin.close"));
        } else {
            dialog.setHeader(getTranslation("teams.delete.title", team.name()));
            dialog.setText(getTranslation("teams.delete.text"));
            dialog.setConfirmText(getTranslation("admin.delete"));
            dialog.setConfirmButtonTheme("error primary");
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("admin.cancel"));
            dialog.addConfirmListener(e -> {
                teamService.deleteTeam(team.id());
                refresh();
                AdminUi.notifySuccess(getTranslation("teams.deleted", team.name()));
            });
        }
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("teams.title") + " · " + getTranslation("app.name");
    }
}
