package com.vetacrm.directory.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.directory.ReferenceDataService.Country;
import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * Administrators' read-only look at the reference data (countries, the subdivisions of a chosen country,
 * industries, contact roles, seniorities, web technologies), one list at a time in a grid.
 */
@Route("directory/reference")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.admin.reference", order = 940, icon = "vaadin:database")
public class ReferenceDataView extends VerticalLayout implements HasDynamicTitle {

    /** The lists the view shows. */
    public enum Kind {
        COUNTRIES("reference.list.countries"),
        STATES("reference.list.states"),
        INDUSTRIES("reference.list.industries"),
        ROLES("reference.list.roles"),
        SENIORITIES("reference.list.seniorities"),
        TECHNOLOGIES("reference.list.technologies");

        private final String labelKey;

        Kind(String labelKey) {
            this.labelKey = labelKey;
        }

        String labelKey() {
            return labelKey;
        }
    }

    /** One grid row, whatever the list: code, name and one detail (type, category…). */
    public record Row(String code, String name, String detail) {
    }

    private final transient ReferenceDataService service;
    private final Select<Kind> kind = new Select<>();
    private final ComboBox<Country> country = new ComboBox<>();
    private final Grid<Row> grid = new Grid<>();
    private final Grid.Column<Row> detailColumn;
    private final Span count = new Span();

    ReferenceDataView(ReferenceDataService service) {
        this.service = service;
        setId("reference-view");
        setSizeFull();

        kind.setId("reference-kind");
        kind.setLabel(getTranslation("reference.list"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));

        country.setId("reference-country");
        country.setLabel(getTranslation("reference.country"));
        country.setItems(service.countries(getLocale()));
        country.setItemLabelGenerator(c -> c.name() + " (" + c.code() + ")");
        country.setClearButtonVisible(false);

        grid.setId("reference-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(Row::code).setHeader(getTranslation("reference.code")).setKey("code")
                .setAutoWidth(true).setFlexGrow(0).setSortable(true);
        grid.addColumn(Row::name).setHeader(getTranslation("reference.name")).setKey("name").setSortable(true);
        detailColumn = grid.addColumn(Row::detail).setKey("detail").setSortable(true);
        count.setId("reference-count");

        kind.addValueChangeListener(e -> refresh());
        country.addValueChangeListener(e -> {
            if (kind.getValue() == Kind.STATES) {
                refresh();
            }
        });

        H2 heading = new H2(getTranslation("reference.title"));
        heading.getStyle().set("margin", "0");
        HorizontalLayout bar = new HorizontalLayout(kind, country, count);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(heading, bar, grid);
        setFlexGrow(1, grid);

        country.setValue(service.countries(getLocale()).stream().filter(c -> c.code().equals("US")).findFirst()
                .orElse(null));
        kind.setValue(Kind.COUNTRIES);
    }

    private void refresh() {
        Kind k = kind.getValue();
        Locale locale = getLocale();
        country.setVisible(k == Kind.STATES);
        List<Row> rows = switch (k) {
            case COUNTRIES -> service.countries(locale).stream().map(c -> new Row(c.code(), c.name(), null)).toList();
            case STATES -> country.getValue() == null ? List.of()
                    : service.states(country.getValue().code(), locale).stream()
                    .map(s -> new Row(s.code(), s.name(), s.parentCode() == null ? s.type() : s.type() + " · " + s.parentCode()))
                    .toList();
            case INDUSTRIES -> service.industries(locale).stream().map(i -> new Row(i.code(), i.name(), null)).toList();
            case ROLES -> service.contactRoles(locale).stream().map(i -> new Row(i.code(), i.name(), null)).toList();
            case SENIORITIES -> service.seniorities(locale).stream().map(i -> new Row(i.code(), i.name(), null)).toList();
            case TECHNOLOGIES -> service.technologies().stream().map(t -> new Row(t.code(), t.name(), t.category())).toList();
        };
        detailColumn.setVisible(k == Kind.STATES || k == Kind.TECHNOLOGIES);
        detailColumn.setHeader(getTranslation(k == Kind.STATES ? "reference.type" : "reference.category"));
        grid.setItems(rows);
        count.setText(getTranslation("reference.count", rows.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reference.title") + " · " + getTranslation("app.name");
    }
}
