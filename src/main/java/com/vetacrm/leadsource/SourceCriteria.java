package com.vetacrm.leadsource;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a mining request looks for (DESIGN §5.1): companies of the countries, where a country that has
 * chosen states counts only with those states (DESIGN §5.8: country IN (countries without a chosen
 * state) OR (country, state) IN (chosen pairs)); of one of the industries; optionally with
 * {@code sizeMin ≤ employees ≤ sizeMax}; and, when {@code contacts} is not null, their contacts.
 * Sets keep the caller's order; codes are upper-cased ISO codes for countries and states.
 *
 * @param stateCodes ISO 3166-2 codes ({@code US-CA}); each must belong to one of the countries
 * @param sizeMin    null when the request does not filter on size (then {@code sizeMax} is null too)
 */
public record SourceCriteria(Set<String> countryCodes, Set<String> stateCodes, Set<String> industryCodes,
        Integer sizeMin, Integer sizeMax, ContactCriteria contacts) {

    public SourceCriteria {
        countryCodes = upper(countryCodes);
        stateCodes = upper(stateCodes);
        industryCodes = industryCodes == null ? Set.of() : ordered(industryCodes.stream().filter(Objects::nonNull).map(String::trim));
        if (countryCodes.isEmpty() || industryCodes.isEmpty()) {
            throw new IllegalArgumentException("At least one country and one industry");
        }
        if ((sizeMin == null) != (sizeMax == null) || sizeMin != null && (sizeMin < 1 || sizeMin > sizeMax)) {
            throw new IllegalArgumentException("Size range must be 1 <= min <= max, or absent");
        }
        for (String state : stateCodes) {
            if (!countryCodes.contains(countryOf(state))) {
                throw new IllegalArgumentException("State " + state + " is not in a chosen country");
            }
        }
    }

    /** Companies only, no size filter. */
    public static SourceCriteria companies(Collection<String> countries, Collection<String> states,
            Collection<String> industries) {
        return new SourceCriteria(new LinkedHashSet<>(countries), new LinkedHashSet<>(states),
                new LinkedHashSet<>(industries), null, null, null);
    }

    public SourceCriteria withSize(Integer min, Integer max) {
        return new SourceCriteria(countryCodes, stateCodes, industryCodes, min, max, contacts);
    }

    public SourceCriteria withContacts(ContactCriteria contactCriteria) {
        return new SourceCriteria(countryCodes, stateCodes, industryCodes, sizeMin, sizeMax, contactCriteria);
    }

    public boolean filtersOnSize() {
        return sizeMin != null;
    }

    /** The countries that have no chosen state: all their companies count. */
    public Set<String> countriesWithoutStates() {
        Set<String> withStates = new LinkedHashSet<>();
        stateCodes.forEach(s -> withStates.add(countryOf(s)));
        Set<String> rest = new LinkedHashSet<>(countryCodes);
        rest.removeAll(withStates);
        return rest;
    }

    /** The country of an ISO 3166-2 code: the part before the dash. */
    public static String countryOf(String stateCode) {
        int dash = stateCode.indexOf('-');
        return dash < 0 ? stateCode : stateCode.substring(0, dash);
    }

    private static Set<String> upper(Set<String> codes) {
        if (codes == null) {
            return Set.of();
        }
        return ordered(codes.stream().filter(Objects::nonNull).map(c -> c.trim().toUpperCase(Locale.ROOT)));
    }

    private static Set<String> ordered(Stream<String> codes) {
        Set<String> out = new LinkedHashSet<>();
        codes.filter(c -> !c.isEmpty()).forEach(out::add);
        return Collections.unmodifiableSet(out);
    }
}
