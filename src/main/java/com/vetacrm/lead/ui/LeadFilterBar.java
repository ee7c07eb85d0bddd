package com.vetacrm.lead.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.StageSummary;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadStatus;
import com.vetacrm.lead.LeadType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * The filters of the pipeline and the leads grid. The pipeline shows the first five (my pipeline,
 * text, team, salesperson, tags); the grid adds country, stage, type, status and the created range.
 * It turns its fields into a {@link LeadQuery} and back, so the views keep the URL in step.
 */
class LeadFilterBar extends Div {

    private final Checkbox mine = new Checkbox();
    private final TextField text = new TextField();
    private final ComboBox<TeamSummary> team = new ComboBox<>();
    private final ComboBox<UserSummary> salesperson = new ComboBox<>();
    private final MultiSelectComboBox<TagSummary> tags = new MultiSelectComboBox<>();
    // the grid's fields: created only for the grid (full), as the pipeline never shows them and every
    // field costs server memory for as long as the view lives (docs/performance.md, "Session heap")
    private ComboBox<String> country;
    private ComboBox<StageSummary> stage;
    private Select<LeadType> type;
    private Select<LeadStatus> status;
    private DatePicker createdFrom;
    private DatePicker createdTo;

    private final transient UserService users;
    private final boolean full;
    private final List<TeamSummary> teamList;
    private final List<TagSummary> tagList;
    private final List<StageSummary> stageList;
    private Long miningRequestId;
    private boolean updating;

    LeadFilterBar(boolean full, TeamService teams, UserService users, TagService tagService, StageService stages,
            Consumer<LeadQuery> onChange) {
        this.full = full;
        this.users = users;
        this.teamList = teams.findActive();
        this.tagList = tagService.findAll();
        this.stageList = stages.findAllInOrder();
        addClassName("lead-filters");

        mine.setId("filter-mine");
        mine.setLabel(getTranslation("leads.filter.mine"));

        text.setId("filter-search");
        text.setPlaceholder(getTranslation("leads.filter.search"));
        text.setAriaLabel(getTranslation("leads.filter.search"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(100);

        team.setId("filter-team");
        team.setPlaceholder(getTranslation("leads.filter.team"));
        team.setAriaLabel(getTranslation("leads.filter.team"));
        team.setItems(teamList);
        team.setItemLabelGenerator(TeamSummary::name);
        team.setClearButtonVisible(true);

        salesperson.setId("filter-salesperson");
        salesperson.setPlaceholder(getTranslation("leads.filter.salesperson"));
        salesperson.setAriaLabel(getTranslation("leads.filter.salesperson"));
        // lazy: an installation may have many users
        salesperson.setItems(q -> users.findActiveUsers(q.getFilter().orElse(""),
                PageRequest.of(q.getPage(), q.getPageSize())).stream());
        salesperson.setItemLabelGenerator(UserSummary::displayName);
        salesperson.setClearButtonVisible(true);

        tags.setId("filter-tag");
        tags.setPlaceholder(getTranslation("leads.filter.tags"));
        tags.setAriaLabel(getTranslation("leads.filter.tags"));
        tags.setItems(tagList);
        tags.setItemLabelGenerator(TagSummary::name);
        tags.setClearButtonVisible(true);

        add(text, mine, team, salesperson, tags);

        mine.addValueChangeListener(e -> changed(onChange));
        text.addValueChangeListener(e -> changed(onChange));
        team.addValueChangeListener(e -> changed(onChange));
        salesperson.addValueChangeListener(e -> changed(onChange));
        tags.addValueChangeListener(e -> changed(onChange));

        if (full) {
            country = new ComboBox<>();
            stage = new ComboBox<>();
            type = new Select<>();
            status = new Select<>();
            createdFrom = new DatePicker();
            createdTo = new DatePicker();
            country.setId("filter-country");
            country.setPlaceholder(getTranslation("leads.filter.country"));
            country.setAriaLabel(getTranslation("leads.filter.country"));
            Locale locale = getLocale();
            List<String> codes = Arrays.stream(Locale.getISOCountries())
                    .sorted(Comparator.comparing(c -> countryName(c, locale))).toList();
            country.setItems(codes);
            country.setItemLabelGenerator(c -> countryName(c, locale) + " (" + c + ")");
            country.setClearButtonVisible(true);

            stage.setId("filter-stage");
            stage.setPlaceholder(getTranslation("leads.filter.stage"));
            stage.setAriaLabel(getTranslation("leads.filter.stage"));
            stage.setItems(stageList);
            stage.setItemLabelGenerator(StageSummary::name);
            stage.setClearButtonVisible(true);

            type.setId("filter-type");
            type.setAriaLabel(getTranslation("leads.filter.type"));
            type.setEmptySelectionAllowed(true);
            type.setEmptySelectionCaption(getTranslation("leads.filter.anyType"));
            type.setItems(LeadType.values());
            type.setItemLabelGenerator(t -> t == null ? getTranslation("leads.filter.anyType") : getTranslation(t.labelKey()));

            status.setId("filter-status");
            status.setAriaLabel(getTranslation("leads.filter.status"));
            status.setItems(LeadStatus.values());
            status.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
            status.setValue(LeadStatus.ACTIVE);

            createdFrom.setId("filter-created-from");
            createdFrom.setPlaceholder(getTranslation("leads.filter.createdFrom"));
            createdFrom.setAriaLabel(getTranslation("leads.filter.createdFrom"));
            createdFrom.setClearButtonVisible(true);
            createdTo.setId("filter-created-to");
            createdTo.setPlaceholder(getTranslation("leads.filter.createdTo"));
            createdTo.setAriaLabel(getTranslation("leads.filter.createdTo"));
            createdTo.setClearButtonVisible(true);
            createdFrom.addValueChangeListener(e -> createdTo.setMin(e.getValue()));
            createdTo.addValueChangeListener(e -> createdFrom.setMax(e.getValue()));

            add(country, stage, type, status, createdFrom, createdTo);
            country.addValueChangeListener(e -> changed(onChange));
            stage.addValueChangeListener(e -> changed(onChange));
            type.addValueChangeListener(e -> changed(onChange));
            status.addValueChangeListener(e -> changed(onChange));
            createdFrom.addValueChangeListener(e -> changed(onChange));
            createdTo.addValueChangeListener(e -> changed(onChange));
        }
    }

    static String countryName(String code, Locale locale) {
        return Locale.of("", code).getDisplayCountry(locale);
    }

    private void changed(Consumer<LeadQuery> onChange) {
        if (!updating) {
            onChange.accept(query());
        }
    }

    /** The filters as a query. An inverted date range counts as no upper bound until it is fixed. */
    LeadQuery query() {
        Set<Long> tagIds = tags.getValue().stream().map(TagSummary::id).collect(Collectors.toSet());
        boolean rangeOk = !full || createdFrom.getValue() == null || createdTo.getValue() == null
                || !createdFrom.getValue().isAfter(createdTo.getValue());
        return new LeadQuery(mine.getValue(), team.getValue() == null ? null : team.getValue().id(),
                salesperson.getValue() == null ? null : salesperson.getValue().id(), tagIds, text.getValue(),
                full ? country.getValue() : null,
                full && stage.getValue() != null ? stage.getValue().id() : null,
                full ? type.getValue() : null,
                full ? createdFrom.getValue() : null,
                full && rangeOk ? createdTo.getValue() : null,
                miningRequestId,
                full ? status.getValue() : LeadStatus.ACTIVE);
    }

    /** Shows the query's filters (from the URL) without firing change events. */
    void show(LeadQuery q) {
        updating = true;
        try {
            mine.setValue(q.mine());
            text.setValue(q.text() == null ? "" : q.text());
            team.setValue(q.teamId() == null ? null
                    : teamList.stream().filter(t -> t.id() == q.teamId()).findFirst().orElse(null));
            salesperson.setValue(q.salespersonId() == null ? null : users.findUser(q.salespersonId()).orElse(null));
            tags.setValue(tagList.stream().filter(t -> q.tagIds().contains(t.id())).collect(Collectors.toSet()));
            miningRequestId = q.miningRequestId();
            if (full) {
                country.setValue(q.countryCode());
                stage.setValue(q.stageId() == null ? null
                        : stageList.stream().filter(s -> s.id() == q.stageId()).findFirst().orElse(null));
                type.setValue(q.type());
                status.setValue(q.status());
                createdFrom.setValue(q.createdFrom());
                createdTo.setValue(q.createdTo());
            }
        } finally {
            updating = false;
        }
    }

    Long teamFilter() {
        return team.getValue() == null ? null : team.getValue().id();
    }
}
