package com.vetacrm.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vetacrm.admin.AdminRules;
import com.vetacrm.admin.TeamDetails;
import com.vetacrm.admin.TeamEdit;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.shared.BusinessRuleException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates or edits a sales team. Leader and members are picked from the active users (looked up page by
 * page as the administrator types); choosing a leader adds them to the members, as the service does too.
 */
class TeamDialog extends Dialog {

    private static final class Draft {
        String name = "";
        UserSummary leader;
        Set<UserSummary> members = new LinkedHashSet<>();
        boolean active = true;
    }

    private final transient TeamService teamService;
    private final transient Runnable onSaved;
    private final TeamDetails existing;
    private final Binder<Draft> binder = new Binder<>();

    private final TextField name = new TextField();
    private final ComboBox<UserSummary> leader = new ComboBox<>();
    private final MultiSelectComboBox<UserSummary> members = new MultiSelectComboBox<>();
    private final Checkbox active = new Checkbox();

    static TeamDialog forNewTeam(TeamService teamService, UserService userService, Runnable onSaved) {
        return new TeamDialog(teamService, userService, null, onSaved);
    }

    /** Loads the team afresh so the save checks against its current version. */
    static TeamDialog forTeam(TeamService teamService, UserService userService, long teamId, Runnable onSaved) {
        return new TeamDialog(teamService, userService, teamService.getTeam(teamId), onSaved);
    }

    private TeamDialog(TeamService teamService, UserService userService, TeamDetails existing, Runnable onSaved) {
        this.teamService = teamService;
        this.existing = existing;
        this.onSaved = onSaved;
        setId("team-dialog");
        setHeaderTitle(getTranslation(existing == null ? "teams.new.title" : "teams.edit.title"));
        setWidth("36em");

        name.setId("team-name");
        name.setLabel(getTranslation("teams.name"));
        name.setMaxLength(AdminRules.TEAM_NAME_MAX_LENGTH);
        leader.setId("team-leader");
        leader.setLabel(getTranslation("teams.leader"));
        leader.setHelperText(getTranslation("teams.leader.helper"));
        leader.setClearButtonVisible(true);
        leader.setItemLabelGenerator(UserSummary::displayName);
        leader.setItemsPageable((pageable, filter) -> userService.findActiveUsers(filter, pageable));
        members.setId("team-members");
        members.setLabel(getTranslation("teams.members"));
        members.setItemLabelGenerator(UserSummary::displayName);
        members.setItemsPageable((pageable, filter) -> userService.findActiveUsers(filter, pageable));
        members.setSelectedItemsOnTop(true);
        // teams are small: show every member as a chip rather than a "+3" counter
        members.setAutoExpand(MultiSelectComboBox.AutoExpandMode.VERTICAL);
        active.setId("team-active");
        active.setLabel(getTranslation("teams.active.label"));
        leader.addValueChangeListener(e -> {
            if (e.getValue() != null && !members.getValue().contains(e.getValue())) {
                Set<UserSummary> withLeader = new LinkedHashSet<>(members.getValue());
                withLeader.add(e.getValue());
                members.setValue(withLeader);
            }
        });

        binder.forField(name)
                .asRequired(getTranslation("teams.error.name.required"))
                .withValidator(new StringLengthValidator(getTranslation("teams.error.name.tooLong",
                        AdminRules.TEAM_NAME_MAX_LENGTH), 0, AdminRules.TEAM_NAME_MAX_LENGTH))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(leader).bind(d -> d.leader, (d, v) -> d.leader = v);
        binder.forField(members).bind(d -> d.members, (d, v) -> d.members = new LinkedHashSet<>(v));
        binder.forField(active).bind(d -> d.active, (d, v) -> d.active = v);
        Draft draft = new Draft();
        if (existing != null) {
            draft.name = existing.name();
            draft.leader = existing.leader();
            draft.members = new LinkedHashSet<>(existing.members());
            draft.active = existing.active();
        }
        binder.readBean(draft);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(name, leader, members, active);
        add(form);

        Button save = new Button(getTranslation("admin.save"), e -> save());
        save.setId("team-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> close());
        cancel.setId("team-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        Set<Long> memberIds = draft.members.stream().map(UserSummary::id).collect(Collectors.toSet());
        TeamEdit edit = new TeamEdit(existing == null ? null : existing.id(), existing == null ? 0 : existing.version(),
                draft.name, draft.leader == null ? null : draft.leader.id(), memberIds, draft.active);
        try {
            var saved = teamService.saveTeam(edit);
            close();
            onSaved.run();
            AdminUi.notifySuccess(getTranslation("teams.saved", saved.name()));
        } catch (BusinessRuleException refusal) {
            if (!AdminUi.showOnField(this, refusal, fieldsByErrorKey())) {
                throw refusal;
            }
        }
    }

    private Map<String, HasValidation> fieldsByErrorKey() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("teams.error.name.", name);
        fields.put("teams.error.leader.", leader);
        fields.put("teams.error.member.", members);
        return fields;
    }
}
