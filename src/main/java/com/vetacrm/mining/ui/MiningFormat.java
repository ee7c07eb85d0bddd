package com.vetacrm.mining.ui;

import com.vaadin.flow.component.html.Span;
import com.vetacrm.mining.MiningState;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the mining views write numbers, dates, lists of coded names and states. */
final class MiningFormat {

    /** Where a request's page lives (the credits ledger links here too). */
    static final String REQUEST_PATH = "mining/requests/";

    private MiningFormat() {
    }

    /** "1,250" in English, "1.250" in Spanish. */
    static String number(long n, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    static String dateTime(Instant at, ZoneId zone, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(at.atZone(zone));
    }

    /** Names of codes in the reader's language, in the given order; an unknown code is shown as it is. */
    static String names(Collection<String> codes, Map<String, String> names) {
        return codes.stream().map(c -> names.getOrDefault(c, c)).collect(Collectors.joining(", "));
    }

    /** The link to the leads a request created: the leads grid filtered by it. */
    static String leadsLink(long requestId) {
        return "leads?request=" + requestId;
    }

    /** Lumo's badge for a state: blue while queued, green when done, grey for no result, red for an error. */
    static Span stateBadge(MiningState state, String label) {
        Span badge = new Span(label);
        badge.getElement().getThemeList().add("badge");
        switch (state) {
            case DONE -> badge.getElement().getThemeList().add("success");
            case NO_RESULT -> badge.getElement().getThemeList().add("contrast");
            case ERROR -> badge.getElement().getThemeList().add("error");
            case QUEUED -> { }
        }
        badge.addClassName("mining-state-" + state.name().toLowerCase(Locale.ROOT));
        return badge;
    }
}
