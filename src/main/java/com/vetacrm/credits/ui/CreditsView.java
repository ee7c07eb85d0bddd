package com.vetacrm.credits.ui;

import com.vetacrm.shared.BrowserZone;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vetacrm.credits.CreditBalance;
import com.vetacrm.credits.CreditEntryKind;
import com.vetacrm.credits.CreditEntryRow;
import com.vetacrm.credits.CreditPurchase;
import com.vetacrm.credits.CreditService;
import com.vetacrm.credits.LedgerFilter;
import com.vetacrm.credits.PurchaseState;
import com.vetacrm.security.CurrentUser;
import com.vetacrm.security.Role;
import com.vetacrm.shell.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * The credit account (DESIGN §6) for sales managers (read-only, and they may ask for a pack) and
 * administrators (everything): balance, available and held credits, the purchase requests with approval,
 * and the ledger, lazy and filtered by kind and date, each row linking to its mining request. Times are
 * shown in the browser's time zone and the date filter reads days in it.
 */
@Route("credits")
@RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
@Menu(title = "nav.credits", order = 60, icon = "vaadin:coin-piles")
public class CreditsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Where the low-balance warning sends managers and admins: this page with the buy dialog open. */
    static final String BUY_LINK = "credits?buy";
    /** The route the mining engine serves a request's page under. */
    static final String MINING_REQUEST_PATH = "mining/requests/";

    private final transient CreditService credits;
    private final boolean admin;
    private final Div summary = new Div();
    private final Grid<CreditPurchase> purchases = new Grid<>();
    private final Grid<CreditEntryRow> ledger = new Grid<>();
    private final MultiSelectComboBox<CreditEntryKind> kindFilter = new MultiSelectComboBox<>();
    private final DatePicker fromFilter = new DatePicker();
    private final DatePicker toFilter = new DatePicker();
    private ZoneId zone = ZoneOffset.UTC;
    private volatile LedgerFilter filter = LedgerFilter.none();

    CreditsView(CreditService credits, CurrentUser currentUser) {
        this.credits = credits;
        this.admin = currentUser.hasRole(Role.ADMIN);
        setId("credits-view");
        setSizeFull();

        H2 heading = new H2(getTranslation("credits.title"));
        heading.getStyle().set("margin", "0 auto 0 0");
        Button buy = new Button(getTranslation("credits.buy"), VaadinIcon.CART.create(), e -> openBuyDialog());
        buy.setId("buy-credits-button");
        buy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(heading);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        if (admin) {
            Button grant = new Button(getTranslation("credits.grant"), VaadinIcon.PLUS.create(),
                    e -> ReasonDialog.grant(credits, () -> changed("credits.grant.done")).open());
            grant.setId("grant-credits-button");
            header.add(grant);
        }
        header.add(buy);

        summary.setId("credit-balance");
        summary.addClassName("credit-summary");

        add(header, summary, new H3(getTranslation("credits.purchases")), purchasesGrid(),
                new H3(getTranslation("credits.ledger")), filters(), ledgerGrid());
        setFlexGrow(1, ledger);
        refreshSummary();
    }

    // ---------------------------------------------------------------- summary

    private void refreshSummary() {
        CreditBalance b = credits.balance();
        summary.removeAll();
        summary.add(figure("credit-available", "credits.available", b.available(), true),
                figure("credit-balance-value", "credits.balance", b.balance(), false),
                figure("credit-held", "credits.held", b.held(), false));
        if (b.low()) {
            Span low = new Span(getTranslation("credits.lowHint", CreditFormat.credits(b.lowBalanceThreshold(), getLocale())));
            low.setId("credit-low");
            low.addClassName("credit-low");
            summary.add(low);
        }
    }

    private Div figure(String id, String labelKey, long value, boolean main) {
        Span number = new Span(CreditFormat.credits(value, getLocale()));
        number.setId(id);
        number.addClassName("credit-figure-value");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("credit-figure-label");
        Div figure = new Div(number, label);
        figure.addClassName("credit-figure");
        if (main) {
            figure.addClassName("credit-figure-main");
        }
        return figure;
    }

    // ---------------------------------------------------------------- purchases

    private Grid<CreditPurchase> purchasesGrid() {
        purchases.setId("credit-purchases-grid");
        purchases.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        purchases.setHeight("12em");
        purchases.addColumn(p -> dateTime(p.requestedAt())).setHeader(getTranslation("credits.column.requestedAt"))
                .setKey("requestedAt").setAutoWidth(true).setFlexGrow(0);
        purchases.addColumn(p -> CreditFormat.credits(p.credits(), getLocale()))
                .setHeader(getTranslation("credits.column.credits")).setKey("credits").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        purchases.addColumn(CreditPurchase::requestedByName).setHeader(getTranslation("credits.column.requestedBy"))
                .setKey("requestedBy").setAutoWidth(true);
        purchases.addComponentColumn(this::purchaseState).setHeader(getTranslation("credits.column.state"))
                .setKey("state").setWidth("13em").setFlexGrow(0);
        purchases.addColumn(p -> p.decidedAt() == null ? "" : getTranslation("credits.purchase.decidedBy",
                        p.decidedByName(), dateTime(p.decidedAt())))
                .setHeader(getTranslation("credits.column.decided")).setKey("decided").setFlexGrow(1);
        purchases.addColumn(p -> p.note() == null ? "" : p.note()).setHeader(getTranslation("credits.column.note"))
                .setKey("note").setFlexGrow(1);
        if (admin) {
            purchases.addComponentColumn(this::purchaseActions).setHeader(getTranslation("credits.column.actions"))
                    .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }
        purchases.setEmptyStateText(getTranslation("credits.purchases.empty"));
        purchases.setItems(q -> credits.purchases(Set.of(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream());
        return purchases;
    }

    private Component purchaseState(CreditPurchase p) {
        Span badge = new Span(getTranslation(p.state().labelKey()));
        badge.addClassNames("veta-badge", "purchase-" + p.state().name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private Component purchaseActions(CreditPurchase p) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (p.state() == PurchaseState.REQUESTED && credits.purchasesApprovedByAdministrator()) {
            Button approve = new Button(getTranslation("credits.purchase.approve"), e -> {
                credits.approvePurchase(p.id());
                changed("credits.purchase.approved", CreditFormat.credits(p.credits(), getLocale()));
            });
            approve.addClassName("purchase-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            Button reject = new Button(getTranslation("credits.purchase.reject"),
                    e -> ReasonDialog.rejectPurchase(credits, p.id(), () -> changed("credits.purchase.rejected")).open());
            reject.addClassName("purchase-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(approve, reject);
        }
        return actions;
    }

    private void openBuyDialog() {
        new BuyCreditsDialog(credits, purchase -> {
            purchases.getDataProvider().refreshAll();
            notifySuccess(getTranslation(credits.purchasesApprovedByAdministrator() && !admin
                    ? "credits.buy.requested" : "credits.buy.requestedAdmin", CreditFormat.credits(purchase.credits(), getLocale())));
        }).open();
    }

    // ---------------------------------------------------------------- ledger

    private Component filters() {
        kindFilter.setId("credit-filter-kind");
        kindFilter.setLabel(getTranslation("credits.filter.kind"));
        kindFilter.setItems(Arrays.stream(CreditEntryKind.values())
                .sorted(Comparator.comparing(k -> getTranslation(k.labelKey()))).toList());
        kindFilter.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kindFilter.setClearButtonVisible(true);
        fromFilter.setId("credit-filter-from");
        fromFilter.setLabel(getTranslation("credits.filter.from"));
        fromFilter.setClearButtonVisible(true);
        toFilter.setId("credit-filter-to");
        toFilter.setLabel(getTranslation("credits.filter.to"));
        toFilter.setClearButtonVisible(true);
        kindFilter.addValueChangeListener(e -> filtersChanged());
        fromFilter.addValueChangeListener(e -> filtersChanged());
        toFilter.addValueChangeListener(e -> filtersChanged());
        HorizontalLayout bar = new HorizontalLayout(kindFilter, fromFilter, toFilter);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    /** Applies the filters; a "from" after "to" is shown on the field and keeps the last valid filter. */
    private void filtersChanged() {
        LocalDate from = fromFilter.getValue();
        LocalDate to = toFilter.getValue();
        toFilter.setInvalid(false);
        if (from != null && to != null && from.isAfter(to)) {
            toFilter.setErrorMessage(getTranslation("credits.filter.dateOrder"));
            toFilter.setInvalid(true);
            return;
        }
        filter = new LedgerFilter(kindFilter.getValue(), from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        ledger.getDataProvider().refreshAll();
    }

    private Grid<CreditEntryRow> ledgerGrid() {
        ledger.setId("credit-ledger-grid");
        ledger.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        ledger.addColumn(r -> dateTime(r.createdAt())).setHeader(getTranslation("credits.column.date"))
                .setKey("date").setAutoWidth(true).setFlexGrow(0);
        // wide enough for the longest label; auto width would measure only the first rows
        ledger.addComponentColumn(this::kindBadge).setHeader(getTranslation("credits.column.kind")).setKey("kind")
                .setWidth("9em").setFlexGrow(0);
        ledger.addColumn(r -> CreditFormat.change(r.kind().settled() ? r.amount() : 0, getLocale()))
                .setHeader(getTranslation("credits.column.change")).setKey("change").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        // HOLD adds to the held credits, RELEASE and CAPTURE take out of them, each by its amount
        ledger.addColumn(r -> CreditFormat.change(r.kind().changesHeld() ? r.amount() : 0, getLocale()))
                .setHeader(getTranslation("credits.column.heldChange")).setKey("heldChange").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        ledger.addColumn(r -> CreditFormat.credits(r.balanceAfter(), getLocale()))
                .setHeader(getTranslation("credits.column.balanceAfter")).setKey("balanceAfter").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        ledger.addColumn(r -> CreditFormat.credits(r.availableAfter(), getLocale()))
                .setHeader(getTranslation("credits.column.availableAfter")).setKey("availableAfter").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        ledger.addColumn(r -> r.userName() == null ? getTranslation("credits.system") : r.userName())
                .setHeader(getTranslation("credits.column.user")).setKey("user").setAutoWidth(true);
        ledger.addColumn(this::description).setHeader(getTranslation("credits.column.description"))
                .setKey("description").setFlexGrow(2);
        ledger.addComponentColumn(this::requestLink).setHeader(getTranslation("credits.column.request"))
                .setKey("request").setAutoWidth(true).setFlexGrow(0);
        if (admin) {
            ledger.addComponentColumn(this::ledgerActions).setHeader(getTranslation("credits.column.actions"))
                    .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }
        ledger.setEmptyStateText(getTranslation("credits.ledger.empty"));
        ledger.setItems(q -> credits.entries(filter, VaadinSpringDataHelpers.toSpringPageRequest(q)).stream());
        return ledger;
    }

    private Component kindBadge(CreditEntryRow r) {
        Span badge = new Span(getTranslation(r.kind().labelKey()));
        badge.addClassNames("veta-badge", "credit-kind-" + r.kind().name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private String description(CreditEntryRow r) {
        if (r.note() != null && !r.note().isBlank()) {
            return r.note();
        }
        if (r.kind() == CreditEntryKind.GRANT && "trial".equals(r.reference())) {
            return getTranslation("credits.entry.trial");
        }
        if (r.kind() == CreditEntryKind.PURCHASE && r.reference() != null && r.reference().startsWith("purchase-")) {
            return getTranslation("credits.entry.purchase", r.reference().substring("purchase-".length()));
        }
        return r.reference() == null ? "" : r.reference();
    }

    private Component requestLink(CreditEntryRow r) {
        if (r.miningRequestId() == null) {
            return new Span();
        }
        Anchor link = new Anchor(MINING_REQUEST_PATH + r.miningRequestId(),
                getTranslation("credits.request", r.miningRequestId()));
        link.addClassName("credit-request-link");
        return link;
    }

    private Component ledgerActions(CreditEntryRow r) {
        if (r.kind() != CreditEntryKind.CAPTURE || r.holdId() == null) {
            return new Span();
        }
        Button refund = new Button(getTranslation("credits.refund"), e -> ReasonDialog.refund(credits, r.holdId(),
                r.reference(), () -> changed("credits.refund.done")).open());
        refund.addClassName("ledger-refund");
        refund.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return refund;
    }

    // ---------------------------------------------------------------- common

    /** After a change: the figures, both lists and the shell's low-balance warning are read again. */
    private void changed(String messageKey, Object... args) {
        refreshSummary();
        purchases.getDataProvider().refreshAll();
        ledger.getDataProvider().refreshAll();
        getUI().ifPresent(MainLayout::refreshBanners);
        notifySuccess(getTranslation(messageKey, args));
    }

    private void notifySuccess(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.setId("credits-notification");
    }

    private String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).format(at.atZone(zone));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("buy")) {
            openBuyDialog();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // times and the date filter follow the browser's zone when it is known; otherwise UTC
        BrowserZone.of(event.getUI()).filter(browser -> !browser.equals(zone)).ifPresent(browser -> {
            zone = browser;
            ledger.getDataProvider().refreshAll();
            purchases.getDataProvider().refreshAll();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("credits.title") + " · " + getTranslation("app.name");
    }
}
