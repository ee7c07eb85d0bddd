package com.vetacrm.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vetacrm.admin.AdminRules;
import com.vetacrm.admin.StageEdit;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.shared.BusinessRuleException;
import java.util.Map;

/** Creates or edits a pipeline stage: name, folded, won. Its position changes with the list's arrows. */
class StageDialog extends Dialog {

    private static final class Draft {
        String name = "";
        boolean fold;
        boolean won;
    }

    private final transient StageService stageService;
    private final transient Runnable onSaved;
    private final StageEdit existing;
    private final Binder<Draft> binder = new Binder<>();

    private final TextField name = new TextField();
    private final Checkbox fold = new Checkbox();
    private final Checkbox won = new Checkbox();

    static StageDialog forNewStage(StageService stageService, Runnable onSaved) {
        return new StageDialog(stageService, null, onSaved);
    }

    /** Loads the stage afresh so the save checks against its current version. */
    static StageDialog forStage(StageService stageService, long stageId, Runnable onSaved) {
        return new StageDialog(stageService, stageService.getStage(stageId), onSaved);
    }

    private StageDialog(StageService stageService, StageEdit existing, Runnable onSaved) {
        this.stageService = stageService;
        this.existing = existing;
        this.onSaved = onSaved;
        setId("stage-dialog");
        setHeaderTitle(getTranslation(existing == null ? "stages.new.title" : "stages.edit.title"));
        setWidth("28em");

        name.setId("stage-name");
        name.setLabel(getTranslation("stages.name"));
        name.setMaxLength(AdminRules.STAGE_NAME_MAX_LENGTH);
        fold.setId("stage-fold");
        fold.setLabel(getTranslation("stages.fold.label"));
        fold.setHelperText(getTranslation("stages.fold.helper"));
        won.setId("stage-won");
        won.setLabel(getTranslation("stages.won.label"));
        won.setHelperText(getTranslation("stages.won.helper"));

        binder.forField(name)
                .asRequired(getTranslation("stages.error.name.required"))
                .withValidator(new StringLengthValidator(getTranslation("stages.error.name.tooLong",
                        AdminRules.STAGE_NAME_MAX_LENGTH), 0, AdminRules.STAGE_NAME_MAX_LENGTH))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(fold).bind(d -> d.fold, (d, v) -> d.fold = v);
        binder.forField(won).bind(d -> d.won, (d, v) -> d.won = v);
        Draft draft = new Draft();
        if (existing != null) {
            draft.name = existing.name();
            draft.fold = existing.fold();
            draft.won = existing.won();
        }
        binder.readBean(draft);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(name, fold, won);
        add(form);

        Button save = new Button(getTranslation("admin.save"), e -> save());
        save.setId("stage-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> close());
        cancel.setId("stage-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        try {
            StageSummary saved = stageService.saveStage(new StageEdit(existing == null ? null : existing.id(),
                    existing == null ? 0 : existing.version(), draft.name, draft.fold, draft.won));
            close();
            onSaved.run();
            AdminUi.notifySuccess(getTranslation("stages.saved", saved.name()));
        } catch (BusinessRuleException refusal) {
            if (!AdminUi.showOnField(this, refusal, Map.of(
                    "stages.error.name.", name,
                    "stages.error.lastOpen", won,
                    "stages.error.lastWon", won))) {
                throw refusal;
            }
        }
    }
}
