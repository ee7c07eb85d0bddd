package com.vetacrm.lead.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vetacrm.admin.StageService;
import com.vetacrm.admin.TagService;
import com.vetacrm.admin.TagSummary;
import com.vetacrm.admin.TeamService;
import com.vetacrm.admin.TeamSummary;
import com.vetacrm.admin.UserService;
import com.vetacrm.admin.UserSummary;
import com.vetacrm.lead.BulkAction;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadRow;
import com.vetacrm.lead.LeadService;
import com.vetacrm.shared.PhoneNumbers;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;

/**
 * All leads and opportunities the user may see, in a lazy grid: each scroll step asks the service for
 * one page, sorted in SQL, and no total is counted. Filters live in the URL. Selected rows can be
 * changed together (each action in one transaction, after a confirmation naming the count), and the
 * filtered set exported as CSV — every matching row, streamed, not just the loaded page.
 */
@Route("leads")
@PermitAll
@Menu(title = "nav.leads", order = 20, icon = "vaadin:table")
public class LeadsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE_SIZE = 50;

    private final transient LeadService leads;
    private final transient UserService users;
    private final transient TeamService teams;
    private final transient TagService tags;
    private final Grid<LeadRow> grid = new Grid<>();
    private final LeadFilterBar filters;
    private final MenuBar bulk = new MenuBar();
    private final MenuItem bulkRoot;
    private final Span requestFilter = new Span();
    /** Read by the CSV download, which runs outside the UI lock. */
    private volatile LeadQuery query = LeadQuery.all();

    LeadsView(LeadService leads, TeamService teams, UserService users, TagService tags, StageService stages,
            ObjectProvider<LeadViewAction> actions) {
        this.leads = leads;
        this.users = users;
        this.teams = teams;
        this.tags = tags;
        setId("leads-view");
        setSizeFull();

        Button newLead = new Button(getTranslation("leads.new"), VaadinIcon.PLUS.create(),
                e -> UI.getCurrent().navigate("leads/new"));
        newLead.setId("new-lead");
        newLead.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        bulk.setId("bulk-actions");
        bulk.addThemeVariants(MenuBarVariant.LUMO_CONTRAST);
        bulkRoot = bulk.addItem(getTranslation("leads.bulk", 0));
        buildBulkMenu(bulkRoot.getSubMenu());
        bulk.setEnabled(false);

        Anchor export = new Anchor(csvDownload(), "");
        export.setId("export-csv");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("leads.export")));
        export.addClassName("export-link");
        export.getElement().setAttribute("title", getTranslation("leads.export.hint"));

        Div toolbar = new Div(new H2(getTranslation("leads.title")), newLead, bulk, export);
        toolbar.addClassName("view-toolbar");
        actions.orderedStream().sorted(Comparator.comparingInt(LeadViewAction::order))
                .forEach(a -> a.create().ifPresent(toolbar::add));

        filters = new LeadFilterBar(true, teams, users, tags, stages, this::filtersChanged);
        requestFilter.setId("filter-request");
        requestFilter.addClassName("filter-chip");
        requestFilter.setVisible(false);

        configureGrid();
        add(toolbar, filters, requestFilter, grid);
        setFlexGrow(1, grid);
    }

    private void configureGrid() {
        grid.setId("leads-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE_SIZE);
        grid.addColumn(LitRenderer.<LeadRow>of("<a href=\"leads/${item.id}\">${item.name}</a>")
                        .withProperty("id", LeadRow::id).withProperty("name", LeadRow::name))
                .setHeader(getTranslation("leads.column.name")).setKey("name").setSortProperty("name")
                .setAutoWidth(true).setFlexGrow(2).setFrozen(true);
        grid.addColumn(LeadRow::partnerName).setHeader(getTranslation("leads.column.company")).setKey("company")
                .setSortProperty("partnerName").setAutoWidth(true);
        grid.addColumn(LeadRow::contactName).setHeader(getTranslation("leads.column.contact")).setKey("contact")
                .setSortProperty("contactName").setAutoWidth(true);
        grid.addColumn(LeadRow::email).setHeader(getTranslation("leads.column.email")).setKey("email")
                .setSortProperty("email").setAutoWidth(true);
        grid.addColumn(r -> PhoneNumbers.toInternational(r.phone())).setHeader(getTranslation("leads.column.phone"))
                .setKey("phone").setAutoWidth(true);
        grid.addColumn(r -> r.countryCode() == null ? "" : LeadFilterBar.countryName(r.countryCode(), getLocale()))
                .setHeader(getTranslation("leads.column.country")).setKey("country").setSortProperty("countryCode")
                .setAutoWidth(true);
        grid.addColumn(LeadRow::salespersonName).setHeader(getTranslation("leads.column.salesperson"))
                .setKey("salesperson").setSortProperty("salespersonName").setAutoWidth(true);
        grid.addColumn(LeadRow::teamName).setHeader(getTranslation("leads.column.team")).setKey("team")
                .setSortProperty("teamName").setAutoWidth(true);
        grid.addColumn(LeadRow::stageName).setHeader(getTranslation("leads.column.stage")).setKey("stage")
                .setSortProperty("stageName").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(r -> {
            Div chips = new Div(LeadFormat.tags(r.tags()));
            chips.addClassName("tag-chips");
            return chips;
        })).setHeader(getTranslation("leads.column.tags")).setKey("tags").setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.type().labelKey())).setHeader(getTranslation("leads.column.type"))
                .setKey("type").setSortProperty("type").setAutoWidth(true);
        grid.addColumn(r -> LeadFormat.money(r.expectedRevenue(), getLocale()))
                .setHeader(getTranslation("leads.column.revenue")).setKey("revenue").setSortProperty("expectedRevenue")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(r -> date.format(r.createdAt().atZone(ZoneOffset.UTC)))
                .setHeader(getTranslation("leads.column.created")).setKey("created").setSortProperty("createdAt")
                .setAutoWidth(true);
        grid.setMultiSort(true);
        grid.setItems(q -> leads.findLeads(query, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream());
        grid.addItemDoubleClickListener(e -> UI.getCurrent().navigate("leads/" + e.getItem().id()));
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            bulkRoot.setText(getTranslation("leads.bulk", n));
            bulk.setEnabled(n > 0);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LeadQuery fromUrl = LeadFilterState.fromParameters(event.getLocation().getQueryParameters());
        filters.show(fromUrl);
        apply(filters.query());
    }

    private void filtersChanged(LeadQuery changed) {
        apply(changed);
        UI.getCurrent().getPage().getHistory().replaceState(null,
                new Location("leads", LeadFilterState.toParameters(query)));
    }

    private void apply(LeadQuery changed) {
        query = changed;
        requestFilter.setVisible(changed.miningRequestId() != null);
        if (changed.miningRequestId() != null) {
            requestFilter.setText(getTranslation("leads.filter.request", changed.miningRequestId()));
        }
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    /** Streams the filtered rows as they are read; the filters are those at the moment of the click. */
    private DownloadHandler csvDownload() {
        return event -> {
            LeadQuery snapshot = query;
            event.setFileName("veta-leads-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                leads.exportCsv(snapshot, out);
            }
        };
    }

    private void buildBulkMenu(SubMenu menu) {
        menu.addItem(getTranslation("leads.bulk.assignSalesperson"), e -> {
            ComboBox<UserSummary> chooser = new ComboBox<>(getTranslation("leads.column.salesperson"));
            chooser.setId("bulk-salesperson");
            chooser.setItems(q -> users.findActiveUsers(q.getFilter().orElse(""),
                    PageRequest.of(q.getPage(), q.getPageSize())).stream());
            chooser.setItemLabelGenerator(UserSummary::displayName);
            confirm("leads.bulk.assignSalesperson", chooser,
                    () -> BulkActionDialog.whenChosen(chooser::getValue,
                            u -> run(new BulkAction.AssignSalesperson(u.id()))));
        }).setId("bulk-assign-salesperson");
        menu.addItem(getTranslation("leads.bulk.assignTeam"), e -> {
            ComboBox<TeamSummary> chooser = new ComboBox<>(getTranslation("leads.column.team"));
            chooser.setId("bulk-team");
            chooser.setItems(teams.findActive());
            chooser.setItemLabelGenerator(TeamSummary::name);
            confirm("leads.bulk.assignTeam", chooser,
                    () -> BulkActionDialog.whenChosen(chooser::getValue, t -> run(new BulkAction.AssignTeam(t.id()))));
        }).setId("bulk-assign-team");
        menu.addItem(getTranslation("leads.bulk.addTag"), e -> tagAction("leads.bulk.addTag",
                t -> run(new BulkAction.AddTag(t.id())))).setId("bulk-add-tag");
        menu.addItem(getTranslation("leads.bulk.removeTag"), e -> tagAction("leads.bulk.removeTag",
                t -> run(new BulkAction.RemoveTag(t.id())))).setId("bulk-remove-tag");
        menu.addItem(getTranslation("leads.bulk.convert"), e -> confirm("leads.bulk.convert", null,
                () -> run(new BulkAction.ConvertToOpportunity()))).setId("bulk-convert");
        menu.addItem(getTranslation("leads.bulk.markLost"), e -> {
            TextField reason = new TextField(getTranslation("lead.lostReason"));
            reason.setId("bulk-lost-reason");
            reason.setMaxLength(LeadService.MAX_LOST_REASON);
            reason.setWidthFull();
            confirm("leads.bulk.markLost", reason, () -> BulkActionDialog.whenChosen(
                    () -> reason.getValue().isBlank() ? null : reason.getValue(),
                    r -> run(new BulkAction.MarkLost(r))));
        }).setId("bulk-mark-lost");
        menu.addItem(getTranslation("leads.bulk.archive"), e -> confirm("leads.bulk.archive", null,
                () -> run(new BulkAction.Archive()))).setId("bulk-archive");
    }

    private void tagAction(String titleKey, Function<TagSummary, Integer> run) {
        ComboBox<TagSummary> chooser = new ComboBox<>(getTranslation("leads.column.tags"));
        chooser.setId("bulk-tag");
        chooser.setItems(tags.findAll());
        chooser.setItemLabelGenerator(TagSummary::name);
        confirm(titleKey, chooser, () -> BulkActionDialog.whenChosen(chooser::getValue, run));
    }

    private void confirm(String titleKey, com.vaadin.flow.component.Component chooser, BulkActionDialog.Action action) {
        int n = grid.getSelectedItems().size();
        new BulkActionDialog(getTranslation(titleKey), getTranslation("leads.bulk.message", n), chooser, action,
                () -> grid.getDataProvider().refreshAll()).open();
    }

    private int run(BulkAction action) {
        Set<Long> ids = grid.getSelectedItems().stream().map(LeadRow::id).collect(java.util.stream.Collectors.toSet());
        int changed = leads.bulk(ids, action);
        grid.deselectAll();
        Notification n = Notification.show(getTranslation("leads.bulk.done", changed), 4000,
                Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.setId("bulk-done");
        return changed;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("leads.title") + " · " + getTranslation("app.name");
    }
}
