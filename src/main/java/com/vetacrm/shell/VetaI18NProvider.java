package com.vetacrm.shell;

import com.vaadin.flow.i18n.I18NProvider;
import com.vetacrm.shared.SupportedLanguage;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Translations from {@code i18n/messages*.properties} (UTF-8). English is the base bundle.
 * <p>
 * The bundles are loaded without the JVM-default-locale fallback: on a server whose default
 * locale is Spanish, an English user must still get English.
 */
@Component
public class VetaI18NProvider implements I18NProvider {

    static final String BUNDLE = "i18n.messages";

    private static final Logger log = LoggerFactory.getLogger(VetaI18NProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return SupportedLanguage.locales();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale effective = SupportedLanguage.of(locale).orElse(SupportedLanguage.fallback()).locale();
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, effective, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, effective);
            return "!" + key;
        }
        if (params == null || params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, effective).format(params);
    }
}
