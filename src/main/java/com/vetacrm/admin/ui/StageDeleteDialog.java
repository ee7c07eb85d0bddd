package com.vetacrm.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import java.util.List;

/**
 * Deletes a stage. When leads are in it, the dialog says how many and which stage they move to first
 * (by default the stage before it, so they lose as little progress as possible); the move and the
 * deletion are one transaction in the service.
 */
class StageDeleteDialog extends Dialog {

    StageDeleteDialog(StageService stageService, StageSummary stage, List<StageSummary> allStages,
            Runnable onDeleted) {
        setId("stage-delete-dialog");
        setHeaderTitle(getTranslation("stages.delete.title", stage.name()));
        setWidth("30em");

        long leads = stageService.countLeads(stage.id());
        List<StageSummary> others = allStages.stream().filter(s -> s.id() != stage.id()).toList();
        Select<StageSummary> target = new Select<>();
        target.setId("stage-delete-target");
        target.setLabel(getTranslation("stages.delete.target"));
        target.setItems(others);
        target.setItemLabelGenerator(s -> s == null ? "" : s.name());
        target.setWidthFull();
        target.setValue(previousOf(stage, allStages, others));

        if (leads > 0) {
            add(new Paragraph(getTranslation("stages.delete.hasLeads", stage.name(), leads)), target);
        } else {
            add(new Paragraph(getTranslation("stages.delete.text")));
        }

        Button confirm = new Button(getTranslation(leads > 0 ? "stages.delete.moveAndDelete" : "admin.delete"), e -> {
            StageSummary moveTo = leads > 0 ? target.getValue() : null;
            stageService.deleteStage(stage.id(), moveTo == null ? null : moveTo.id());
            close();
            onDeleted.run();
            AdminUi.notifySuccess(getTranslation("stages.deleted", stage.name()));
        });
        confirm.setId("stage-delete-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> close());
        cancel.setId("stage-delete-cancel");
        getFooter().add(cancel, confirm);
    }

    private static StageSummary previousOf(StageSummary stage, List<StageSummary> all, List<StageSummary> others) {
        int index = all.indexOf(stage);
        if (index > 0) {
            return all.get(index - 1);
        }
        return others.isEmpty() ? null : others.getFirst();
    }
}
