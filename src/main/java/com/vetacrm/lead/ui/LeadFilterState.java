package com.vetacrm.lead.ui;

import com.vaadin.flow.router.QueryParameters;
import com.vetacrm.lead.LeadQuery;
import com.vetacrm.lead.LeadStatus;
import com.vetacrm.lead.LeadType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters as URL query parameters, so a copied link reproduces the view
 * ({@code /leads?tags=3,7&salesperson=12}). Unknown or malformed values are ignored rather than
 * failing the page: a link edited by hand still opens.
 */
final class LeadFilterState {

    private LeadFilterState() {
    }

    static QueryParameters toParameters(LeadQuery q) {
        Map<String, String> p = new LinkedHashMap<>();
        if (q.text() != null) {
            p.put("q", q.text());
        }
        if (q.mine()) {
            p.put("mine", "1");
        }
        put(p, "team", q.teamId());
        put(p, "salesperson", q.salespersonId());
        if (!q.tagIds().isEmpty()) {
            p.put("tags", q.tagIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
        }
        put(p, "country", q.countryCode());
        put(p, "stage", q.stageId());
        put(p, "type", q.type());
        put(p, "from", q.createdFrom());
        put(p, "to", q.createdTo());
        put(p, "request", q.miningRequestId());
        if (q.status() != LeadStatus.ACTIVE) {
            p.put("status", q.status().name());
        }
        return QueryParameters.simple(p);
    }

    private static void put(Map<String, String> p, String key, Object value) {
        if (value != null) {
            p.put(key, value.toString());
        }
    }

    static LeadQuery fromParameters(QueryParameters parameters) {
        Map<String, List<String>> p = parameters.getParameters();
        return new LeadQuery("1".equals(first(p, "mine")), id(first(p, "team")), id(first(p, "salesperson")),
                ids(first(p, "tags")), first(p, "q"), country(first(p, "country")), id(first(p, "stage")),
                enumValue(LeadType.class, first(p, "type")), date(first(p, "from")), date(first(p, "to")),
                id(first(p, "request")), enumValue(LeadStatus.class, first(p, "status")));
    }

    private static String first(Map<String, List<String>> p, String key) {
        List<String> values = p.get(key);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    static Long id(String s) {
        if (s == null) {
            return null;
        }
        try {
            long v = Long.parseLong(s.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Set<Long> ids(String s) {
        if (s == null) {
            return Set.of();
        }
        return Arrays.stream(s.split(",")).map(LeadFilterState::id).filter(Objects::nonNull).limit(50)
                .collect(Collectors.toSet());
    }

    private static String country(String s) {
        return s != null && s.matches("[A-Z]{2}") ? s : null;
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String s) {
        try {
            return s == null ? null : Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
