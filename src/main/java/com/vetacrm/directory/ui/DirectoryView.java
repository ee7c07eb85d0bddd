package com.vetacrm.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vetacrm.directory.CountBy;
import com.vetacrm.directory.DirectoryCompanyDetails;
import com.vetacrm.directory.DirectoryCompanyRow;
import com.vetacrm.directory.DirectoryFilter;
import com.vetacrm.directory.DirectoryService;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.directory.ReferenceDataService.Country;
import com.vetacrm.directory.ReferenceDataService.Item;
import com.vetacrm.directory.ReferenceDataService.State;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The company directory lead mining draws from (DESIGN §7), for sales managers and administrators: filters
 * (country, its states, industry, size range, name or domain), a lazy grid sorted and paged in SQL with no
 * total count, a detail dialog with the company, its technologies and contacts, and the top countries and
 * industries of the filtered set.
 */
@Route("directory")
@RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
@Menu(title = "nav.directory", order = 40, icon = "vaadin:building")
public class DirectoryView extends VerticalLayout implements HasDynamicTitle {

    private final transient DirectoryService directory;
    private final transient ReferenceDataService reference;
    private final ComboBox<Country> country = new ComboBox<>();
    private final ComboBox<State> state = new ComboBox<>();
    private final ComboBox<Item> industry = new ComboBox<>();
    private final IntegerField sizeMin = new IntegerField();
    private final IntegerField sizeMax = new IntegerField();
    private final TextField search = new TextField();
    private final Grid<DirectoryCompanyRow> grid = new Grid<>();
    private final Div countryCounts = new Div();
    private final Div industryCounts = new Div();
    private volatile DirectoryFilter filter = DirectoryFilter.none();

    DirectoryView(DirectoryService directory, ReferenceDataService reference, CurrentUser currentUser) {
        this.directory = directory;
        this.reference = reference;
        setId("directory-view");
        setSizeFull();
        Locale locale = getLocale();

        country.setId("directory-filter-country");
        country.setLabel(getTranslation("directory.filter.country"));
        country.setItems(reference.countries(locale));
        country.setItemLabelGenerator(c -> c.name() + " (" + c.code() + ")");
        country.setClearButtonVisible(true);

        state.setId("directory-filter-state");
        state.setLabel(getTranslation("directory.filter.state"));
        state.setItemLabelGenerator(State::name);
        state.setClearButtonVisible(true);
        state.setVisible(false);

        industry.setId("directory-filter-industry");
        industry.setLabel(getTranslation("directory.filter.industry"));
        industry.setItems(reference.industries(locale));
        industry.setItemLabelGenerator(Item::name);
        industry.setClearButtonVisible(true);

        sizeMin.setId("directory-filter-size-min");
        sizeMin.setLabel(getTranslation("directory.filter.sizeMin"));
        sizeMax.setId("directory-filter-size-max");
        sizeMax.setLabel(getTranslation("directory.filter.sizeMax"));
        for (IntegerField f : List.of(sizeMin, sizeMax)) {
            f.setManualValidation(true);
            f.setClearButtonVisible(true);
            f.setWidth("9em");
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }

        search.setId("directory-filter-search");
        search.setLabel(getTranslation("directory.filter.search"));
        search.setPlaceholder(getTranslation("directory.filter.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);

        country.addValueChangeListener(e -> {
            List<State> states = e.getValue() == null ? List.of() : reference.states(e.getValue().code(), getLocale());
            state.clear();
            state.setItems(states);
            state.setVisible(!states.isEmpty());
            filtersChanged();
        });
        state.addValueChangeListener(e -> filtersChanged());
        industry.addValueChangeListener(e -> filtersChanged());
        sizeMin.addValueChangeListener(e -> filtersChanged());
        sizeMax.addValueChangeListener(e -> filtersChanged());
        search.addValueChangeListener(e -> filtersChanged());

        grid.setId("directory-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(DirectoryCompanyRow::name).setHeader(getTranslation("directory.column.name")).setKey("name")
                .setSortProperty("name").setFlexGrow(2);
        grid.addColumn(DirectoryCompanyRow::domain).setHeader(getTranslation("directory.column.domain"))
                .setKey("domain").setAutoWidth(true);
        grid.addColumn(DirectoryCompanyRow::countryName).setHeader(getTranslation("directory.column.country"))
                .setKey("country").setSortProperty("country").setAutoWidth(true);
        grid.addColumn(DirectoryCompanyRow::stateName).setHeader(getTranslation("directory.column.state"))
                .setKey("state").setAutoWidth(true);
        grid.addColumn(DirectoryCompanyRow::industryName).setHeader(getTranslation("directory.column.industry"))
                .setKey("industry").setSortProperty("industry").setFlexGrow(2);
        grid.addColumn(r -> integer(r.employees())).setHeader(getTranslation("directory.column.employees"))
                .setKey("employees").setSortProperty("employees").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> money(r.annualRevenue())).setHeader(getTranslation("directory.column.revenue"))
                .setKey("revenue").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> r.foundedYear() == null ? "" : String.valueOf(r.foundedYear()))
                .setHeader(getTranslation("directory.column.founded")).setKey("founded").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(q -> directory.findCompanies(filter, VaadinSpringDataHelpers.toSpringPageRequest(q), getLocale())
                .stream());
        grid.addItemClickListener(e -> openDetail(e.getItem().id()));

        Div counts = new Div(new H4(getTranslation("directory.counts.byCountry")), countryCounts,
                new H4(getTranslation("directory.counts.byIndustry")), industryCounts);
        counts.setId("directory-counts");
        counts.getStyle().set("min-width", "16em").set("overflow", "auto").set("font-size", "var(--lumo-font-size-s)");
        countryCounts.setId("directory-counts-country");
        industryCounts.setId("directory-counts-industry");

        H2 heading = new H2(getTranslation("directory.title"));
        heading.getStyle().set("margin", "0");
        HorizontalLayout title = new HorizontalLayout(heading);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (currentUser.hasRole(Role.ADMIN)) {
            // administrators import real company lists (DESIGN §7); the page itself is ADMIN-only too
            RouterLink importLink = new RouterLink(DirectoryImportView.class);
            importLink.setId("directory-import-link");
            importLink.add(VaadinIcon.UPLOAD.create(), new Span(getTranslation("directory.import.link")));
            importLink.addClassName("export-link");
            title.add(importLink);
        }
        HorizontalLayout bar = new HorizontalLayout(country, state, industry, sizeMin, sizeMax, search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        HorizontalLayout body = new HorizontalLayout(grid, counts);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        add(title, bar, body);
        setFlexGrow(1, body);
        refreshCounts();
    }

    /** Validates the size fields, then applies the filters; an invalid range keeps the last valid filter. */
    private void filtersChanged() {
        Integer min = sizeMin.getValue();
        Integer max = sizeMax.getValue();
        boolean valid = true;
        sizeMin.setInvalid(false);
        sizeMax.setInvalid(false);
        if (min != null && (min < 1 || min > DirectoryFilter.MAX_SIZE)) {
            fieldError(sizeMin, getTranslation("directory.error.sizeRange", DirectoryFilter.MAX_SIZE));
            valid = false;
        }
        if (max != null && (max < 1 || max > DirectoryFilter.MAX_SIZE)) {
            fieldError(sizeMax, getTranslation("directory.error.sizeRange", DirectoryFilter.MAX_SIZE));
            valid = false;
        }
        if (valid && min != null && max != null && min > max) {
            fieldError(sizeMax, getTranslation("directory.error.sizeOrder"));
            valid = false;
        }
        if (!valid) {
            return;
        }
        filter = new DirectoryFilter(country.getValue() == null ? null : country.getValue().code(),
                state.getValue() == null ? null : state.getValue().code(),
                industry.getValue() == null ? null : industry.getValue().code(), min, max, search.getValue());
        grid.getDataProvider().refreshAll();
        refreshCounts();
    }

    private static void fieldError(IntegerField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void refreshCounts() {
        fillCounts(countryCounts, directory.countsByCountry(filter, getLocale()));
        fillCounts(industryCounts, directory.countsByIndustry(filter, getLocale()));
    }

    private void fillCounts(Div target, List<CountBy> counts) {
        target.removeAll();
        if (counts.isEmpty()) {
            target.add(new Span(getTranslation("directory.counts.none")));
        }
        for (CountBy c : counts) {
            Span name = new Span(c.name() == null ? c.code() : c.name());
            Span n = new Span(integer(c.count()));
            n.getStyle().set("font-weight", "600");
            HorizontalLayout line = new HorizontalLayout(name, n);
            line.setWidthFull();
            line.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
            line.setSpacing(true);
            line.addClassName("directory-count");
            line.getElement().setAttribute("data-code", c.code());
            target.add(line);
        }
    }

    private void openDetail(long id) {
        DirectoryCompanyDetails c = directory.company(id, getLocale()).orElse(null);
        if (c == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("directory-detail");
        dialog.setHeaderTitle(c.name());
        dialog.setWidth("min(60em, 95vw)");

        Div fields = new Div();
        fields.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("gap", "0.25em 1em");
        field(fields, "directory.detail.legalName", c.legalName());
        field(fields, "directory.detail.ref", c.ref());
        field(fields, "directory.column.domain", c.domain());
        field(fields, "directory.column.industry", c.industryName());
        field(fields, "directory.column.employees", integer(c.employees()));
        field(fields, "directory.column.revenue", money(c.annualRevenue()));
        field(fields, "directory.column.founded", c.foundedYear() == null ? null : String.valueOf(c.foundedYear()));
        field(fields, "directory.detail.type", getTranslation("directory.type." + c.companyType()));
        field(fields, "directory.detail.phone", c.phone());
        field(fields, "directory.detail.mobile", c.mobilePhone());
        field(fields, "directory.detail.email", c.genericEmail());
        field(fields, "directory.detail.address", String.join(", ", java.util.stream.Stream.of(c.street(),
                        c.zip() == null ? c.city() : (c.zip() + " " + (c.city() == null ? "" : c.city())).trim(),
                        c.stateName(), c.countryName())
                .filter(s -> s != null && !s.isBlank()).toList()));
        field(fields, "directory.detail.timeZone", c.timeZone());
        Div links = new Div();
        for (String url : java.util.stream.Stream.of(c.linkedinUrl(), c.twitterUrl(), c.facebookUrl())
                .filter(u -> u != null && !u.isBlank()).toList()) {
            // the import stores only http(s) addresses; anything else a row may hold is shown, never linked
            String lower = url.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("https://") || lower.startsWith("http://")) {
                Anchor a = new Anchor(url.strip(), url);
                a.setTarget("_blank");
                a.getElement().setAttribute("rel", "noopener noreferrer");
                a.getStyle().set("display", "block");
                links.add(a);
            } else {
                Span text = new Span(url);
                text.getStyle().set("display", "block");
                links.add(text);
            }
        }
        if (links.getComponentCount() > 0) {
            Span label = new Span(getTranslation("directory.detail.links"));
            label.getStyle().set("color", "var(--lumo-secondary-text-color)");
            fields.add(label, links);
        }

        Paragraph description = new Paragraph(c.description() == null ? "" : c.description());
        description.setVisible(c.description() != null && !c.description().isBlank());

        Div chips = new Div();
        chips.setId("directory-detail-technologies");
        chips.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.25em");
        for (DirectoryCompanyDetails.Technology t : c.technologies()) {
            Span chip = new Span(t.name());
            chip.getElement().getThemeList().add("badge");
            chip.getElement().setAttribute("title", t.category() == null ? "" : t.category());
            chips.add(chip);
        }

        Grid<DirectoryCompanyDetails.Contact> contacts = new Grid<>();
        contacts.setId("directory-contacts");
        contacts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        contacts.addColumn(DirectoryCompanyDetails.Contact::fullName).setHeader(getTranslation("directory.contact.name"))
                .setKey("name").setAutoWidth(true);
        contacts.addColumn(DirectoryCompanyDetails.Contact::title).setHeader(getTranslation("directory.contact.title"))
                .setKey("title").setAutoWidth(true);
        contacts.addColumn(DirectoryCompanyDetails.Contact::seniorityName)
                .setHeader(getTranslation("directory.contact.seniority")).setKey("seniority").setAutoWidth(true);
        contacts.addColumn(DirectoryCompanyDetails.Contact::email).setHeader(getTranslation("directory.contact.email"))
                .setKey("email").setAutoWidth(true);
        contacts.addColumn(DirectoryCompanyDetails.Contact::phone).setHeader(getTranslation("directory.contact.phone"))
                .setKey("phone").setAutoWidth(true);
        contacts.setItems(c.contacts());
        contacts.setAllRowsVisible(c.contacts().size() <= 8);
        if (c.contacts().size() > 8) {
            contacts.setHeight("18em");
        }

        Span noContacts = new Span(getTranslation("directory.detail.noContacts"));
        noContacts.setVisible(c.contacts().isEmpty());
        contacts.setVisible(!c.contacts().isEmpty());

        dialog.add(fields, description, new H4(getTranslation("directory.detail.technologies")), chips,
                new H4(getTranslation("directory.detail.contacts", c.contacts().size())), noContacts, contacts);
        Button close = new Button(getTranslation("directory.detail.close"), e -> dialog.close());
        close.setId("directory-detail-close");
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                dialog.removeFromParent();
            }
        });
        dialog.open();
    }

    private void field(Div fields, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)");
        fields.add(label, new Span(value));
    }

    private String integer(long n) {
        return NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    private String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(getLocale());
        f.setCurrency(Currency.getInstance("USD"));
        f.setMaximumFractionDigits(0);
        f.setMinimumFractionDigits(0);
        return f.format(amount);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.title") + " · " + getTranslation("app.name");
    }
}
