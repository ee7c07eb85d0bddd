package com.vetacrm.mining.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vetacrm.leadsource.SourceCompany;
import com.vetacrm.leadsource.SourceContact;
import com.vetacrm.mining.EnrichmentCard;
import com.vetacrm.shared.PhoneNumbers;
import com.vetacrm.shared.WebAddresses;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One enrichment card drawn from its structured data (DESIGN §5.6): the company block, the contacts table
 * ({@code enrichment-contacts}) and the provenance line linking to the request. Every value from the payload
 * is set as text (or as the text of an anchor whose address Veta builds: {@code mailto:} for a valid e-mail,
 * social links only when they are http(s)); nothing is ever parsed as HTML.
 */
class EnrichmentCardView extends Div {

    /** Reference names in the reader's language by code. */
    record Names(Map<String, String> industries, Map<String, String> countries, Map<String, String> states,
            Map<String, String> roles, Map<String, String> seniorities, Map<String, String> technologies) {
    }

    private final Locale locale;

    EnrichmentCardView(EnrichmentCard card, Names names, Locale locale) {
        this.locale = locale;
        addClassName("enrichment-card-view");
        SourceCompany c = card.company();

        H4 name = new H4(c.name());
        name.addClassName("enrichment-company-name");
        Div head = new Div(VaadinIcon.BUILDING_O.create(), name);
        head.addClassName("enrichment-head");
        add(head);
        if (present(c.legalName()) && !c.legalName().equals(c.name())) {
            add(fact("legal-name", "mining.card.legalName", new Span(c.legalName())));
        }
        if (present(c.description())) {
            Paragraph description = new Paragraph(c.description());
            description.addClassName("enrichment-description");
            add(description);
        }

        Div facts = new Div();
        facts.addClassName("enrichment-facts");
        if (present(c.industryCode())) {
            facts.add(fact("industry", "mining.card.industry", new Span(name(names.industries(), c.industryCode()))));
        }
        if (c.foundedYear() != null) {
            facts.add(fact("founded", "mining.card.founded", new Span(String.valueOf(c.foundedYear()))));
        }
        if (c.employees() > 0) {
            facts.add(fact("employees", "mining.card.employees",
                    new Span(NumberFormat.getIntegerInstance(locale).format(c.employees()))));
        }
        if (c.annualRevenue() != null) {
            facts.add(fact("revenue", "mining.card.revenue", new Span(usd(c.annualRevenue(), locale))));
        }
        List<String> phones = Stream.of(c.phone(), c.mobilePhone()).filter(EnrichmentCardView::present)
                .map(PhoneNumbers::toInternational).distinct().toList();
        if (!phones.isEmpty()) {
            facts.add(fact("phones", "mining.card.phones", new Span(String.join(", ", phones))));
        }
        if (present(c.email())) {
            facts.add(fact("emails", "mining.card.emails", email(c.email())));
        }
        if (present(c.timeZone())) {
            facts.add(fact("time-zone", "mining.card.timeZone", new Span(c.timeZone())));
        }
        String address = address(c, names);
        if (!address.isEmpty()) {
            facts.add(fact("address", "mining.card.address", new Span(address)));
        }
        add(facts);

        if (!c.technologies().isEmpty()) {
            Div technologies = new Div();
            technologies.addClassName("enrichment-technologies");
            technologies.getElement().setAttribute("aria-label", getTranslation("mining.card.technologies"));
            for (String code : c.technologies()) {
                Span badge = new Span(name(names.technologies(), code));
                badge.addClassNames("veta-badge", "enrichment-technology");
                technologies.add(badge);
            }
            add(fact("technologies", "mining.card.technologies", technologies));
        }

        Div social = new Div();
        social.addClassName("enrichment-social");
        socialLink(social, "linkedin", "LinkedIn", c.linkedinUrl());
        socialLink(social, "x", "X", c.twitterUrl());
        socialLink(social, "facebook", "Facebook", c.facebookUrl());
        if (social.getComponentCount() > 0) {
            add(social);
        }

        if (!c.contacts().isEmpty()) {
            add(contacts(c.contacts(), names));
        }
        add(provenance(card));
    }

    private Div fact(String field, String labelKey, Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("enrichment-label");
        value.addClassName("enrichment-value");
        Div fact = new Div(label, value);
        fact.addClassName("enrichment-fact");
        fact.getElement().setAttribute("data-field", field);
        return fact;
    }

    private Grid<SourceContact> contacts(List<SourceContact> contacts, Names names) {
        Grid<SourceContact> grid = new Grid<>();
        grid.setId("enrichment-contacts");
        grid.addClassName("enrichment-contacts");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(SourceContact::fullName).setKey("name").setHeader(getTranslation("mining.card.contact.name")).setAutoWidth(true);
        grid.addColumn(SourceContact::title).setKey("title").setHeader(getTranslation("mining.card.contact.title")).setAutoWidth(true);
        grid.addColumn(k -> k.roleCode() == null ? "" : name(names.roles(), k.roleCode()))
                .setKey("role").setHeader(getTranslation("mining.card.contact.role"));
        grid.addColumn(k -> k.seniorityCode() == null ? "" : name(names.seniorities(), k.seniorityCode()))
                .setKey("seniority").setHeader(getTranslation("mining.card.contact.seniority"));
        grid.addComponentColumn(k -> present(k.email()) ? email(k.email()) : new Span())
                .setKey("email").setHeader(getTranslation("mining.card.contact.email")).setAutoWidth(true);
        grid.addColumn(k -> PhoneNumbers.toInternational(k.phone()))
                .setKey("phone").setHeader(getTranslation("mining.card.contact.phone")).setAutoWidth(true);
        grid.setItems(contacts);
        return grid;
    }

    /** "Mined by request LMR007 from the Veta directory on 26 Nov 2026", the number linking to the request. */
    private Div provenance(EnrichmentCard card) {
        Anchor request = new Anchor("mining/requests/" + card.requestId(), Objects.toString(card.requestNumber(), ""));
        request.addClassName("enrichment-request-link");
        String source = "directory".equals(card.sourceId()) ? getTranslation("mining.card.source.directory")
                : getTranslation("mining.card.source.other", Objects.toString(card.sourceId(), ""));
        Div line = new Div(new Span(getTranslation("mining.card.provenance.before") + " "), request,
                new Span(" " + getTranslation("mining.card.provenance.after", source, date(card.minedOn()))));
        line.addClassName("enrichment-provenance");
        return line;
    }

    private String date(String isoDate) {
        if (isoDate == null) {
            return "";
        }
        try {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(LocalDate.parse(isoDate));
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }

    private static Component email(String email) {
        String address = email.trim();
        if (!WebAddresses.isValidEmail(address)) {
            return new Span(email);
        }
        Anchor mail = new Anchor("mailto:" + address, address);
        mail.addClassName("enrichment-email");
        return mail;
    }

    /** An anchor opening in a new tab for an http(s) address; any other scheme is shown as plain text. */
    private static void socialLink(Div into, String kind, String label, String url) {
        if (!present(url)) {
            return;
        }
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            Anchor a = new Anchor(u, label);
            a.setTarget(AnchorTarget.BLANK);
            a.getElement().setAttribute("rel", "noopener noreferrer");
            a.addClassNames("enrichment-social-link", "social-" + kind);
            into.add(a);
        } else {
            Span text = new Span(label + ": " + u);
            text.addClassNames("enrichment-social-text", "social-" + kind);
            into.add(text);
        }
    }

    private static String address(SourceCompany c, Names names) {
        List<String> parts = new ArrayList<>();
        if (present(c.street())) {
            parts.add(c.street());
        }
        String cityLine = Stream.of(c.zip(), c.city()).filter(EnrichmentCardView::present)
                .reduce((a, b) -> a + " " + b).orElse("");
        if (!cityLine.isEmpty()) {
            parts.add(cityLine);
        }
        if (present(c.stateCode())) {
            parts.add(name(names.states(), c.stateCode()));
        }
        if (present(c.countryCode())) {
            parts.add(name(names.countries(), c.countryCode()));
        }
        return String.join(", ", parts);
    }

    /** An estimated annual revenue in US dollars, written as the reader's locale writes money, no cents. */
    static String usd(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("USD"));
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }

    private static String name(Map<String, String> names, String code) {
        return names.getOrDefault(code, code);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
