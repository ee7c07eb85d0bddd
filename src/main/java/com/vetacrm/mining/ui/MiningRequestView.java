package com.vetacrm.mining.ui;

import com.vetacrm.shared.BrowserZone;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vetacrm.credits.CreditEntryRow;
import com.vetacrm.credits.CreditService;
import com.vetacrm.credits.LedgerFilter;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vetacrm.directory.ReferenceDataService;
import com.vetacrm.mining.ContactFilter;
import com.vetacrm.mining.MiningErrorType;
import com.vetacrm.mining.MiningForm;
import com.vetacrm.mining.MiningRejectedException;
import com.vetacrm.mining.MiningRequestRow;
import com.vetacrm.mining.MiningRules;
import com.vetacrm.mining.MiningService;
import com.vetacrm.mining.MiningState;
import com.vetacrm.security.Role;
import com.vetacrm.shared.BusinessRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Lead Mining Request (DESIGN §2 M4): its state and result (counts, credits held and charged, the reason of
 * an error), a link to the leads it created, its criteria read-only with names in the reader's language,
 * <em>Retry</em> for a request that ended in an error or without result, and <em>Duplicate</em>, which opens the
 * Generate Leads dialog with the same criteria. An unknown id is the not-found page.
 */
@Route("mining/requests/:id")
@RolesAllowed({Role.Names.SALES_MANAGER, Role.Names.ADMIN})
public class MiningRequestView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final transient MiningService mining;
    private final transient ReferenceDataService reference;
    private final transient GenerateLeadsAction generate;
    private final transient MiningResults results;
    private final transient CreditService credits;
    private final H2 heading = new H2();
    private final Div result = new Div();
    private final Div criteria = new Div();
    /** The request's credit ledger entries go here (credits feature); kept apart from the result and criteria. */
    private final Div ledger = new Div();
    private final Button retry = new Button();
    private final Button duplicate = new Button();
    private final Map<String, String> countryNames = new HashMap<>();
    private final Map<String, String> industryNames = new HashMap<>();
    private final Map<String, String> roleNames = new HashMap<>();
    private final Map<String, String> seniorityNames = new HashMap<>();
    private ZoneId zone = ZoneOffset.UTC;
    private MiningRequestRow row;
    private Registration waiting;

    MiningRequestView(MiningService mining, ReferenceDataService reference, GenerateLeadsAction generate,
            MiningResults results, CreditService credits) {
        this.credits = credits;
        this.mining = mining;
        this.reference = reference;
        this.generate = generate;
        this.results = results;
        setId("mining-request-view");
        reference.countries(getLocale()).forEach(c -> countryNames.put(c.code(), c.name()));
        reference.industries(getLocale()).forEach(i -> industryNames.put(i.code(), i.name()));
        reference.contactRoles(getLocale()).forEach(i -> roleNames.put(i.code(), i.name()));
        reference.seniorities(getLocale()).forEach(i -> seniorityNames.put(i.code(), i.name()));

        retry.setText(getTranslation("mining.request.retry"));
        retry.setIcon(VaadinIcon.REFRESH.create());
        retry.setId("mining-request-retry");
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retry.setDisableOnClick(true);
        retry.addClickListener(e -> retry());
        duplicate.setText(getTranslation("mining.request.duplicate"));
        duplicate.setIcon(VaadinIcon.COPY.create());
        duplicate.setId("mining-request-duplicate");
        duplicate.addClickListener(e -> duplicate());
        Anchor back = new Anchor("mining/requests", getTranslation("mining.request.back"));
        back.setId("mining-request-back");

        HorizontalLayout header = new HorizontalLayout(heading, retry, duplicate);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWrap(true);
        heading.getStyle().set("margin", "0 auto 0 0");
        header.setWidthFull();
        result.setId("mining-request-result");
        result.addClassName("mining-request-result");
        criteria.setId("mining-request-criteria");
        criteria.addClassName("mining-request-criteria");
        ledger.setId("mining-request-ledger");
        ledger.addClassName("mining-request-ledger");
        add(back, header, result, new H3(getTranslation("mining.request.criteria")), criteria, ledger);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        var found = mining.findRequest(id);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(found.get());
        showCriteria(mining.formOf(id));
    }

    /** The request's own ledger entries (hold, capture, release, refund): what it cost, entry by entry. */
    private void showLedger(MiningRequestRow r) {
        ledger.removeAll();
        List<CreditEntryRow> entries = credits.entries(LedgerFilter.ofMiningRequest(r.id()), PageRequest.of(0, 100));
        if (entries.isEmpty()) {
            return;
        }
        Grid<CreditEntryRow> grid = new Grid<>();
        grid.setId("mining-request-ledger-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).format(e.createdAt().atZone(zone))).setHeader(getTranslation("mining.request.ledger.at"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.kind().labelKey())).setHeader(getTranslation("mining.request.ledger.kind"))
                .setAutoWidth(true);
        grid.addColumn(e -> MiningFormat.number(e.amount(), getLocale()))
                .setHeader(getTranslation("mining.request.ledger.amount")).setAutoWidth(true);
        grid.addColumn(e -> MiningFormat.number(e.balanceAfter(), getLocale()))
                .setHeader(getTranslation("mining.request.ledger.balanceAfter")).setAutoWidth(true);
        grid.addColumn(e -> e.userName() == null ? "" : e.userName())
                .setHeader(getTranslation("mining.request.ledger.who")).setAutoWidth(true);
        grid.setItems(entries);
        ledger.add(new H3(getTranslation("mining.request.ledger")), grid);
    }

    private void show(MiningRequestRow r) {
        showLedger(r);
        this.row = r;
        heading.setText(getTranslation("mining.request.title", r.number()));
        retry.setVisible(r.state().retryable());
        retry.setEnabled(true);

        result.removeAll();
        Span state = MiningFormat.stateBadge(r.state(), getTranslation(r.state().labelKey()));
        state.setId("mining-request-state");
        result.add(line("mining.request.state", state));
        if (r.state() == MiningState.ERROR && r.errorType() != null) {
            String reason = getTranslation(r.errorType().labelKey());
            if (r.errorType() == MiningErrorType.FAILED && r.errorDetail() != null && !r.errorDetail().isBlank()) {
                reason = reason + ": " + r.errorDetail();
            }
            Span error = new Span(reason);
            error.setId("mining-request-error");
            result.add(line("mining.request.error", error));
            if (r.errorType() == MiningErrorType.CREDITS) {
                Anchor buy = new Anchor("credits?buy", getTranslation("mining.dialog.credits.buy"));
                buy.setId("mining-request-buy-credits");
                result.add(buy);
            }
        }
        if (r.state() == MiningState.NO_RESULT) {
            result.add(new Div(getTranslation("mining.request.noResultHint")));
        }
        result.add(line("mining.request.leadsFound", text("mining-request-leads-found", MiningFormat.number(r.leadsFound(), getLocale()))),
                line("mining.request.contactsFound", text("mining-request-contacts-found", MiningFormat.number(r.contactsFound(), getLocale()))),
                line("mining.request.creditsHeld", text("mining-request-credits-held", MiningFormat.number(r.creditsHeld(), getLocale()))),
                line("mining.request.creditsCharged", text("mining-request-credits-charged", MiningFormat.number(r.creditsCharged(), getLocale()))),
                line("mining.request.createdBy", text("mining-request-created", getTranslation("mining.request.createdByAt",
                        r.createdByName(), MiningFormat.dateTime(r.submittedAt(), zone, getLocale())))));
        if (r.finishedAt() != null) {
            result.add(line("mining.request.finishedAt",
                    text("mining-request-finished", MiningFormat.dateTime(r.finishedAt(), zone, getLocale()))));
        }
        if (r.leadsFound() > 0) {
            Anchor leads = new Anchor(MiningFormat.leadsLink(r.id()),
                    getTranslation(r.leadType() == com.vetacrm.lead.LeadType.OPPORTUNITY
                            ? "mining.request.opportunitiesLink" : "mining.request.leadsLink", r.leadsFound()));
            leads.setId("mining-request-leads-link");
            result.add(leads);
        }
        if (r.state() == MiningState.QUEUED) {
            waitForResult(r.id());
        }
    }

    private void showCriteria(MiningForm f) {
        criteria.removeAll();
        criteria.add(line("mining.dialog.leadNumber", text("criteria-lead-number", MiningFormat.number(f.getLeadNumber(), getLocale()))),
                line("mining.dialog.searchType", text("criteria-search-type", getTranslation(f.getSearchType().labelKey()))),
                line("mining.dialog.countries", text("criteria-countries", MiningFormat.names(f.getCountries(), countryNames))));
        if (!f.getStates().isEmpty()) {
            Map<String, String> stateNames = new HashMap<>();
            f.getCountries().forEach(c -> reference.states(c, getLocale()).forEach(s -> stateNames.put(s.code(), s.name())));
            criteria.add(line("mining.dialog.states", text("criteria-states", MiningFormat.names(f.getStates(), stateNames))));
        }
        criteria.add(line("mining.dialog.industries", text("criteria-industries", MiningFormat.names(f.getIndustries(), industryNames))));
        if (f.isFilterOnSize()) {
            criteria.add(line("mining.request.size", text("criteria-size", getTranslation("mining.request.sizeRange",
                    f.getSizeMin(), f.getSizeMax()))));
        }
        if (f.withContacts()) {
            criteria.add(line("mining.dialog.contactNumber", text("criteria-contact-number", String.valueOf(f.getContactNumber()))),
                    line("mining.dialog.contactFilter", text("criteria-contact-filter", getTranslation(f.getContactFilter().labelKey()))));
            if (f.getContactFilter() == ContactFilter.SENIORITY) {
                criteria.add(line("mining.dialog.seniority", text("criteria-seniority",
                        seniorityNames.getOrDefault(f.getSeniority(), f.getSeniority()))));
            } else {
                criteria.add(line("mining.dialog.preferredRole", text("criteria-preferred-role",
                        roleNames.getOrDefault(f.getPreferredRole(), f.getPreferredRole()))));
                if (!f.getOtherRoles().isEmpty()) {
                    criteria.add(line("mining.dialog.otherRoles", text("criteria-other-roles",
                            MiningFormat.names(f.getOtherRoles(), roleNames))));
                }
            }
        }
        criteria.add(line("mining.dialog.leadType", text("criteria-lead-type", getTranslation(f.getLeadType().labelKey()))),
                line("mining.dialog.team", text("criteria-team", row.teamName())),
                line("mining.dialog.salesperson", text("criteria-salesperson", row.salespersonName() == null ? "" : row.salespersonName())),
                line("mining.dialog.tags", text("criteria-tags", String.join(", ", row.tagNames()))));
    }

    private Div line(String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("mining-label");
        Div line = new Div(label, value);
        line.addClassName("mining-line");
        return line;
    }

    private static Span text(String id, String value) {
        Span s = new Span(value);
        s.setId(id);
        s.addClassName("mining-value");
        return s;
    }

    private void retry() {
        try {
            MiningRequestRow again = mining.retry(row.id());
            show(again);
            notify(getTranslation("mining.request.retried", again.number(), getTranslation(again.state().labelKey())),
                    again.state() == MiningState.ERROR ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        } catch (MiningRejectedException e) {
            retry.setEnabled(true);
            notify(e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args())).collect(Collectors.joining(" ")),
                    NotificationVariant.LUMO_ERROR);
        } catch (BusinessRuleException e) {
            retry.setEnabled(true);
            notify(getTranslation(e.messageKey(), e.args()), NotificationVariant.LUMO_ERROR);
        }
    }

    private void duplicate() {
        MiningForm copy = mining.formOf(row.id());
        // a state must stay within the countries (it always does for a stored request)
        Set<String> states = copy.getStates().stream()
                .filter(s -> copy.getCountries().contains(MiningRules.countryOf(s)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        copy.setStates(states);
        generate.open(copy, null);
    }

    /** While the request runs, its page is told by push when it ends. */
    private void waitForResult(long id) {
        stopWaiting();
        getUI().or(() -> Optional.ofNullable(UI.getCurrent())).ifPresent(ui -> {
            waiting = results.register(ui, id, finished -> mining.findRequest(finished).ifPresent(r -> {
                waiting = null;
                show(r);
            }));
            // it may have ended meanwhile
            mining.findRequest(id).filter(r -> r.state().finished()).ifPresent(r -> {
                stopWaiting();
                show(r);
            });
        });
    }

    private void stopWaiting() {
        if (waiting != null) {
            waiting.remove();
            waiting = null;
        }
    }

    private void notify(String text, NotificationVariant variant) {
        Notification n = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(variant);
        n.setId("mining-request-notification");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        BrowserZone.of(event.getUI()).filter(browser -> row != null && !browser.equals(zone)).ifPresent(browser -> {
            zone = browser;
            show(row);
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopWaiting();
        super.onDetach(event);
    }

    @Override
    public String getPageTitle() {
        return (row == null ? getTranslation("mining.requests.title") : getTranslation("mining.request.title", row.number()))
                + " · " + getTranslation("app.name");
    }
}
