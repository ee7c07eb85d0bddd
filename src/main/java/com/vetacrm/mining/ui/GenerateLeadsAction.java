package com.vetacrm.mining.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.UserService;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.lead.ui.LeadViewAction;
import com.vetacrm.mining.MiningForm;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningService;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.settings.SettingsService;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Generate Leads button (DESIGN §2 C1, C2, M2) on the pipeline, the leads grid and the requests list: shown
 * to sales managers and administrators while the Lead Mining setting is on; it opens the {@link GenerateLeadsDialog}.
 * The service refuses anyone else anyway.
 */
@org.springframework.stereotype.Component
class GenerateLeadsAction implements LeadViewAction {

    static final String BUTTON_ID = "generate-leads-button";

    private final MiningService mining;
    private final ReferenceDataService reference;
    private final TeamService teams;
    private final UserService users;
    private final TagService tags;
    private final SettingsService settings;
    private final MiningResults results;
    private final CurrentUser currentUser;

    GenerateLeadsAction(MiningService mining, ReferenceDataService reference, TeamService teams, UserService users,
            TagService tags, SettingsService settings, MiningResults results, CurrentUser currentUser) {
        this.mining = mining;
        this.reference = reference;
        this.teams = teams;
        this.users = users;
        this.tags = tags;
        this.settings = settings;
        this.results = results;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        return available() ? Optional.of(button(null)) : Optional.empty();
    }

    /** Whether the current user may generate leads now: a manager or administrator, Lead Mining on. */
    boolean available() {
        return (currentUser.hasRole(Role.SALES_MANAGER) || currentUser.hasRole(Role.ADMIN)) && mining.enabled();
    }

    /** The button; {@code onChange} hears of the requests its dialogs submit and finish. */
    Button button(Consumer<MiningRequestRow> onChange) {
        Button button = new Button();
        button.setText(button.getTranslation("mining.generate"));
        button.setIcon(VaadinIcon.MAGIC.create());
        button.setId(BUTTON_ID);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.addClickListener(e -> open(null, onChange));
        return button;
    }

    /** Opens the dialog with a new form's defaults, or pre-filled (Duplicate). */
    GenerateLeadsDialog open(MiningForm form, Consumer<MiningRequestRow> onChange) {
        GenerateLeadsDialog dialog = new GenerateLeadsDialog(mining, reference, teams, users, tags, settings, results,
                currentUser.hasRole(Role.ADMIN), form == null ? mining.newForm() : form, onChange);
        dialog.open();
        return dialog;
    }
}
