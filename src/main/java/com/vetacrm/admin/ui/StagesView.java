package com.vetacrm.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Administrators' list of pipeline stages in column order (a handful of rows, loaded whole): create,
 * edit, move up and down, delete (moving the stage's leads elsewhere first).
 */
@Route("admin/stages")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.admin.stages", order = 920, icon = "vaadin:list-ol")
public class StagesView extends VerticalLayout implements HasDynamicTitle {

    private final transient StageService stageService;
    private final Grid<StageSummary> grid = new Grid<>();
    private List<StageSummary> stages = List.of();

    StagesView(StageService stageService) {
        this.stageService = stageService;
        setId("stages-view");
        setSizeFull();

        Button newStage = new Button(getTranslation("stages.new"), VaadinIcon.PLUS.create(),
                e -> StageDialog.forNewStage(stageService, this::refresh).open());
        newStage.setId("stage-new");
        newStage.addThemeVariants(ButtonVariant.PRIMARY);

        grid.setId("stages-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // the position, not the stored sequence number: that is what the pipeline shows
        grid.addColumn(s -> stages.indexOf(s) + 1).setHeader(getTranslation("stages.position"))
                .setKey("position").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StageSummary::name).setHeader(getTranslation("stages.name")).setKey("name");
        grid.addColumn(s -> AdminUi.yesNo(this, s.fold())).setHeader(getTranslation("stages.fold"))
                .setKey("fold").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> AdminUi.yesNo(this, s.won())).setHeader(getTranslation("stages.won"))
                .setKey("won").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("admin.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);

        add(AdminUi.header(getTranslation("stages.title"), newStage), grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private HorizontalLayout actions(StageSummary stage) {
        int position = stages.indexOf(stage);
        Button up = AdminUi.rowButton(VaadinIcon.ARROW_UP, getTranslation("stages.moveUp", stage.name()),
                "stage-move-up", e -> show(stageService.moveStageUp(stage.id())));
        up.setEnabled(position > 0);
        Button down = AdminUi.rowButton(VaadinIcon.ARROW_DOWN, getTranslation("stages.moveDown", stage.name()),
                "stage-move-down", e -> show(stageService.moveStageDown(stage.id())));
        down.setEnabled(position < stages.size() - 1);
        Button edit = AdminUi.rowButton(VaadinIcon.EDIT, getTranslation("stages.edit", stage.name()), "row-edit",
                e -> StageDialog.forStage(stageService, stage.id(), this::refresh).open());
        Button delete = AdminUi.rowButton(VaadinIcon.TRASH, getTranslation("stages.delete", stage.name()),
                "row-delete", e -> new StageDeleteDialog(stageService, stage, stages, this::refresh).open());
        return AdminUi.rowActions(up, down, edit, delete);
    }

    private void refresh() {
        show(stageService.findAllInOrder());
    }

    private void show(List<StageSummary> ordered) {
        stages = ordered;
        grid.setItems(ordered);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("stages.title") + " · " + getTranslation("app.name");
    }
}
