package com.vetacrm.audit.ui;

import com.vetacrm.shared.BrowserZone;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vetacrm.audit.AuditAction;
import com.vetacrm.audit.AuditEntry;
import com.vetacrm.audit.AuditFilter;
import com.vetacrm.audit.AuditService;
import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The audit log for administrators: who changed settings, users and roles, credits, mining requests and
 * personal data, newest first, filtered by action and by day; a lazy grid, never counted. Times in the
 * browser's zone when it is known.
 */
@Route("admin/audit")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.admin.audit", order = 960, icon = "vaadin:clipboard-text")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final transient AuditService audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ComboBox<AuditAction> action = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private ZoneId zone = ZoneOffset.UTC;
    private AuditFilter filter = AuditFilter.none();

    public AuditView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        H2 title = new H2(getTranslation("audit.title"));

        action.setId("audit-filter-action");
        action.setLabel(getTranslation("audit.action"));
        action.setItems(Arrays.stream(AuditAction.values())
                .sorted(Comparator.comparing(a -> getTranslation(a.labelKey()))).toList());
        action.setItemLabelGenerator(a -> getTranslation(a.labelKey()));
        action.setClearButtonVisible(true);
        from.setId("audit-filter-from");
        from.setLabel(getTranslation("audit.from"));
        to.setId("audit-filter-to");
        to.setLabel(getTranslation("audit.to"));
        action.addValueChangeListener(e -> refilter());
        from.addValueChangeListener(e -> refilter());
        to.addValueChangeListener(e -> refilter());
        HorizontalLayout filters = new HorizontalLayout(action, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> format(e.at())).setHeader(getTranslation("audit.at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.userName() == null ? getTranslation("audit.system") : e.userName())
                .setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.action().labelKey())).setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.targetType() == null ? "" : e.targetType() + (e.targetId() == null ? "" : " " + e.targetId()))
                .setHeader(getTranslation("audit.target")).setAutoWidth(true);
        // plain text: details may quote what users typed (a reason), shown inert
        grid.addColumn(AuditEntry::details).setHeader(getTranslation("audit.details")).setFlexGrow(1);
        grid.setItems(q -> audit.entries(filter, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream());
        grid.setSizeFull();

        add(title, filters, grid);
        setFlexGrow(1, grid);
    }

    private void refilter() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        filter = new AuditFilter(action.getValue(), null, start == null ? null : start.atStartOfDay(zone).toInstant(),
                end == null ? null : end.plusDays(1).atStartOfDay(zone).toInstant());
        grid.getDataProvider().refreshAll();
    }

    private String format(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(at.atZone(zone));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        BrowserZone.of(event.getUI()).ifPresent(browser -> {
            zone = browser;
            grid.getDataProvider().refreshAll();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
