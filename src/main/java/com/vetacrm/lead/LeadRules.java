package com.vetacrm.lead;

import com.vetacrm.shared.PhoneNumbers;
import com.vetacrm.shared.WebAddresses;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The field rules of a lead, in one place: the form shows their messages at the fields and the
 * service applies the same checks again before it writes. Each check returns the translation key of
 * the problem, or empty when the value is fine (empty values are fine for optional fields).
 */
public final class LeadRules {

    public static final int MAX_NAME = 255;
    public static final BigDecimal MAX_REVENUE = new BigDecimal("9999999999999.99");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private LeadRules() {
    }

    public static Optional<String> checkName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("lead.error.nameRequired");
        }
        return checkLength(name, MAX_NAME);
    }

    public static Optional<String> checkLength(String value, int max) {
        return value != null && value.strip().length() > max ? Optional.of("lead.error.tooLong") : Optional.empty();
    }

    public static Optional<String> checkEmail(String email) {
        return isBlank(email) || WebAddresses.isValidEmail(email) ? Optional.empty() : Optional.of("lead.error.email");
    }

    public static Optional<String> checkWebsite(String website) {
        return isBlank(website) || WebAddresses.normaliseWebsite(website).isPresent()
                ? Optional.empty() : Optional.of("lead.error.website");
    }

    /** A phone must parse as a valid number of the lead's country, or carry its own "+" country code. */
    public static Optional<String> checkPhone(String phone, String countryCode) {
        if (isBlank(phone) || PhoneNumbers.toE164(phone, countryCode).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(isBlank(countryCode) && !phone.strip().startsWith("+")
                ? "lead.error.phoneNeedsCountry" : "lead.error.phone");
    }

    public static Optional<String> checkCountry(String countryCode) {
        return isBlank(countryCode) || COUNTRIES.contains(countryCode) ? Optional.empty() : Optional.of("lead.error.country");
    }

    /** An ISO 3166-2 code of the lead's country ("US-CA" for a US lead). */
    public static Optional<String> checkState(String stateCode, String countryCode) {
        if (isBlank(stateCode)) {
            return Optional.empty();
        }
        if (isBlank(countryCode) || !stateCode.strip().matches("[A-Z]{2}-[A-Z0-9]{1,3}")
                || !stateCode.strip().startsWith(countryCode + "-")) {
            return Optional.of("lead.error.state");
        }
        return Optional.empty();
    }

    public static Optional<String> checkRevenue(BigDecimal revenue) {
        if (revenue == null) {
            return Optional.empty();
        }
        if (revenue.signum() < 0) {
            return Optional.of("lead.error.revenueNegative");
        }
        return revenue.compareTo(MAX_REVENUE) > 0 || revenue.scale() > 2 && revenue.stripTrailingZeros().scale() > 2
                ? Optional.of("lead.error.revenueTooLarge") : Optional.empty();
    }

    public static Optional<String> checkProbability(BigDecimal probability) {
        if (probability == null) {
            return Optional.empty();
        }
        return probability.signum() < 0 || probability.compareTo(BigDecimal.valueOf(100)) > 0
                ? Optional.of("lead.error.probability") : Optional.empty();
    }

    public static Optional<String> checkPriority(int priority) {
        return priority < 0 || priority > 3 ? Optional.of("lead.error.priority") : Optional.empty();
    }

    public static Optional<String> checkContactName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return Optional.of("lead.error.contactNameRequired");
        }
        return checkLength(fullName, MAX_NAME);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
