package com.vetacrm.mining.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.credits.CreditBalance;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.lead.LeadType;
import com.vetacrm.leadsource.SourcePreview;
import com.vetacrm.mining.ContactFilter;
import com.vetacrm.mining.MiningErrorType;
import com.vetacrm.mining.MiningEstimate;
import com.vetacrm.mining.MiningForm;
import com.vetacrm.mining.MiningProblem;
import com.vetacrm.mining.MiningRejectedException;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningRules;
import com.vetacrm.mining.MiningService;
import com.vetacrm.mining.MiningState;
import com.vetacrm.mining.SearchType;
import com.vetacrm.settings.SettingsService;
import com.vetacrm.shared.BusinessRuleException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * The Generate Leads dialog (DESIGN §5.1): the fields in the design's order with their visibility rules, a live
 * credit estimate, the free preview (asked again when a filter's value is committed, or with its button — never
 * on every keystroke), the GDPR notice, and submission with one idempotency key per opening (a double click
 * sends the same key and gets the same request). The rules of {@link MiningRules} are shown at the fields as the
 * user changes them, the server's refusals at their fields too; the dialog never closes on an error.
 * <p>
 * After submitting, the dialog shows the request waiting and is told by push ({@link MiningResults}) when its
 * job finished: done closes it with a notification linking to the new leads; no result and errors are shown in
 * the dialog, which then takes a new key so the edited form can be sent again.
 */
public class GenerateLeadsDialog extends Dialog {

    private final transient MiningService mining;
    private final transient ReferenceDataService reference;
    private final transient TeamService teams;
    private final transient UserService users;
    private final transient MiningResults results;
    private final transient Consumer<MiningRequestRow> onChange;

    private final IntegerField leadNumber = new IntegerField();
    private final RadioButtonGroup<SearchType> searchType = new RadioButtonGroup<>();
    private final MultiSelectComboBox<String> countries = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> states = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> industries = new MultiSelectComboBox<>();
    private final Checkbox filterSize = new Checkbox();
    private final IntegerField sizeMin = new IntegerField();
    private final IntegerField sizeMax = new IntegerField();
    private final IntegerField contactNumber = new IntegerField();
    private final RadioButtonGroup<ContactFilter> contactFilter = new RadioButtonGroup<>();
    private final ComboBox<String> preferredRole = new ComboBox<>();
    private final MultiSelectComboBox<String> otherRoles = new MultiSelectComboBox<>();
    private final ComboBox<String> seniority = new ComboBox<>();
    private final RadioButtonGroup<LeadType> leadType = new RadioButtonGroup<>();
    private final ComboBox<TeamSummary> team = new ComboBox<>();
    private final ComboBox<UserSummary> salesperson = new ComboBox<>();
    private final MultiSelectComboBox<TagSummary> tags = new MultiSelectComboBox<>();
    private final Div estimate = new Div();
    private final Div preview = new Div();
    private final Div message = new Div();
    private final HorizontalLayout sizeRow;
    private final Button submit = new Button();
    private final Button cancel = new Button();

    private final Map<String, String> countryNames = new HashMap<>();
    private final Map<String, String> stateLabels = new HashMap<>();
    private final Map<String, String> roleNames = new LinkedHashMap<>();
    private final Map<String, String> seniorityNames = new LinkedHashMap<>();
    private final Map<String, HasValidation> fields = new HashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final boolean leadsEnabled;
    private final CreditBalance balance;
    private boolean submitAttempted;
    private boolean filling;

    /** One key per opening; replaced only once the request sent with it has ended and the form may be sent again. */
    private String idempotencyKey = UUID.randomUUID().toString();
    private MiningRequestRow waitingFor;
    private Registration resultRegistration;

    GenerateLeadsDialog(MiningService mining, ReferenceDataService reference, TeamService teams, UserService users,
            TagService tagService, SettingsService settings, MiningResults results, boolean admin, MiningForm initial,
            Consumer<MiningRequestRow> onChange) {
        this.mining = mining;
        this.reference = reference;
        this.teams = teams;
        this.users = users;
        this.results = results;
        this.onChange = onChange == null ? row -> { } : onChange;
        this.leadsEnabled = mining.leadsEnabled();
        this.balance = mining.balance();
        setId("generate-leads-dialog");
        setHeaderTitle(getTranslation("mining.dialog.title"));
        setWidth("min(46em, 100vw)");
        setCloseOnOutsideClick(false);

        configureFields(tagService);
        sizeRow = new HorizontalLayout(sizeMin, sizeMax);
        sizeRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout first = new HorizontalLayout(leadNumber, searchType);
        first.setAlignItems(FlexComponent.Alignment.BASELINE);
        first.setWrap(true);
        HorizontalLayout assignment = new HorizontalLayout(team, salesperson);
        assignment.setWidthFull();
        team.setWidth("50%");
        salesperson.setWidth("50%");

        estimate.setId("gl-estimate");
        estimate.addClassName("gl-estimate");
        preview.setId("gl-preview");
        preview.addClassName("gl-preview");
        Button refresh = new Button(getTranslation("mining.dialog.preview.refresh"), VaadinIcon.REFRESH.create(),
                e -> refreshPreview());
        refresh.setId("gl-preview-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div previewBox = new Div(preview, refresh);
        previewBox.addClassName("gl-preview-box");
        message.setId("gl-message");
        message.setVisible(false);

        VerticalLayout body = new VerticalLayout(first, countries, states, industries, filterSize, sizeRow,
                contactNumber, contactFilter, preferredRole, otherRoles, seniority, leadType, assignment, tags,
                estimate, previewBox, gdprNotice(settings.current().gdprText(), admin), message);
        body.setPadding(false);
        body.setSpacing(false);
        add(body);

        submit.setText(getTranslation("mining.dialog.submit"));
        submit.setId("gl-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());
        cancel.setText(getTranslation("mining.dialog.cancel"));
        cancel.setId("gl-cancel");
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, submit);

        addDetachListener(e -> stopWaiting());
        fill(initial);
        updateVisibility();
        updateEstimate();
        refreshPreview();
    }

    // ---------------------------------------------------------------- fields

    private void configureFields(TagService tagService) {
        var locale = getLocale();
        leadNumber.setId("gl-lead-number");
        leadNumber.setLabel(getTranslation("mining.dialog.leadNumber"));
        leadNumber.setMin(1);
        leadNumber.setMax(MiningRules.MAX_LEAD_NUMBER);
        leadNumber.setStepButtonsVisible(true);
        leadNumber.setValueChangeMode(ValueChangeMode.LAZY);
        fields.put(MiningProblem.LEAD_NUMBER, leadNumber);

        searchType.setId("gl-search-type");
        searchType.setLabel(getTranslation("mining.dialog.searchType"));
        searchType.setItems(SearchType.values());
        searchType.setItemLabelGenerator(t -> getTranslation(t.labelKey()));

        countries.setId("gl-countries");
        countries.setLabel(getTranslation("mining.dialog.countries"));
        countries.setWidthFull();
        List<ReferenceDataService.Country> countryList = reference.countries(locale);
        countryList.forEach(c -> countryNames.put(c.code(), c.name()));
        countries.setItems(countryList.stream().map(ReferenceDataService.Country::code).toList());
        countries.setItemLabelGenerator(c -> countryNames.getOrDefault(c, c));
        countries.setRequiredIndicatorVisible(true);
        fields.put(MiningProblem.COUNTRIES, countries);

        states.setId("gl-states");
        states.setLabel(getTranslation("mining.dialog.states"));
        states.setHelperText(getTranslation("mining.dialog.states.help"));
        states.setWidthFull();
        states.setItemLabelGenerator(s -> stateLabels.getOrDefault(s, s));
        fields.put(MiningProblem.STATES, states);

        industries.setId("gl-industries");
        industries.setLabel(getTranslation("mining.dialog.industries"));
        industries.setWidthFull();
        Map<String, String> industryNames = new LinkedHashMap<>();
        reference.industries(locale).forEach(i -> industryNames.put(i.code(), i.name()));
        industries.setItems(new ArrayList<>(industryNames.keySet()));
        industries.setItemLabelGenerator(i -> industryNames.getOrDefault(i, i));
        industries.setRequiredIndicatorVisible(true);
        fields.put(MiningProblem.INDUSTRIES, industries);

        filterSize.setId("gl-filter-size");
        filterSize.setLabel(getTranslation("mining.dialog.filterSize"));
        sizeMin.setId("gl-size-min");
        sizeMin.setLabel(getTranslation("mining.dialog.sizeMin"));
        sizeMin.setMin(1);
        sizeMin.setMax(MiningRules.MAX_SIZE);
        sizeMax.setId("gl-size-max");
        sizeMax.setLabel(getTranslation("mining.dialog.sizeMax"));
        sizeMax.setMin(1);
        sizeMax.setMax(MiningRules.MAX_SIZE);
        sizeMax.setSuffixComponent(new Span(getTranslation("mining.dialog.employees")));
        fields.put(MiningProblem.SIZE_MIN, sizeMin);
        fields.put(MiningProblem.SIZE_MAX, sizeMax);

        contactNumber.setId("gl-contact-number");
        contactNumber.setLabel(getTranslation("mining.dialog.contactNumber"));
        contactNumber.setMin(1);
        contactNumber.setMax(MiningRules.MAX_CONTACT_NUMBER);
        contactNumber.setStepButtonsVisible(true);
        contactNumber.setValueChangeMode(ValueChangeMode.LAZY);
        fields.put(MiningProblem.CONTACT_NUMBER, contactNumber);

        contactFilter.setId("gl-contact-filter");
        contactFilter.setLabel(getTranslation("mining.dialog.contactFilter"));
        contactFilter.setItems(ContactFilter.values());
        contactFilter.setItemLabelGenerator(f -> getTranslation(f.labelKey()));

        reference.contactRoles(locale).forEach(r -> roleNames.put(r.code(), r.name()));
        preferredRole.setId("gl-preferred-role");
        preferredRole.setLabel(getTranslation("mining.dialog.preferredRole"));
        preferredRole.setItems(new ArrayList<>(roleNames.keySet()));
        preferredRole.setItemLabelGenerator(r -> roleNames.getOrDefault(r, r));
        preferredRole.setRequiredIndicatorVisible(true);
        preferredRole.setWidthFull();
        fields.put(MiningProblem.PREFERRED_ROLE, preferredRole);
        otherRoles.setId("gl-other-roles");
        otherRoles.setLabel(getTranslation("mining.dialog.otherRoles"));
        otherRoles.setItems(new ArrayList<>(roleNames.keySet()));
        otherRoles.setItemLabelGenerator(r -> roleNames.getOrDefault(r, r));
        otherRoles.setWidthFull();
        fields.put(MiningProblem.OTHER_ROLES, otherRoles);

        reference.seniorities(locale).forEach(s -> seniorityNames.put(s.code(), s.name()));
        seniority.setId("gl-seniority");
        seniority.setLabel(getTranslation("mining.dialog.seniority"));
        seniority.setItems(new ArrayList<>(seniorityNames.keySet()));
        seniority.setItemLabelGenerator(s -> seniorityNames.getOrDefault(s, s));
        seniority.setRequiredIndicatorVisible(true);
        seniority.setWidthFull();
        fields.put(MiningProblem.SENIORITY, seniority);

        leadType.setId("gl-lead-type");
        leadType.setLabel(getTranslation("mining.dialog.leadType"));
        leadType.setItems(LeadType.values());
        leadType.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        fields.put(MiningProblem.LEAD_TYPE, leadType);

        team.setId("gl-team");
        team.setLabel(getTranslation("mining.dialog.team"));
        team.setItems(teams.findActive());
        team.setItemLabelGenerator(TeamSummary::name);
        team.setRequiredIndicatorVisible(true);
        fields.put(MiningProblem.TEAM, team);

        salesperson.setId("gl-salesperson");
        salesperson.setLabel(getTranslation("mining.dialog.salesperson"));
        // lazy: an installation may have many users
        salesperson.setItems(q -> users.findActiveUsers(q.getFilter().orElse(""),
                PageRequest.of(q.getPage(), q.getPageSize())).stream());
        salesperson.setItemLabelGenerator(UserSummary::displayName);
        salesperson.setClearButtonVisible(true);
        fields.put(MiningProblem.SALESPERSON, salesperson);

        tags.setId("gl-tags");
        tags.setLabel(getTranslation("mining.dialog.tags"));
        tags.setItems(tagService.findAll());
        tags.setItemLabelGenerator(TagSummary::name);
        tags.setWidthFull();
        fields.put(MiningProblem.TAGS, tags);

        // what each change does: visibility, estimate, preview, the rules at the touched fields
        leadNumber.addValueChangeListener(e -> changed(MiningProblem.LEAD_NUMBER, false));
        searchType.addValueChangeListener(e -> changed(MiningProblem.LEAD_NUMBER, false));
        countries.addValueChangeListener(e -> {
            countriesChanged();
            changed(MiningProblem.COUNTRIES, true);
        });
        states.addValueChangeListener(e -> changed(MiningProblem.STATES, true));
        industries.addValueChangeListener(e -> changed(MiningProblem.INDUSTRIES, true));
        filterSize.addValueChangeListener(e -> changed(null, true));
        sizeMin.addValueChangeListener(e -> changed(MiningProblem.SIZE_MIN, true));
        sizeMax.addValueChangeListener(e -> changed(MiningProblem.SIZE_MAX, true));
        contactNumber.addValueChangeListener(e -> changed(MiningProblem.CONTACT_NUMBER, false));
        contactFilter.addValueChangeListener(e -> changed(null, false));
        preferredRole.addValueChangeListener(e -> changed(MiningProblem.PREFERRED_ROLE, false));
        otherRoles.addValueChangeListener(e -> changed(MiningProblem.OTHER_ROLES, false));
        seniority.addValueChangeListener(e -> changed(MiningProblem.SENIORITY, false));
        leadType.addValueChangeListener(e -> changed(MiningProblem.LEAD_TYPE, false));
        team.addValueChangeListener(e -> changed(MiningProblem.TEAM, false));
        salesperson.addValueChangeListener(e -> {
            salespersonChanged(e.getValue());
            changed(MiningProblem.SALESPERSON, false);
        });
        tags.addValueChangeListener(e -> changed(MiningProblem.TAGS, false));
    }

    private Component gdprNotice(String text, boolean admin) {
        // the administrator's text, shown as written: a text node, never HTML
        Paragraph notice = new Paragraph(text == null ? "" : text);
        notice.setId("gl-gdpr");
        notice.addClassName("gl-gdpr");
        Div box = new Div(notice);
        box.addClassName("gl-gdpr-box");
        if (admin) {
            Anchor edit = new Anchor("settings", getTranslation("mining.dialog.gdpr.edit"));
            edit.setId("gl-gdpr-settings");
            box.add(edit);
        }
        return box;
    }

    private void fill(MiningForm f) {
        filling = true;
        try {
            leadNumber.setValue(f.getLeadNumber());
            searchType.setValue(f.getSearchType() == null ? SearchType.COMPANIES : f.getSearchType());
            countries.setValue(f.getCountries());
            countriesChanged();
            states.setValue(f.getStates().stream().filter(stateLabels::containsKey).collect(Collectors.toSet()));
            industries.setValue(f.getIndustries());
            filterSize.setValue(f.isFilterOnSize());
            sizeMin.setValue(f.getSizeMin());
            sizeMax.setValue(f.getSizeMax());
            contactNumber.setValue(f.getContactNumber() == null ? MiningForm.DEFAULT_CONTACT_NUMBER : f.getContactNumber());
            contactFilter.setValue(f.getContactFilter() == null ? ContactFilter.ROLE : f.getContactFilter());
            preferredRole.setValue(f.getPreferredRole());
            otherRoles.setValue(f.getOtherRoles());
            seniority.setValue(f.getSeniority());
            leadType.setValue(leadsEnabled ? (f.getLeadType() == null ? LeadType.LEAD : f.getLeadType())
                    : LeadType.OPPORTUNITY);
            team.setValue(f.getTeamId() == null ? null
                    : team.getListDataView().getItems().filter(t -> t.id() == f.getTeamId()).findFirst().orElse(null));
            salesperson.setValue(f.getSalespersonId() == null ? null : users.findUser(f.getSalespersonId()).orElse(null));
            tags.setValue(tags.getListDataView().getItems().filter(t -> f.getTagIds().contains(t.id()))
                    .collect(Collectors.toSet()));
        } finally {
            filling = false;
        }
    }

    /** The form the fields describe now. */
    MiningForm form() {
        MiningForm f = new MiningForm();
        f.setLeadNumber(leadNumber.getValue());
        f.setSearchType(searchType.getValue());
        f.setCountries(countries.getValue());
        f.setStates(states.getValue());
        f.setIndustries(industries.getValue());
        f.setFilterOnSize(filterSize.getValue());
        f.setSizeMin(sizeMin.getValue());
        f.setSizeMax(sizeMax.getValue());
        f.setContactNumber(contactNumber.getValue());
        f.setContactFilter(contactFilter.getValue());
        f.setPreferredRole(preferredRole.getValue());
        f.setOtherRoles(otherRoles.getValue());
        f.setSeniority(seniority.getValue());
        f.setLeadType(leadsEnabled ? leadType.getValue() : LeadType.OPPORTUNITY);
        f.setTeamId(team.getValue() == null ? null : team.getValue().id());
        f.setSalespersonId(salesperson.getValue() == null ? null : salesperson.getValue().id());
        f.setTagIds(tags.getValue().stream().map(TagSummary::id).collect(Collectors.toCollection(LinkedHashSet::new)));
        return f;
    }

    // ---------------------------------------------------------------- reactions

    private void changed(String field, boolean filter) {
        if (filling) {
            return;
        }
        if (field != null) {
            touched.add(field);
        }
        updateVisibility();
        updateEstimate();
        showRules();
        if (filter) {
            refreshPreview();
        }
    }

    /** The states offered are those of the chosen countries, labelled with their country; others are dropped. */
    private void countriesChanged() {
        Set<String> chosen = countries.getValue();
        Set<String> kept = states.getValue().stream().filter(s -> chosen.contains(MiningRules.countryOf(s)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        stateLabels.clear();
        List<String> codes = new ArrayList<>();
        boolean several = chosen.size() > 1;
        chosen.stream().sorted((a, b) -> countryNames.getOrDefault(a, a).compareTo(countryNames.getOrDefault(b, b)))
                .forEach(country -> reference.states(country, getLocale()).forEach(s -> {
                    codes.add(s.code());
                    stateLabels.put(s.code(), several
                            ? s.name() + " (" + countryNames.getOrDefault(country, country) + ")" : s.name());
                }));
        boolean wasFilling = filling;
        filling = true;
        try {
            states.setItems(codes);
            states.setValue(kept);
        } finally {
            filling = wasFilling;
        }
    }

    /** A salesperson outside the chosen team takes the team to one of theirs. */
    private void salespersonChanged(UserSummary user) {
        if (user == null || filling) {
            return;
        }
        List<Long> theirs = teams.teamIdsOf(user.id());
        if (theirs.isEmpty() || (team.getValue() != null && theirs.contains(team.getValue().id()))) {
            return;
        }
        team.getListDataView().getItems().filter(t -> theirs.contains(t.id())).findFirst().ifPresent(team::setValue);
    }

    private void updateVisibility() {
        states.setVisible(!countries.getValue().isEmpty());
        sizeRow.setVisible(filterSize.getValue());
        boolean contacts = searchType.getValue() == SearchType.COMPANIES_AND_CONTACTS;
        boolean byRole = contacts && contactFilter.getValue() != ContactFilter.SENIORITY;
        contactNumber.setVisible(contacts);
        contactFilter.setVisible(contacts);
        preferredRole.setVisible(byRole);
        otherRoles.setVisible(byRole && preferredRole.getValue() != null);
        seniority.setVisible(contacts && contactFilter.getValue() == ContactFilter.SENIORITY);
        leadType.setVisible(leadsEnabled);
    }

    /** The rules that need no server, at the fields the user changed (all of them after a submit). */
    private void showRules() {
        List<MiningProblem> problems = MiningRules.check(form());
        clearErrors();
        problems.stream().filter(p -> submitAttempted || touched.contains(p.field())).forEach(this::showAtField);
    }

    private void clearErrors() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Puts a problem at its field; returns false when it has none (it is shown above the buttons then). */
    private boolean showAtField(MiningProblem p) {
        HasValidation field = fields.get(p.field());
        if (field == null || (field instanceof Component c && !visible(c))) {
            return false;
        }
        if (!field.isInvalid()) {  // the first problem of a field is the one to fix first
            field.setErrorMessage(getTranslation(p.messageKey(), p.args()));
            field.setInvalid(true);
        }
        return true;
    }

    private static boolean visible(Component c) {
        for (Component at = c; at != null; at = at.getParent().orElse(null)) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void updateEstimate() {
        MiningEstimate e = mining.estimate(form());
        estimate.removeAll();
        Div companies = new Div(getTranslation("mining.dialog.estimate.companies", e.companyCredits(), e.companies()));
        companies.setId("gl-estimate-companies");
        estimate.add(companies);
        if (e.contactsPerCompany() > 0) {
            Div contacts = new Div(getTranslation("mining.dialog.estimate.contacts", e.contactCredits(),
                    e.contactsPerCompany()));
            contacts.setId("gl-estimate-contacts");
            estimate.add(contacts);
        }
        Div total = new Div(getTranslation("mining.dialog.estimate.total", e.maxCost(), balance.available()));
        total.setId("gl-estimate-total");
        total.addClassName("gl-estimate-total");
        estimate.add(total);
        if (e.maxCost() > balance.available()) {
            total.addClassName("gl-estimate-short");
        }
    }

    /** The free preview of the filters, when they are complete; otherwise what is missing for it. */
    private void refreshPreview() {
        MiningForm f = form();
        preview.removeAll();
        boolean filtersOk = MiningRules.check(f).stream().noneMatch(p -> isFilter(p.field()));
        if (!filtersOk) {
            preview.add(new Div(getTranslation("mining.dialog.preview.incomplete")));
            return;
        }
        // the preview counts companies: the contact fields do not change it (and may still be incomplete)
        f.setSearchType(SearchType.COMPANIES);
        SourcePreview p;
        try {
            p = mining.preview(f);
        } catch (MiningRejectedException e) {
            preview.add(new Div(getTranslation(e.messageKey(), e.args())));
            return;
        }
        String notKnown = MiningFormat.number(p.notKnown(), getLocale());
        Div matches = new Div(getTranslation("mining.dialog.preview.matches", p.matches(),
                p.notKnownExact() ? notKnown : "≈ " + notKnown));
        matches.setId("gl-preview-matches");
        matches.addClassName("gl-preview-matches");
        Div steps = new Div(getTranslation("mining.dialog.preview.steps", p.afterCountries(), p.afterStates(),
                p.afterIndustries(), p.afterSize()));
        steps.setId("gl-preview-steps");
        steps.addClassName("gl-preview-steps");
        preview.add(matches, steps);
    }

    private static boolean isFilter(String field) {
        return Set.of(MiningProblem.COUNTRIES, MiningProblem.STATES, MiningProblem.INDUSTRIES, MiningProblem.SIZE_MIN,
                MiningProblem.SIZE_MAX).contains(field);
    }

    // ---------------------------------------------------------------- submit and result

    private void submit() {
        try {
            doSubmit();
        } finally {
            submit.setEnabled(waitingFor == null);
        }
    }

    private void doSubmit() {
        submitAttempted = true;
        hideMessage();
        MiningForm f = form();
        List<MiningProblem> problems = MiningRules.check(f);
        if (!problems.isEmpty()) {
            showProblems(problems);
            return;
        }
        MiningRequestRow row;
        try {
            row = mining.submit(f, idempotencyKey);
        } catch (MiningRejectedException e) {
            showProblems(e.problems());
            return;
        } catch (BusinessRuleException e) {
            showMessage(getTranslation(e.messageKey(), e.args()), "error");
            return;
        }
        onChange.accept(row);
        if (row.state() == MiningState.ERROR && row.errorType() == MiningErrorType.CREDITS) {
            notEnoughCredits(row, MiningEstimate.of(f).maxCost());
            return;
        }
        waitingFor = row;
        showWaiting(row);
        UI ui = UI.getCurrent();
        stopWaiting();
        resultRegistration = results.register(ui, row.id(), this::finished);
        // the job may have ended before the registration: then nobody will publish again
        mining.findRequest(row.id()).filter(r -> r.state().finished()).ifPresent(r -> finished(r.id()));
    }

    private void showProblems(List<MiningProblem> problems) {
        clearErrors();
        List<String> elsewhere = new ArrayList<>();
        for (MiningProblem p : problems) {
            if (!showAtField(p)) {
                elsewhere.add(getTranslation(p.messageKey(), p.args()));
            }
        }
        if (!elsewhere.isEmpty()) {
            showMessage(String.join(" ", elsewhere), "error");
        }
    }

    private void notEnoughCredits(MiningRequestRow row, long required) {
        long available = mining.balance().available();
        renewKey();
        message.removeAll();
        Span text = new Span(getTranslation("mining.dialog.credits", row.number(), required, available));
        text.setId("gl-credits-message");
        Anchor buy = new Anchor("credits?buy", getTranslation("mining.dialog.credits.buy"));
        buy.setId("gl-buy-credits");
        message.add(text, new Span(" "), buy);
        message.setClassName("gl-message gl-message-error");
        message.setVisible(true);
    }

    private void showWaiting(MiningRequestRow row) {
        message.removeAll();
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        Span text = new Span(getTranslation("mining.dialog.queued", row.number()));
        text.setId("gl-progress");
        message.add(text, bar);
        message.setClassName("gl-message gl-message-progress");
        message.setVisible(true);
        cancel.setText(getTranslation("mining.dialog.close"));
    }

    /** The job of the request this dialog waits for ended (called in this UI's lock). */
    private void finished(long requestId) {
        if (waitingFor == null || waitingFor.id() != requestId) {
            return;  // told twice (push and the check after registering), or about an earlier request
        }
        MiningRequestRow row = mining.findRequest(requestId).orElse(null);
        if (row == null || !row.state().finished()) {
            return;
        }
        stopWaiting();
        waitingFor = null;
        mining.markSeen(requestId);
        onChange.accept(row);
        submit.setEnabled(true);
        cancel.setText(getTranslation("mining.dialog.cancel"));
        switch (row.state()) {
            case DONE -> {
                close();
                doneNotification(row, getTranslation(row.leadType() == LeadType.OPPORTUNITY
                        ? "mining.result.doneOpportunities" : "mining.result.done", row.leadsFound(), row.number(),
                        row.creditsCharged())).open();
            }
            case NO_RESULT -> {
                renewKey();
                showMessage(getTranslation("mining.result.noResult", row.number()), "contrast");
            }
            case ERROR -> {
                renewKey();
                if (row.errorType() == MiningErrorType.CREDITS) {
                    notEnoughCredits(row, row.creditsHeld() > 0 ? row.creditsHeld() : MiningEstimate.of(form()).maxCost());
                } else {
                    showMessage(getTranslation("mining.result.failed", row.number(),
                            row.errorDetail() == null ? getTranslation("mining.errorType.FAILED") : row.errorDetail()),
                            "error");
                }
            }
            case QUEUED -> { }
        }
    }

    /** "12 leads created (LMR007) — 36 credits" with a link to them. */
    static Notification doneNotification(MiningRequestRow row, String text) {
        Notification n = new Notification();
        n.setId("mining-result-notification");
        n.setDuration(10_000);
        n.setPosition(Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        Span label = new Span(text);
        label.setId("mining-result-text");
        Anchor link = new Anchor(MiningFormat.leadsLink(row.id()), n.getTranslation("mining.result.showLeads"));
        link.setId("mining-result-leads-link");
        link.addClassName("mining-result-link");
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(n.getTranslation("mining.dialog.close"));
        HorizontalLayout content = new HorizontalLayout(label, link, close);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        n.add(content);
        return n;
    }

    private void renewKey() {
        idempotencyKey = UUID.randomUUID().toString();
    }

    private void stopWaiting() {
        if (resultRegistration != null) {
            resultRegistration.remove();
            resultRegistration = null;
        }
    }

    private void showMessage(String text, String kind) {
        message.removeAll();
        message.add(new Span(text));
        message.setClassName("gl-message gl-message-" + kind);
        message.setVisible(true);
    }

    private void hideMessage() {
        message.removeAll();
        message.setVisible(false);
    }

    // ---------------------------------------------------------------- for tests of this package

    String idempotencyKey() {
        return idempotencyKey;
    }
}
