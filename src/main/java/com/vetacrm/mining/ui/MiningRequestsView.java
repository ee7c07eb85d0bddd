package com.vetacrm.mining.ui;

import com.vetacrm.shared.BrowserZone;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.mining.MiningRequestQuery;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningService;
import com.vetacrm.mining.MiningState;
import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;

/**
 * Lead Mining Requests (DESIGN §2 M4): every request, newest first, in a lazy grid that asks for one page at a
 * time and counts nothing; filters by state, team and salesperson kept in the URL
 * ({@code /mining/requests?state=DONE&team=3}); a click opens the request.
 */
@Route("mining/requests")
@RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
@Menu(title = "nav.mining.requests", order = 50, icon = "vaadin:cluster")
public class MiningRequestsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE_SIZE = 50;

    private final transient MiningService mining;
    private final transient UserService users;
    private final Grid<MiningRequestRow> grid = new Grid<>();
    private final ComboBox<MiningState> stateFilter = new ComboBox<>();
    private final ComboBox<TeamSummary> teamFilter = new ComboBox<>();
    private final ComboBox<UserSummary> salespersonFilter = new ComboBox<>();
    private final Map<String, String> countryNames = new HashMap<>();
    private final Map<String, String> industryNames = new HashMap<>();
    private volatile MiningRequestQuery query = MiningRequestQuery.all();
    private ZoneId zone = ZoneOffset.UTC;
    private boolean showing;

    MiningRequestsView(MiningService mining, TeamService teams, UserService users, ReferenceDataService reference,
            GenerateLeadsAction generate) {
        this.mining = mining;
        this.users = users;
        setId("mining-requests-view");
        setSizeFull();
        reference.countries(getLocale()).forEach(c -> countryNames.put(c.code(), c.name()));
        reference.industries(getLocale()).forEach(i -> industryNames.put(i.code(), i.name()));

        Div toolbar = new Div(new H2(getTranslation("mining.requests.title")));
        toolbar.addClassName("view-toolbar");
        if (generate.available()) {
            toolbar.add(generate.button(row -> grid.getDataProvider().refreshAll()));
        }

        stateFilter.setId("mining-filter-state");
        stateFilter.setPlaceholder(getTranslation("mining.requests.filter.state"));
        stateFilter.setAriaLabel(getTranslation("mining.requests.filter.state"));
        stateFilter.setItems(MiningState.values());
        stateFilter.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        stateFilter.setClearButtonVisible(true);
        teamFilter.setId("mining-filter-team");
        teamFilter.setPlaceholder(getTranslation("mining.requests.filter.team"));
        teamFilter.setAriaLabel(getTranslation("mining.requests.filter.team"));
        teamFilter.setItems(teams.findActive());
        teamFilter.setItemLabelGenerator(TeamSummary::name);
        teamFilter.setClearButtonVisible(true);
        salespersonFilter.setId("mining-filter-salesperson");
        salespersonFilter.setPlaceholder(getTranslation("mining.requests.filter.salesperson"));
        salespersonFilter.setAriaLabel(getTranslation("mining.requests.filter.salesperson"));
        salespersonFilter.setItems(q -> users.findActiveUsers(q.getFilter().orElse(""),
                PageRequest.of(q.getPage(), q.getPageSize())).stream());
        salespersonFilter.setItemLabelGenerator(UserSummary::displayName);
        salespersonFilter.setClearButtonVisible(true);
        stateFilter.addValueChangeListener(e -> filtersChanged());
        teamFilter.addValueChangeListener(e -> filtersChanged());
        salespersonFilter.addValueChangeListener(e -> filtersChanged());
        HorizontalLayout filters = new HorizontalLayout(stateFilter, teamFilter, salespersonFilter);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        configureGrid();
        add(toolbar, filters, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("mining-requests-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.addColumn(MiningRequestRow::number).setHeader(getTranslation("mining.column.number")).setKey("number")
                .setSortProperty("number").setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        grid.addColumn(r -> getTranslation(r.searchType().labelKey())).setHeader(getTranslation("mining.column.target"))
                .setKey("target").setAutoWidth(true);
        grid.addColumn(r -> MiningFormat.names(r.countryCodes(), countryNames))
                .setHeader(getTranslation("mining.column.countries")).setKey("countries").setAutoWidth(true);
        grid.addColumn(r -> MiningFormat.names(r.industryCodes(), industryNames))
                .setHeader(getTranslation("mining.column.industries")).setKey("industries").setWidth("14em");
        grid.addColumn(r -> MiningFormat.number(r.leadsFound(), getLocale()))
                .setHeader(getTranslation("mining.column.leadsFound")).setKey("leadsFound").setSortProperty("leadsFound")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> MiningFormat.number(r.contactsFound(), getLocale()))
                .setHeader(getTranslation("mining.column.contactsFound")).setKey("contactsFound")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> MiningFormat.number(r.creditsCharged(), getLocale()))
                .setHeader(getTranslation("mining.column.creditsCharged")).setKey("creditsCharged")
                .setSortProperty("creditsCharged").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        // wide enough for the longest label; auto width would measure only the first rows
        grid.addComponentColumn(r -> MiningFormat.stateBadge(r.state(), getTranslation(r.state().labelKey())))
                .setHeader(getTranslation("mining.column.state")).setKey("state").setSortProperty("state")
                .setWidth("9em").setFlexGrow(0);
        grid.addColumn(MiningRequestRow::teamName).setHeader(getTranslation("mining.column.team")).setKey("team")
                .setAutoWidth(true);
        grid.addColumn(r -> r.salespersonName() == null ? "" : r.salespersonName())
                .setHeader(getTranslation("mining.column.salesperson")).setKey("salesperson").setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.tagNames())).setHeader(getTranslation("mining.column.tags"))
                .setKey("tags").setAutoWidth(true);
        grid.addColumn(MiningRequestRow::createdByName).setHeader(getTranslation("mining.column.createdBy"))
                .setKey("createdBy").setAutoWidth(true);
        grid.addColumn(r -> MiningFormat.dateTime(r.submittedAt(), zone, getLocale()))
                .setHeader(getTranslation("mining.column.createdAt")).setKey("createdAt").setSortProperty("submittedAt")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("mining.requests.empty"));
        grid.setItems(q -> mining.findRequests(query, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream());
        grid.addItemClickListener(e -> UI.getCurrent().navigate(MiningFormat.REQUEST_PATH + e.getItem().id()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        showing = true;
        try {
            stateFilter.setValue(enumValue(first(p, "state")));
            Long teamId = id(first(p, "team"));
            teamFilter.setValue(teamId == null ? null : teamFilter.getListDataView().getItems()
                    .filter(t -> t.id() == teamId).findFirst().orElse(null));
            Long userId = id(first(p, "salesperson"));
            salespersonFilter.setValue(userId == null ? null : users.findUser(userId).orElse(null));
        } finally {
            showing = false;
        }
        apply();
    }

    private void filtersChanged() {
        if (showing) {
            return;
        }
        apply();
        Map<String, String> p = new LinkedHashMap<>();
        if (query.state() != null) {
            p.put("state", query.state().name());
        }
        if (query.teamId() != null) {
            p.put("team", query.teamId().toString());
        }
        if (query.salespersonId() != null) {
            p.put("salesperson", query.salespersonId().toString());
        }
        UI.getCurrent().getPage().getHistory().replaceState(null,
                new Location("mining/requests", QueryParameters.simple(p)));
    }

    private void apply() {
        query = new MiningRequestQuery(stateFilter.getValue(),
                teamFilter.getValue() == null ? null : teamFilter.getValue().id(),
                salespersonFilter.getValue() == null ? null : salespersonFilter.getValue().id());
        grid.getDataProvider().refreshAll();
    }

    /** The filters as they are now, for tests. */
    MiningRequestQuery query() {
        return query;
    }

    private static String first(Map<String, List<String>> p, String key) {
        List<String> values = p.get(key);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    private static Long id(String s) {
        try {
            long v = s == null ? 0 : Long.parseLong(s.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static MiningState enumValue(String s) {
        try {
            return s == null ? null : MiningState.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // times follow the browser's zone when it is known; otherwise UTC
        BrowserZone.of(event.getUI()).filter(browser -> !browser.equals(zone)).ifPresent(browser -> {
            zone = browser;
            grid.getDataProvider().refreshAll();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mining.requests.title") + " · " + getTranslation("app.name");
    }
}
