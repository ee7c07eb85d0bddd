package com.vetacrm.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Veta is translated into, complete. English is the fallback. */
public enum SupportedLanguage {
    ENGLISH(Locale.ENGLISH, "English"),
    SPANISH(Locale.forLanguageTag("es"), "Español");

    private final Locale locale;
    private final String nativeName;

    SupportedLanguage(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** Shown in the language menu in the language itself, so a user can always find their own. */
    public String nativeName() {
        return nativeName;
    }

    public static SupportedLanguage fallback() {
        return ENGLISH;
    }

    public static List<Locale> locales() {
        return Arrays.stream(values()).map(SupportedLanguage::locale).toList();
    }

    /** Matches on the language only: es-MX and es-ES both get Spanish. */
    public static Optional<SupportedLanguage> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(l -> l.locale.getLanguage().equals(locale.getLanguage()))
                .findFirst();
    }

    public static Optional<SupportedLanguage> ofTag(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Optional.empty();
        }
        return of(Locale.forLanguageTag(languageTag));
    }
}
