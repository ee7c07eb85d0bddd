package com.vetacrm.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

/**
 * Phone numbers as Veta stores them: E.164 ({@code +34911234567}), parsed with libphonenumber in the
 * context of the record's country, so "030 1234567" on a German lead and "+49 30 1234567" are the
 * same number. One implementation for forms, services, imports and the directory.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * The number in E.164, or empty when it is not a valid number. A number without a leading "+" is
     * read as a national number of {@code countryCode} (ISO 3166-1 alpha-2, may be null).
     */
    public static Optional<String> toE164(String raw, String countryCode) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        String region = countryCode == null || countryCode.isBlank() ? "ZZ" : countryCode.trim().toUpperCase(Locale.ROOT);
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), region);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The E.164 number written for people: "+34 911 23 45 67". Returns the input when it cannot be parsed. */
    public static String toInternational(String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        try {
            return UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
