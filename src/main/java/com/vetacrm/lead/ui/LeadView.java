package com.vetacrm.lead.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.chatter.ChatterItem;
import com.vetacrm.chatter.ui.ChatterCardRenderer;
import com.vetacrm.chatter.ui.ChatterFeed;
import com.vetacrm.chatter.ui.ChatterPanel;
import com.vetacrm.lead.ContactDraft;
import com.vetacrm.lead.LeadContactRow;
import com.vetacrm.lead.LeadDetails;
import com.vetacrm.lead.LeadDraft;
import com.vetacrm.lead.LeadRules;
import com.vetacrm.lead.LeadService;
import com.vetacrm.lead.LeadStatus;
import com.vetacrm.lead.LeadType;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import com.vetacrm.shared.PhoneNumbers;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;

/**
 * One lead or opportunity: every field with its rules checked at the field, the lead's contacts, the
 * actions of its life cycle (convert, won, lost, archive, restore), and its chatter beside the form.
 * {@code leads/new} opens an empty form. A save over someone else's change is refused with a banner
 * that keeps what the user typed.
 */
@Route("leads/:id")
@PermitAll
public class LeadView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final transient LeadService leads;
    private final transient UserService users;
    private final transient ObjectProvider<ChatterCardRenderer> cardRenderers;
    private final List<StageSummary> stages;
    private final List<TeamSummary> teams;
    private final List<TagSummary> tags;

    private final Binder<LeadDraft> binder = new Binder<>();
    private final H2 title = new H2();
    private final Div badges = new Div();
    private final Div conflict = new Div();
    private final Button save = new Button();
    private final Button convert = new Button();
    private final Button won = new Button();
    private final Button lost = new Button();
    private final Button archive = new Button();
    private final Button restore = new Button();
    private final Button erase = new Button();
    private final boolean mayErase;
    private final Select<LeadType> type = new Select<>();
    private final ComboBox<String> country = new ComboBox<>();
    private final Grid<LeadContactRow> contacts = new Grid<>();
    private final Div contactsSection = new Div();
    private final Div side = new Div();

    private Long leadId;
    private LeadDetails details;
    private LeadDraft draft;
    private ChatterPanel chatter;

    LeadView(LeadService leads, UserService users, StageService stageService, TeamService teamService,
            TagService tagService, ObjectProvider<ChatterCardRenderer> cardRenderers, CurrentUser currentUser) {
        this.mayErase = currentUser.hasRole(Role.SALES_MANAGER) || currentUser.hasRole(Role.ADMIN);
        this.leads = leads;
        this.users = users;
        this.cardRenderers = cardRenderers;
        this.stages = stageService.findAllInOrder();
        this.teams = teamService.findActive();
        this.tags = tagService.findAll();
        setId("lead-view");
        addClassName("lead-view");

        Div main = new Div();
        main.addClassName("lead-main");
        main.add(header(), conflictBanner(), form(), contactsSection());
        side.addClassName("lead-side");
        add(main, side);
    }

    // ---------------------------------------------------------------- layout

    private Div header() {
        save.setText(getTranslation("lead.save"));
        save.setId("lead-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        convert.setText(getTranslation("lead.convert"));
        convert.setId("convert-to-opportunity");
        convert.addClickListener(e -> act(() -> leads.convertToOpportunity(leadId), "lead.converted"));
        won.setText(getTranslation("lead.markWon"));
        won.setId("mark-won");
        won.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        won.addClickListener(e -> act(() -> leads.markWon(leadId), "lead.wonDone"));
        lost.setText(getTranslation("lead.markLost"));
        lost.setId("mark-lost");
        lost.addThemeVariants(ButtonVariant.LUMO_ERROR);
        lost.addClickListener(e -> askLostReason());
        archive.setText(getTranslation("lead.archive"));
        archive.setId("lead-archive");
        archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        archive.addClickListener(e -> act(() -> leads.archive(leadId), "lead.archived"));
        restore.setText(getTranslation("lead.restore"));
        restore.setId("lead-restore");
        restore.addClickListener(e -> act(() -> leads.restore(leadId), "lead.restored"));
        erase.setText(getTranslation("lead.erase"));
        erase.setId("erase-contact-data");
        erase.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        erase.addClickListener(e -> askErase());

        badges.addClassName("lead-badges");
        Div titleRow = new Div(title, badges);
        titleRow.addClassName("lead-title-row");
        HorizontalLayout buttons = new HorizontalLayout(save, convert, won, lost, archive, restore, erase);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        buttons.addClassName("lead-actions");
        Div header = new Div(titleRow, buttons);
        header.addClassName("lead-header");
        return header;
    }

    private Div conflictBanner() {
        conflict.setId("concurrent-edit");
        conflict.addClassName("conflict-banner");
        Button reload = new Button(getTranslation("lead.conflict.reload"), e -> UI.getCurrent().getPage().reload());
        reload.setId("concurrent-edit-reload");
        conflict.add(new Span(getTranslation("lead.conflict")), reload);
        conflict.setVisible(false);
        return conflict;
    }

    private FormLayout form() {
        TextField name = text("lead-name", "lead.field.name", LeadRules.MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        TextField company = text("lead-company", "lead.field.company", 255);
        TextField contact = text("lead-contact", "lead.field.contact", 255);
        TextField jobTitle = text("lead-job-title", "lead.field.jobTitle", 255);
        TextField email = text("lead-email", "lead.field.email", 254);
        TextField phone = text("lead-phone", "lead.field.phone", 40);
        phone.setHelperText(getTranslation("lead.field.phone.help"));
        TextField website = text("lead-website", "lead.field.website", 2048);
        TextField street = text("lead-street", "lead.field.street", 255);
        TextField city = text("lead-city", "lead.field.city", 120);
        TextField zip = text("lead-zip", "lead.field.zip", 20);
        TextField state = text("lead-state", "lead.field.state", 10);
        state.setHelperText(getTranslation("lead.field.state.help"));
        TextArea description = new TextArea(getTranslation("lead.field.description"));
        description.setId("lead-description");
        description.setMaxLength(20_000);

        type.setLabel(getTranslation("lead.field.type"));
        type.setId("lead-type");
        type.setItems(LeadType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.labelKey()));

        country.setLabel(getTranslation("lead.field.country"));
        country.setId("lead-country");
        Locale locale = getLocale();
        country.setItems(Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(c -> LeadFilterBar.countryName(c, locale))).toList());
        country.setItemLabelGenerator(c -> LeadFilterBar.countryName(c, locale) + " (" + c + ")");
        country.setClearButtonVisible(true);

        Select<StageSummary> stage = new Select<>();
        stage.setLabel(getTranslation("lead.field.stage"));
        stage.setId("lead-stage");
        stage.setItems(stages);
        stage.setItemLabelGenerator(StageSummary::name);

        ComboBox<TeamSummary> team = new ComboBox<>(getTranslation("lead.field.team"));
        team.setId("lead-team");
        team.setItems(teams);
        team.setItemLabelGenerator(TeamSummary::name);
        team.setClearButtonVisible(true);

        ComboBox<UserSummary> salesperson = new ComboBox<>(getTranslation("lead.field.salesperson"));
        salesperson.setId("lead-salesperson");
        salesperson.setItems(q -> users.findActiveUsers(q.getFilter().orElse(""),
                PageRequest.of(q.getPage(), q.getPageSize())).stream());
        salesperson.setItemLabelGenerator(UserSummary::displayName);
        salesperson.setClearButtonVisible(true);

        MultiSelectComboBox<TagSummary> tagField = new MultiSelectComboBox<>(getTranslation("lead.field.tags"));
        tagField.setId("lead-tags");
        tagField.setItems(tags);
        tagField.setItemLabelGenerator(TagSummary::name);

        BigDecimalField revenue = new BigDecimalField(getTranslation("lead.field.revenue"));
        revenue.setId("lead-revenue");
        BigDecimalField probability = new BigDecimalField(getTranslation("lead.field.probability"));
        probability.setId("lead-probability");
        probability.setSuffixComponent(new Span("%"));

        Select<Integer> priority = new Select<>();
        priority.setLabel(getTranslation("lead.field.priority"));
        priority.setId("lead-priority");
        priority.setItems(0, 1, 2, 3);
        priority.setItemLabelGenerator(p -> p == 0 ? getTranslation("lead.priority.none") : "★".repeat(p));

        binder.forField(name).withValidator(FieldRules.of(this, LeadRules::checkName))
                .bind(LeadDraft::getName, LeadDraft::setName);
        binder.forField(type).bind(LeadDraft::getType, LeadDraft::setType);
        binder.forField(company).bind(LeadDraft::getPartnerName, LeadDraft::setPartnerName);
        binder.forField(contact).bind(LeadDraft::getContactName, LeadDraft::setContactName);
        binder.forField(jobTitle).bind(LeadDraft::getJobTitle, LeadDraft::setJobTitle);
        binder.forField(email).withValidator(FieldRules.of(this, LeadRules::checkEmail))
                .bind(LeadDraft::getEmail, LeadDraft::setEmail);
        var phoneBinding = binder.forField(phone)
                .withValidator(FieldRules.of(this, p -> LeadRules.checkPhone(p, country.getValue())))
                .bind(d -> PhoneNumbers.toInternational(d.getPhone()), LeadDraft::setPhone);
        binder.forField(website).withValidator(FieldRules.of(this, LeadRules::checkWebsite))
                .bind(LeadDraft::getWebsite, LeadDraft::setWebsite);
        binder.forField(street).bind(LeadDraft::getStreet, LeadDraft::setStreet);
        binder.forField(city).bind(LeadDraft::getCity, LeadDraft::setCity);
        binder.forField(zip).bind(LeadDraft::getZip, LeadDraft::setZip);
        binder.forField(country).bind(LeadDraft::getCountryCode, LeadDraft::setCountryCode);
        var stateBinding = binder.forField(state)
                .withValidator(FieldRules.of(this, s -> LeadRules.checkState(s == null ? null : s.strip().toUpperCase(Locale.ROOT), country.getValue())))
                .bind(LeadDraft::getStateCode, (d, s) -> d.setStateCode(s == null ? null : s.strip().toUpperCase(Locale.ROOT)));
        // the phone and state are read in the context of the country: check them again when it changes
        country.addValueChangeListener(e -> {
            phoneBinding.validate();
            stateBinding.validate();
        });
        binder.forField(stage).asRequired(getTranslation("lead.error.stageNotFound"))
                .bind(d -> stages.stream().filter(s -> d.getStageId() != null && s.id() == d.getStageId()).findFirst().orElse(null),
                        (d, s) -> d.setStageId(s == null ? null : s.id()));
        binder.forField(team)
                .bind(d -> teams.stream().filter(t -> d.getTeamId() != null && t.id() == d.getTeamId()).findFirst().orElse(null),
                        (d, t) -> d.setTeamId(t == null ? null : t.id()));
        binder.forField(salesperson)
                .bind(d -> d.getSalespersonId() == null ? null : users.findUser(d.getSalespersonId()).orElse(null),
                        (d, u) -> d.setSalespersonId(u == null ? null : u.id()));
        binder.forField(tagField)
                .bind(d -> tags.stream().filter(t -> d.getTagIds().contains(t.id())).collect(Collectors.toSet()),
                        (d, s) -> d.setTagIds(s.stream().map(TagSummary::id).collect(Collectors.toSet())));
        binder.forField(revenue).withValidator(FieldRules.of(this, LeadRules::checkRevenue))
                .bind(LeadDraft::getExpectedRevenue, LeadDraft::setExpectedRevenue);
        binder.forField(probability).withValidator(FieldRules.of(this, LeadRules::checkProbability))
                .bind(LeadDraft::getProbability, LeadDraft::setProbability);
        binder.forField(priority).bind(LeadDraft::getPriority, (d, p) -> d.setPriority(p == null ? 0 : p));
        binder.forField(description).bind(LeadDraft::getDescription, LeadDraft::setDescription);

        FormLayout form = new FormLayout(name, type, company, stage, contact, jobTitle, email, phone, website,
                revenue, probability, priority, team, salesperson, tagField, street, city, zip, country, state,
                description);
        form.setId("lead-form");
        form.setColspan(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
        return form;
    }

    private Div contactsSection() {
        contacts.setId("lead-contacts");
        contacts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        contacts.setAllRowsVisible(true);
        contacts.addColumn(LeadContactRow::fullName).setHeader(getTranslation("lead.contacts.name")).setAutoWidth(true);
        contacts.addColumn(LeadContactRow::jobTitle).setHeader(getTranslation("lead.contacts.title")).setAutoWidth(true);
        contacts.addColumn(LeadContactRow::role).setHeader(getTranslation("lead.contacts.role"));
        contacts.addColumn(LeadContactRow::seniority).setHeader(getTranslation("lead.contacts.seniority"));
        contacts.addColumn(LeadContactRow::email).setHeader(getTranslation("lead.field.email")).setAutoWidth(true);
        contacts.addColumn(c -> PhoneNumbers.toInternational(c.phone())).setHeader(getTranslation("lead.field.phone"))
                .setAutoWidth(true);
        contacts.addComponentColumn(c -> {
            Button edit = new Button(VaadinIcon.EDIT.create(), e -> editContact(c));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            edit.setAriaLabel(getTranslation("lead.contacts.edit"));
            edit.addClassName("contact-edit");
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> removeContact(c));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("lead.contacts.remove"));
            remove.addClassName("contact-remove");
            return new Div(edit, remove);
        }).setFlexGrow(0).setWidth("7em");
        Button add = new Button(getTranslation("lead.contacts.add"), VaadinIcon.PLUS.create(), e -> addContact());
        add.setId("contact-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        contactsSection.addClassName("lead-contacts-section");
        contactsSection.add(new H3(getTranslation("lead.contacts.title.section")), contacts, add);
        return contactsSection;
    }

    private TextField text(String id, String labelKey, int max) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setId(id);
        f.setMaxLength(max);
        return f;
    }

    // ---------------------------------------------------------------- navigation

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        if ("new".equals(id)) {
            leadId = null;
            draft = new LeadDraft();
            draft.setStageId(stages.stream().filter(s -> !s.won()).findFirst().map(StageSummary::id).orElse(null));
            details = null;
            binder.readBean(draft);
            showState();
            return;
        }
        Long parsed = LeadFilterState.id(id);
        if (parsed == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            leadId = parsed;
            show(leads.get(parsed));
        } catch (BusinessRuleException e) {
            // another team's lead and a missing one look the same: not found
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(LeadDetails loaded) {
        details = loaded;
        draft = loaded.draft();
        binder.readBean(draft);
        conflict.setVisible(false);
        contacts.setItems(loaded.contacts());
        showState();
        if (chatter == null) {
            chatter = new ChatterPanel(new ChatterFeed() {
                @Override
                public List<ChatterItem> load(int offset, int limit) {
                    return leads.timeline(leadId, offset, limit);
                }

                @Override
                public void post(String text) {
                    leads.logNote(leadId, text);
                }
            }, cardRenderers.orderedStream().toList());
            side.add(chatter);
        } else {
            chatter.reload();
        }
    }

    private void showState() {
        boolean isNew = details == null;
        title.setText(isNew ? getTranslation("lead.new") : details.draft().getName());
        badges.removeAll();
        if (!isNew) {
            badges.add(LeadFormat.typeBadge(details.draft().getType(), getTranslation(details.draft().getType().labelKey())));
            if (details.won()) {
                Span b = new Span(getTranslation("lead.badge.won"));
                b.addClassNames("veta-badge", "badge-won");
                b.setId("lead-won-badge");
                badges.add(b);
            }
            if (details.status() != LeadStatus.ACTIVE) {
                String text = details.status() == LeadStatus.LOST
                        ? getTranslation("lead.badge.lost", details.lostReason())
                        : getTranslation("lead.badge.archived");
                Span b = new Span(text);
                b.addClassNames("veta-badge", "badge-inactive");
                b.setId("lead-status-badge");
                badges.add(b);
            }
        }
        boolean active = !isNew && details.active();
        type.setReadOnly(!isNew);
        convert.setVisible(active && details.draft().getType() == LeadType.LEAD);
        won.setVisible(active && !details.won());
        lost.setVisible(active);
        archive.setVisible(active);
        restore.setVisible(!isNew && !details.active());
        // GDPR erasure: managers and administrators only (the service checks the role again)
        erase.setVisible(!isNew && mayErase);
        contactsSection.setVisible(!isNew);
        side.setVisible(!isNew);
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    // ---------------------------------------------------------------- actions

    private void save() {
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        try {
            if (leadId == null) {
                LeadDetails created = leads.create(draft);
                notice("lead.created");
                UI.getCurrent().navigate("leads/" + created.id());
                return;
            }
            show(leads.update(leadId, draft));
            notice("lead.saved");
        } catch (OptimisticLockingFailureException e) {
            // keep every typed value on screen; the user decides when to reload
            conflict.setVisible(true);
        }
    }

    /** Life-cycle actions change the stored lead, so unsaved edits must be saved or discarded first. */
    private void act(Runnable action, String doneKey) {
        if (binder.hasChanges()) {
            Notification n = Notification.show(getTranslation("lead.unsavedChanges"), 5000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_WARNING);
            n.setId("unsaved-changes");
            return;
        }
        action.run();
        show(leads.get(leadId));
        notice(doneKey);
    }

    private void askLostReason() {
        Dialog dialog = new Dialog();
        dialog.setId("lost-dialog");
        dialog.setHeaderTitle(getTranslation("lead.markLost"));
        TextField reason = new TextField(getTranslation("lead.lostReason"));
        reason.setId("lost-reason");
        reason.setWidthFull();
        reason.setMaxLength(LeadService.MAX_LOST_REASON);
        reason.setRequiredIndicatorVisible(true);
        dialog.add(new VerticalLayout(reason));
        Button confirm = new Button(getTranslation("lead.markLost"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("lead.error.lostReasonRequired"));
                reason.setInvalid(true);
                return;
            }
            act(() -> leads.markLost(leadId, reason.getValue()), "lead.lostDone");
            dialog.close();
        });
        confirm.setId("lost-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("lead.cancel"), e -> dialog.close()), confirm);
        dialog.open();
        reason.focus();
    }

    /** Says exactly what will be erased before anything is. */
    private void askErase() {
        Dialog dialog = new Dialog();
        dialog.setId("erase-contact-data-dialog");
        dialog.setHeaderTitle(getTranslation("lead.erase.title"));
        Span what = new Span(getTranslation("lead.erase.what", details.draft().getName(), details.contacts().size()));
        what.setId("erase-contact-data-text");
        dialog.add(new VerticalLayout(what, new Span(getTranslation("lead.erase.suppression")),
                new Span(getTranslation("lead.erase.kept"))));
        Button confirm = new Button(getTranslation("lead.erase.confirm"), e -> {
            dialog.close();
            act(() -> leads.eraseContactData(leadId), "lead.erase.done");
        });
        confirm.setId("erase-contact-data-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("lead.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void addContact() {
        new ContactDialog(new ContactDraft(), country::getValue, true, d -> {
            leads.addContact(leadId, d);
            contacts.setItems(leads.get(leadId).contacts());
        }).open();
    }

    private void editContact(LeadContactRow row) {
        new ContactDialog(ContactDraft.of(row), country::getValue, false, d -> {
            leads.updateContact(leadId, row.id(), d);
            contacts.setItems(leads.get(leadId).contacts());
        }).open();
    }

    private void removeContact(LeadContactRow row) {
        leads.removeContact(leadId, row.id());
        contacts.setItems(leads.get(leadId).contacts());
    }

    private void notice(String key) {
        Notification n = Notification.show(getTranslation(key), 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.setId("lead-notice");
    }

    @Override
    public String getPageTitle() {
        String name = details == null ? getTranslation("lead.new") : details.draft().getName();
        return name + " · " + getTranslation("app.name");
    }
}
